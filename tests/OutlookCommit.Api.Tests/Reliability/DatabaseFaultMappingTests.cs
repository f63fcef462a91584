using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OutlookCommit.Api.Data;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>Which database failures become which answers, the SQLite write gate's bound, and the fault tests' own settings.</summary>
public sealed class DatabaseFaultMappingTests
{
    [Theory]
    [InlineData(5, 503)]    // SQLITE_BUSY
    [InlineData(517, 503)]  // SQLITE_BUSY_SNAPSHOT
    [InlineData(261, 503)]  // SQLITE_BUSY_RECOVERY
    [InlineData(6, 503)]    // SQLITE_LOCKED
    [InlineData(262, 503)]  // SQLITE_LOCKED_SHAREDCACHE
    [InlineData(13, 507)]   // SQLITE_FULL
    public void Locked_and_full_databases_get_503_and_507(int sqliteCode, int status)
    {
        var problem = DatabaseFaults.ToProblem(new SqliteException("sqlite says", sqliteCode));
        Assert.NotNull(problem);
        Assert.Equal(status, problem.Status);
        Assert.DoesNotContain("sqlite says", problem.Detail); // SQLite's message can name tables and values
        Assert.Equal(status == 503 ? DatabaseFaults.BusyRetryAfter : null, problem.RetryAfter);
    }

    [Theory]
    [InlineData(0)]     // SQLITE_OK: not a failure at all
    [InlineData(1)]     // SQLITE_ERROR: a bad statement is a bug
    [InlineData(10)]    // SQLITE_IOERR
    [InlineData(11)]    // SQLITE_CORRUPT
    [InlineData(14)]    // SQLITE_CANTOPEN
    [InlineData(19)]    // SQLITE_CONSTRAINT
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Other_sqlite_failures_stay_unexpected_errors(int sqliteCode) =>
        Assert.Null(DatabaseFaults.ToProblem(new SqliteException("sqlite says", sqliteCode)));

    [Theory]
    [InlineData(1205, 503)]  // deadlock victim
    [InlineData(1222, 503)]  // lock request timeout
    [InlineData(-2, 503)]    // command timeout
    [InlineData(40501, 503)] // Azure SQL busy
    [InlineData(40613, 503)] // Azure SQL failover
    [InlineData(1105, 507)]  // filegroup full
    [InlineData(9002, 507)]  // log full
    [InlineData(40544, 507)] // size quota
    public void Sql_server_contention_and_full_storage_get_503_and_507(int number, int status)
    {
        var problem = DatabaseFaults.SqlServer(number);
        Assert.NotNull(problem);
        Assert.Equal(status, problem.Status);
        Assert.Equal(status == 503 ? DatabaseFaults.BusyRetryAfter : null, problem.RetryAfter);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(208)]    // invalid object name: a bug
    [InlineData(2627)]   // unique key violation: a bug
    [InlineData(18456)]  // login failed: configuration, not contention
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Other_sql_server_errors_stay_unexpected_errors(int number) => Assert.Null(DatabaseFaults.SqlServer(number));

    [Fact]
    public void Exceptions_that_are_not_the_database_are_left_alone()
    {
        Assert.Null(DatabaseFaults.ToProblem(new TimeoutException()));
        Assert.Null(DatabaseFaults.ToProblem(new InvalidOperationException("database is locked")));
        Assert.Equal(503, DatabaseFaults.ToProblem(new DatabaseBusyException("gate"))?.Status);
    }

    [Fact]
    public async Task A_write_queued_behind_a_stuck_write_gives_up_after_the_timeout_and_the_gate_recovers()
    {
        var path = Path.Combine(Path.GetTempPath(), $"oc-gate-{Guid.NewGuid():N}.db");
        var database = new Database(Options.Create(new DatabaseOptions { ConnectionString = $"Data Source={path}", CommandTimeoutSeconds = 1 }));
        try
        {
            var release = new TaskCompletionSource();
            var stuck = database.WriteAsync(async (_, _) => { await release.Task; return 0; });

            var watch = System.Diagnostics.Stopwatch.StartNew();
            await Assert.ThrowsAsync<DatabaseBusyException>(() => database.WriteAsync((_, _) => Task.FromResult(0)));
            Assert.InRange(watch.Elapsed.TotalSeconds, 0.9, 5);

            release.SetResult();
            await stuck;
            await Assert.ThrowsAsync<InvalidOperationException>(() => database.WriteAsync<int>((_, _) => throw new InvalidOperationException()));
            Assert.Equal(1, await database.WriteAsync((_, timeout) => Task.FromResult(timeout))); // a failed write released the gate
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(path + suffix);
        }
    }

    [Theory]
    [InlineData(null, 3)]
    [InlineData("", 3)]
    [InlineData(" 7 ", 7)]
    [InlineData("1000", 1000)]
    public void Run_counts_default_when_unset_and_take_whole_numbers(string? text, int expected) =>
        Assert.Equal(expected, FaultSettings.Count(text, FaultSettings.RunsVariable, fallback: 3, max: 1000));

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("+5")]
    [InlineData("1001")]
    [InlineData("3.5")]
    [InlineData("1e3")]
    [InlineData("fifty")]
    [InlineData("99999999999")]
    public void Bad_run_counts_stop_the_test_naming_the_variable(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => FaultSettings.Count(text, FaultSettings.RunsVariable, fallback: 3, max: 1000));
        Assert.Contains(FaultSettings.RunsVariable, error.Message);
    }
}
