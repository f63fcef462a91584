using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using OutlookCommit.Api.Hosting;

namespace OutlookCommit.Api.Data;

/// <summary>
/// Database failures that are conditions of the server, not bugs, put in words a client can act on. A SQLite
/// file locked by another program past the busy timeout is temporary (503 with Retry-After); a full disk needs
/// someone to free space (507). Either way nothing was written, so retrying the same request is safe.
/// </summary>
public static class DatabaseFaults
{
    /// <summary>How long a client should wait after a lock timeout before retrying.</summary>
    public static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(5);

    // SQLite primary result codes (https://www.sqlite.org/rescode.html). Extended codes keep the primary code in
    // their low byte (SQLITE_BUSY_SNAPSHOT = 517, SQLITE_LOCKED_SHAREDCACHE = 262), so both are compared by it.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteFull = 13;

    /// <summary>The answer for a database failure the client can act on, or null for anything else (a bug: 500).</summary>
    public static ApiProblemException? ToProblem(Exception exception) => exception switch
    {
        DatabaseBusyException => Busy(),
        SqliteException e when (e.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked => Busy(),
        SqliteException e when (e.SqliteErrorCode & 0xFF) == SqliteFull => Full(),
        SqlException e => SqlServer(e.Number),
        _ => null,
    };

    // SQL Server / Azure SQL error numbers that are the server's condition rather than a bug.
    private static readonly HashSet<int> SqlServerBusyNumbers =
    [
        -2,     // command timeout (the client gave up waiting)
        1205,   // chosen as deadlock victim
        1222,   // lock request timed out
        40501,  // Azure SQL: service busy
        40613,  // Azure SQL: database unavailable (failover)
        40197,  // Azure SQL: error processing the request (retry)
        10928, 10929, // Azure SQL: resource limit reached
        49918, 49919, 49920, // Azure SQL: too many requests
    ];

    private static readonly HashSet<int> SqlServerFullNumbers =
    [
        1101,   // no room for a new page: filegroup full
        1105,   // filegroup full
        9002,   // transaction log full
        40544,  // Azure SQL: database size quota reached
    ];

    /// <summary>The answer for a SQL Server error number: 503 for transient contention, 507 for a full database, else null.</summary>
    internal static ApiProblemException? SqlServer(int number) =>
        SqlServerBusyNumbers.Contains(number) ? Busy()
        : SqlServerFullNumbers.Contains(number) ? Full()
        : null;

    private static ApiProblemException Full() => new(
        StatusCodes.Status507InsufficientStorage,
        "Storage full",
        "The server's database storage is full, so nothing was saved. Reading still works. " +
        "Whoever runs this server must free space; then send the same request again.");

    private static ApiProblemException Busy() => new(
        StatusCodes.Status503ServiceUnavailable,
        "Database busy",
        "The database stayed locked (by another program, or a long write) for longer than this server waits, so " +
        $"nothing was saved. Retry in {BusyRetryAfter.TotalSeconds:0} seconds; sending the same request again is safe.",
        retryAfter: BusyRetryAfter);
}

/// <summary>A write gave up waiting for the database's write lock (see <see cref="Database.WriteAsync{T}"/>).</summary>
public sealed class DatabaseBusyException(string message) : Exception(message);
