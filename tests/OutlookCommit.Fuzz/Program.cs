using System.Diagnostics;
using OutlookCommit.Fuzz;
using SharpFuzz;

// Modes:
//   (under afl-fuzz)                  the SharpFuzz fork server: scripts/fuzz-html.sh starts it as `dotnet OutlookCommit.Fuzz.dll afl`
//   replay <file or folder>...        every file through the target once; exit 1 on the first failure
//   mutate <seconds> <folder>...      a random-mutation loop over the files, for machines without afl-fuzz
// Without afl-fuzz and without arguments it only prints this, so a solution-wide build or run does nothing.
if (Environment.GetEnvironmentVariable("__AFL_SHM_ID") is not null || args is ["afl", ..])
{
    // Out of process: a stack overflow or a hang kills a child that the server restarts, not the whole run.
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        DocumentTarget.Run(memory.ToArray());
    });
    return 0;
}

// An instrumented engine (after `sharpfuzz`) writes coverage to afl's shared memory; outside afl-fuzz it needs a buffer.
AflCoverage.EnsureBuffer();
switch (args)
{
    case ["replay", .. var paths] when paths.Length > 0:
        return Replay(paths);
    case ["mutate", var seconds, .. var folders] when int.TryParse(seconds, out var s) && folders.Length > 0:
        return MutationLoop.Run(TimeSpan.FromSeconds(s), folders);
    default:
        Console.WriteLine("OutlookCommit.Fuzz: the HTML-to-text and quote/signature step under afl-fuzz (see scripts/fuzz-html.sh).");
        Console.WriteLine("  replay <file or folder>...     run each file once");
        Console.WriteLine("  mutate <seconds> <folder>...   random mutations of the files, without afl-fuzz");
        return 0;
}

static int Replay(string[] paths)
{
    var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p]).ToList();
    var slowest = TimeSpan.Zero;
    var failures = 0;
    foreach (var file in files)
    {
        var watch = Stopwatch.StartNew();
        try { DocumentTarget.Run(File.ReadAllBytes(file)); }
        catch (Exception e)
        {
            failures++;
            Console.WriteLine($"FAIL {file}\n  {e.GetType().Name}: {e.Message}");
        }
        if (watch.Elapsed > slowest) slowest = watch.Elapsed;
    }
    Console.WriteLine($"{files.Count} files replayed, {failures} failed, slowest {slowest.TotalMilliseconds:F0} ms (the first includes building the lexicons)");
    return failures == 0 ? 0 : 1;
}
