using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace OutlookCommit.Api.Data;

/// <summary>Opens connections to the configured database. Stores pick dialect-specific SQL by <see cref="Provider"/>.</summary>
public sealed class Database
{
    private readonly SemaphoreSlim _sqliteWriteGate = new(1, 1); // see WriteAsync

    public Database(IOptions<DatabaseOptions> options)
    {
        var o = options.Value;
        Provider = o.Provider;
        CommandTimeoutSeconds = o.CommandTimeoutSeconds;
        ConnectionString = o.Provider switch
        {
            DatabaseProvider.SqlServer => o.ConnectionString!,
            _ => SqliteConnectionString(o.ConnectionString, o.CommandTimeoutSeconds),
        };
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public int CommandTimeoutSeconds { get; }

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        OpenAsync(CommandTimeoutSeconds, cancellationToken);

    /// <summary>
    /// Runs a write with a connection and the command timeout to give it. On SQLite this server's writes go one at
    /// a time through a gate that waits without holding a thread: SQLite admits one writer anyway, and a statement
    /// waiting for a lock blocks its thread, so without the gate a burst of writes behind another program's lock
    /// would block a thread each and starve every other endpoint. Gate and lock together are waited for about the
    /// command timeout (whole seconds, at least one for the write itself), then <see cref="DatabaseBusyException"/>.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, int, Task<T>> write, CancellationToken cancellationToken = default)
    {
        if (Provider == DatabaseProvider.SqlServer)
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await write(connection, CommandTimeoutSeconds);
        }

        var waited = Stopwatch.StartNew();
        if (!await _sqliteWriteGate.WaitAsync(TimeSpan.FromSeconds(CommandTimeoutSeconds), cancellationToken))
            throw new DatabaseBusyException($"Waited {CommandTimeoutSeconds} s for this server's earlier writes.");
        try
        {
            var remaining = Math.Max(1, (int)Math.Ceiling(CommandTimeoutSeconds - waited.Elapsed.TotalSeconds));
            await using var connection = await OpenAsync(remaining, cancellationToken);
            return await write(connection, remaining);
        }
        finally
        {
            _sqliteWriteGate.Release();
        }
    }

    private async Task<DbConnection> OpenAsync(int busyTimeoutSeconds, CancellationToken cancellationToken)
    {
        DbConnection connection = Provider == DatabaseProvider.SqlServer
            ? new SqlConnection(ConnectionString)
            : new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection sqlite)
            {
                // Microsoft.Data.Sqlite leaves SQLite's busy handler off and retries a locked statement every 150 ms
                // instead. With the handler on, SQLite retries in short, growing steps (1, 2, 5 ms…), so a write gets
                // the lock within milliseconds of its release. Equal to the command timeout, so Microsoft.Data.Sqlite
                // does not retry on top of it. Per connection: set on every open (no I/O).
                await using var busyTimeout = sqlite.CreateCommand();
                busyTimeout.CommandText = $"PRAGMA busy_timeout = {busyTimeoutSeconds * 1000};";
                await busyTimeout.ExecuteNonQueryAsync(cancellationToken);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string SqliteConnectionString(string? configured, int timeoutSeconds)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? $"Data Source={DatabaseOptions.DefaultSqlitePath()}")
        {
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = timeoutSeconds, // also how long a writer waits for a lock (busy timeout)
            Pooling = true,
        };
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:")
        {
            var full = Path.GetFullPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            builder.DataSource = full;
        }
        return builder.ConnectionString;
    }
}

/// <summary>
/// How values are stored in both dialects: ids as lowercase Guid text ("d"), times as UTC ISO 8601 text with
/// milliseconds and a Z, fixed width so text order is time order.
/// </summary>
public static class DbValues
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Id(Guid id) => id.ToString("d");

    public static Guid Id(string text) => Guid.ParseExact(text, "d");

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? time) => time is { } t ? Time(t) : null;

    public static DateTimeOffset Time(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? OptionalTime(string? text) => text is null ? null : Time(text);
}
