using System.Globalization;
using Xunit.Abstractions;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// Knobs for the fault tests, from environment variables so scripts/db-faults.sh can run many more rounds than
/// the normal test command (which keeps the defaults, each test well under a minute).
/// </summary>
public static class FaultSettings
{
    public const string RunsVariable = "OUTLOOKCOMMIT_DBFAULT_RUNS";
    public const string ReportVariable = "OUTLOOKCOMMIT_DBFAULT_REPORT";

    /// <summary>Kill-and-restart rounds of the crash test (default 3, at most 1000).</summary>
    public static int CrashRuns => Count(Environment.GetEnvironmentVariable(RunsVariable), RunsVariable, fallback: 3, max: 1000);

    /// <summary>A whole number in 1..max, the fallback when unset; anything else stops the test with the variable named.</summary>
    public static int Count(string? text, string name, int fallback, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > max)
            throw new ArgumentException($"{name} must be a whole number from 1 to {max}, not '{text}'.", name);
        return value;
    }

    /// <summary>Writes a figure to the test's output and, when the script asks for it, to its report file.</summary>
    public static void Report(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } path)
        {
            lock (typeof(FaultSettings))
                File.AppendAllText(path, line + Environment.NewLine);
        }
    }
}
