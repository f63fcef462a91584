using System.Data.Common;
using System.Globalization;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace OutlookCommit.Api.Data;

/// <summary>Opens connections to the configured database. Stores pick dialect-specific SQL by <see cref="Provider"/>.</summary>
public sealed class Database
{
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

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Provider == DatabaseProvider.SqlServer
            ? new SqlConnection(ConnectionString)
            : new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
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
