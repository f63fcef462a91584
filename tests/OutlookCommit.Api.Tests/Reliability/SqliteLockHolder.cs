using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// Holds SQLite's write lock on a database file from outside the API, as another program (a backup, an admin's
/// sqlite3 shell) would: either the sqlite3 shell in a child process, or a second connection in this process.
/// </summary>
public sealed class SqliteLockHolder : IAsyncDisposable
{
    private readonly Process? _shell;
    private readonly SqliteConnection? _connection;

    private SqliteLockHolder(Process? shell, SqliteConnection? connection) => (_shell, _connection) = (shell, connection);

    public static string? ShellPath { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "sqlite3")).FirstOrDefault(File.Exists);

    /// <summary>Takes the lock (BEGIN EXCLUSIVE: in WAL mode, writers wait while readers go on) and returns once it is held.</summary>
    public static async Task<SqliteLockHolder> AcquireAsync(string databasePath, bool inChildProcess)
    {
        if (!inChildProcess)
        {
            var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False;Default Timeout=10");
            await connection.OpenAsync();
            await using (var begin = connection.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE;";
                await begin.ExecuteNonQueryAsync();
            }
            return new SqliteLockHolder(null, connection);
        }

        var start = new ProcessStartInfo(ShellPath ?? throw new InvalidOperationException("sqlite3 is not installed."))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(databasePath);
        var shell = Process.Start(start)!;
        // The shell prints the marker only after BEGIN EXCLUSIVE succeeded; an error goes to stderr instead.
        await shell.StandardInput.WriteAsync(".timeout 10000\nBEGIN EXCLUSIVE;\nSELECT 'locked';\n");
        await shell.StandardInput.FlushAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await shell.StandardOutput.ReadLineAsync(bound.Token);
        if (line != "locked")
        {
            shell.Kill();
            throw new InvalidOperationException($"sqlite3 did not take the lock: {line} {await shell.StandardError.ReadToEndAsync()}");
        }
        return new SqliteLockHolder(shell, null);
    }

    /// <summary>Ends the transaction, so the lock is free again.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await using (var commit = _connection.CreateCommand())
            {
                commit.CommandText = "COMMIT;";
                await commit.ExecuteNonQueryAsync();
            }
            await _connection.DisposeAsync();
        }
        if (_shell is not null)
        {
            await _shell.StandardInput.WriteAsync("COMMIT;\n.quit\n");
            _shell.StandardInput.Close();
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await _shell.WaitForExitAsync(bound.Token); }
            catch (OperationCanceledException) { _shell.Kill(); }
            _shell.Dispose();
        }
    }
}
