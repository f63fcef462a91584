using System.Diagnostics;
using System.Text;
using OutlookCommit.Analysis.Model;
using Xunit.Abstractions;

namespace OutlookCommit.Analysis.Tests;

/// <summary>
/// Every input the fuzzer kept (tests/fuzz/corpus/**, written by scripts/fuzz-html.sh) and every seed
/// (tests/fuzz/seeds/**) through the whole engine: no exception, sound offsets,
/// and no input slow enough to be a hang. What afl-fuzz found once stays a regression test in every run.
/// </summary>
public class FuzzCorpusReplayTests(ITestOutputHelper output)
{
    /// <summary>Generous: the HTML parse is cut at 1 s and a corpus input is a few KB; this only catches a hang.</summary>
    private static readonly TimeSpan PerInputBound = TimeSpan.FromSeconds(5);

    [Fact]
    public void Every_corpus_and_seed_input_is_analyzed_soundly_and_quickly()
    {
        var root = FuzzFolder();
        var files = new[] { "corpus", "seeds" }.Select(f => Path.Combine(root, f)).Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);

        _ = TestData.Analyzer; // built and warmed outside the measured time
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var times = new System.Collections.Concurrent.ConcurrentBag<(TimeSpan Time, string File)>();
        var total = Stopwatch.StartNew();
        // The engine is shared and thread-safe; in parallel the 1,500 inputs take seconds, not half a minute.
        Parallel.ForEach(files, file =>
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            var newline = text.IndexOf('\n');
            var (subject, body) = newline is > 0 and < 200 ? (text[..newline], text[(newline + 1)..]) : ("", text);
            // afl-fuzz grew the corpus as HTML bodies (its target reads each input both ways, up to the sentences);
            // the seeds are read both ways here too.
            var types = file.Contains($"{Path.DirectorySeparatorChar}seeds{Path.DirectorySeparatorChar}") ? new[] { BodyType.Html, BodyType.Text } : [BodyType.Html];
            foreach (var type in types)
            {
                var watch = Stopwatch.StartNew();
                string? problem;
                try { problem = Problem(TestData.Analyzer.Analyze(new Draft { Subject = subject, Body = body, BodyType = type, ReferenceTime = DateTimeOffset.Parse("2026-11-27T10:00:00+08:00") })); }
                catch (Exception e) { problem = $"{e.GetType().Name}: {e.Message}"; }
                watch.Stop();
                times.Add((watch.Elapsed, Path.GetFileName(file)));
                if (problem is null && watch.Elapsed > PerInputBound) problem = $"took {watch.Elapsed.TotalMilliseconds:F0} ms";
                if (problem is not null) failures.Add($"{Path.GetRelativePath(root, file)} as {type}: {problem}");
            }
        });
        var slowest = times.MaxBy(t => t.Time);
        output.WriteLine($"{files.Count} inputs replayed ({times.Count} analyses) in {total.Elapsed.TotalSeconds:F1} s; slowest {slowest.Time.TotalMilliseconds:F0} ms ({slowest.File}).");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string? Problem(DraftAnalysis a)
    {
        var length = a.AnalyzedText.Length;
        if (a.BodyStart < 0 || a.BodyStart > length) return $"body start {a.BodyStart} outside the text ({length})";
        foreach (var r in a.Ignored)
            if (r.Start < 0 || r.End <= r.Start || r.End > length) return $"ignored range {r} outside the text ({length})";
        foreach (var s in SpecTests.AllSpans(a))
        {
            if (s.Start < 0 || s.End < s.Start || s.End > length || a.AnalyzedText[s.Start..s.End] != s.Text) return $"span {s.Start}..{s.End} does not match the text";
            if (SpecTests.TouchesIgnored(a, (s.Start, s.End))) return $"evidence '{s.Text}' from ignored text";
            if (SurrogatePairSpanTests.SplitsAPair(a.AnalyzedText, s.Start, s.End)) return $"span {s.Start}..{s.End} splits a surrogate pair";
        }
        return string.IsNullOrWhiteSpace(a.ClosingTemplate.Text) ? "no closing template" : null;
    }

    /// <summary>tests/fuzz, found from the test binaries or from this source file (an --artifacts-path build elsewhere).</summary>
    private static string FuzzFolder([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source) ?? "" })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "fuzz");
                if (Directory.Exists(candidate)) return candidate;
            }
        throw new DirectoryNotFoundException("tests/fuzz was not found above the test binaries or this source file.");
    }
}
