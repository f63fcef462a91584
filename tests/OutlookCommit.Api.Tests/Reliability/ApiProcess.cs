using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// The built API (OutlookCommit.Api.dll, copied beside the tests) run as a child process, as ./run.sh runs it:
/// local mode (no AzureAd settings, loopback only), on a SQLite file of the test's and a free loopback port
/// chosen by Kestrel (port 0) and read back from its "Now listening on" line.
/// </summary>
public sealed partial class ApiProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ApiProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public string Log { get { lock (_log) return _log.ToString(); } }

    public static string ApiDll => Path.Combine(AppContext.BaseDirectory, "OutlookCommit.Api.dll");

    /// <summary>Starts the API and returns once it listens (it listens only after migrating and warming up).</summary>
    public static async Task<ApiProcess> StartAsync(string databasePath, TimeSpan bound)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { ApiDll, "--urls", "http://127.0.0.1:0" })
            start.ArgumentList.Add(arg);
        // Local mode whatever the machine's environment says; quiet logs except the line with the address.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AzureAd__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Database__", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = $"Data Source={databasePath}";
        start.Environment["Addin__DistPath"] = Path.Combine(Path.GetTempPath(), "oc-no-addin-here");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        var api = new ApiProcess(Process.Start(start)!);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        api._process.OutputDataReceived += (_, e) => api.Record(e.Data, listening);
        api._process.ErrorDataReceived += (_, e) => api.Record(e.Data, listening);
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();

        var exited = api._process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(bound));
        if (first != listening.Task)
        {
            var why = first == exited ? $"exited with {api._process.ExitCode}" : $"was not listening within {bound.TotalSeconds:F0} s";
            api.Dispose();
            throw new InvalidOperationException($"The API ({ApiDll}) {why}:\n{api.Log}");
        }
        api.BaseAddress = listening.Task.Result;
        return api;
    }

    private void Record(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
            return;
        lock (_log)
            _log.AppendLine(line);
        if (ListeningLine().Match(line) is { Success: true } match)
            listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    /// <summary>SIGKILL: the process gets no chance to finish a write, flush or close the database.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false); // Process.Kill sends SIGKILL on Unix
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
                KillHard();
        }
        catch (InvalidOperationException) { } // never started or already reaped
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
