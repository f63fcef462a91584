using System.Diagnostics;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// A tiny tmpfs of its own, so a test can fill a disk for real (the kernel answers ENOSPC, SQLite SQLITE_FULL)
/// without touching the machine's disks. Mounting needs root (as on CI); elsewhere <see cref="TryMount"/> says why not.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    private string FillerPath => System.IO.Path.Combine(Path, "filler");

    public static SmallDisk? TryMount(int megabytes, out string? whyNot)
    {
        whyNot = null;
        if (!OperatingSystem.IsLinux())
        {
            whyNot = "a tmpfs mount needs Linux";
            return null;
        }
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"oc-smalldisk-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        var (code, text) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", path);
        if (code == 0)
            return new SmallDisk(path);
        Directory.Delete(path);
        whyNot = $"cannot mount a {megabytes} MB tmpfs (needs root): {text.Trim()}";
        return null;
    }

    /// <summary>Writes a file until the disk refuses (ENOSPC); returns the bytes written.</summary>
    public long Fill()
    {
        var block = new byte[64 * 1024];
        long written = 0;
        using var file = new FileStream(FillerPath, FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        try
        {
            while (true)
            {
                file.Write(block);
                written += block.Length;
            }
        }
        catch (IOException)
        {
            // Full; what was written before the refusal stays on the disk.
        }
        // The last block may have gone in part: fill the remainder byte-sized until nothing more fits.
        try
        {
            while (true)
            {
                file.Write(block, 0, 512);
                written += 512;
            }
        }
        catch (IOException) { }
        return written;
    }

    public void Free() => File.Delete(FillerPath);

    public void Dispose()
    {
        // Lazy: pooled SQLite handles of a disposed host may still be closing; the kernel detaches once they are.
        Run("umount", "-l", Path);
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
                return (-1, $"{file} did not finish within 10 s");
            }
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{file}: {e.Message}");
        }
    }
}
