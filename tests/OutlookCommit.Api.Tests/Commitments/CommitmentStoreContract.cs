using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Commitments;
using OutlookCommit.Api.Data;
using OutlookCommit.Api.Identity;

namespace OutlookCommit.Api.Tests.Commitments;

/// <summary>
/// What every database behind the ledger must do. Runs on SQLite always, and on SQL Server when
/// OUTLOOKCOMMIT_TEST_SQLSERVER holds a connection string.
/// </summary>
public abstract class CommitmentStoreContract
{
    private readonly UserKey _me = new(Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
    private readonly UserKey _other = new(Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    protected abstract DatabaseOptions? Options { get; }

    private async Task<(Database Db, CommitmentStore Store)> Open()
    {
        var db = new Database(Microsoft.Extensions.Options.Options.Create(Options!));
        await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(default);
        return (db, new CommitmentStore(db));
    }

    private static Commitment Sample(string what = "Technical deep-dive with the data team", DateTimeOffset? due = null) => new(
        Guid.NewGuid(), what, [new EmailAddress("Anna Lee", "anna@customer.example")],
        due ?? new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.FromHours(8)),
        NextStepType.TechnicalExchange, "Re: deep-dive", "AAMkAD-msg=", "AAQkAD-conv=", Now.AddMinutes(-5),
        CommitmentStatus.Open, Now, Now, null);

    [SkippableFact]
    public async Task Ids_and_times_round_trip_as_lowercase_text_and_utc_iso_8601()
    {
        var (db, store) = await Open();
        var c = Sample(due: new DateTimeOffset(2026, 12, 1, 14, 30, 15, 123, TimeSpan.FromHours(8)));
        await store.InsertAsync(_me, c);

        var back = await store.GetAsync(_me, c.Id);
        Assert.NotNull(back);
        Assert.Equal(c.Id, back.Id);
        Assert.Equal(c.Due, back.Due); // same instant, to the millisecond
        Assert.Equal(TimeSpan.Zero, back.Due!.Value.Offset);
        Assert.Equal(c.SentAt, back.SentAt);
        Assert.Equal(c.Who, back.Who);
        Assert.Equal(NextStepType.TechnicalExchange, back.NextStep);

        await using var connection = await db.OpenAsync();
        var raw = await connection.QuerySingleAsync<(string Id, string Due)>(
            "SELECT id AS Id, due_utc AS Due FROM commitments WHERE id = @Id", new { Id = c.Id.ToString() });
        Assert.Equal(c.Id.ToString("d").ToLowerInvariant(), raw.Id);
        Assert.Equal("2026-12-01T06:30:15.123Z", raw.Due);
    }

    [SkippableFact]
    public async Task Sql_metacharacters_in_every_text_field_round_trip_unchanged()
    {
        var (_, store) = await Open();
        const string nasty = "'; DROP TABLE commitments; -- \" \\ % _ [x] ` 张总' OR '1'='1 \u0000?";
        var c = Sample(what: nasty) with
        {
            Who = [new EmailAddress(nasty, "o'brien@customer.example")],
            SourceMessageId = nasty,
            Subject = nasty,
            ConversationId = nasty,
        };
        await store.InsertAsync(_me, c);

        var back = await store.GetAsync(_me, c.Id);
        Assert.Equal(nasty, back!.What);
        Assert.Equal(nasty, back.Who[0].Name);
        Assert.Equal("o'brien@customer.example", back.Who[0].Address);
        Assert.Equal(nasty, back.SourceMessageId);
        Assert.Equal(nasty, back.Subject);
        Assert.Equal(nasty, back.ConversationId);
    }

    /// <summary>SQL metacharacters, comment and terminator sequences, NUL, escapes and odd Unicode; no value starts or ends with white space (the API trims what and subject).</summary>
    public static TheoryData<string> HostileTexts() => new()
    {
        "Robert'); DROP TABLE commitments;--",
        "' OR '1'='1' --",
        "\" ; -- /* */ \\ % _ [x] ` ' \\' ''",
        "x'); UPDATE commitments SET status='done' WHERE '1'='1'; --",
        "1; SELECT name FROM sqlite_master; /*",
        "%' ESCAPE '\\",
        "a\u0000b\u0000",
        "张总'；下周三 ; DROP TABLE commitments; -- 🙂",
        "\u202Eevil\u202C עברית مرحبا 👩‍💻 e\u0301",
        "$1 @p0 :name ?1 {0} \\x00",
    };

    [SkippableTheory]
    [MemberData(nameof(HostileTexts), MemberType = typeof(CommitmentStoreContract))]
    public async Task Hostile_text_is_stored_found_and_listed_verbatim(string value)
    {
        var (_, store) = await Open();
        var other = Sample("untouched");
        await store.InsertAsync(_me, other);
        var c = Sample(what: value) with { Who = [new EmailAddress(value, value)], Subject = value, SourceMessageId = value, ConversationId = value };
        await store.InsertAsync(_me, c);

        var back = await store.GetAsync(_me, c.Id);
        Assert.Equal((value, value, value, value, value, value), (back!.What, back.Who[0].Name, back.Who[0].Address, back.Subject, back.SourceMessageId, back.ConversationId));
        Assert.Equal(c.Id, (await store.FindAsync(_me, value, value))?.Id);
        Assert.Null(await store.FindAsync(_other, value, value));
        var listed = await store.ListAsync(_me, null, null, 100);
        Assert.Equal(2, listed.Count);
        Assert.Equal(value, listed.Single(l => l.Id == c.Id).What);
        Assert.Equal("untouched", listed.Single(l => l.Id == other.Id).What);
    }

    [SkippableFact]
    public async Task An_owner_never_reads_or_changes_another_owners_rows()
    {
        var (_, store) = await Open();
        var mine = Sample();
        await store.InsertAsync(_me, mine);

        Assert.Null(await store.GetAsync(_other, mine.Id));
        Assert.False(await store.UpdateAsync(_other, mine with { Status = CommitmentStatus.Done }));
        Assert.Empty(await store.ListAsync(_other, null, null, 100));
        Assert.Equal(CommitmentStatus.Open, (await store.GetAsync(_me, mine.Id))!.Status);
        // Same object id in another tenant is another user.
        Assert.Empty(await store.ListAsync(_me with { TenantId = _other.TenantId }, null, null, 100));
    }

    [SkippableFact]
    public async Task Lists_filter_by_status_and_due_date_in_due_order()
    {
        var (_, store) = await Open();
        var late = Sample("late", Now.AddDays(-1));
        var soon = Sample("soon", Now.AddDays(1));
        var done = Sample("done", Now.AddDays(-2)) with { Status = CommitmentStatus.Done, DoneAt = Now };
        var undated = Sample("undated") with { Due = null };
        foreach (var c in new[] { soon, undated, late, done })
            await store.InsertAsync(_me, c);

        Assert.Equal(["done", "late", "soon", "undated"], (await store.ListAsync(_me, null, null, 100)).Select(c => c.What));
        Assert.Equal(["late", "soon", "undated"], (await store.ListAsync(_me, CommitmentStatus.Open, null, 100)).Select(c => c.What));
        Assert.Equal(["late"], (await store.ListAsync(_me, CommitmentStatus.Open, Now, 100)).Select(c => c.What));
        Assert.Equal(["done"], (await store.ListAsync(_me, CommitmentStatus.Done, null, 100)).Select(c => c.What));
        Assert.Single(await store.ListAsync(_me, null, null, 1));
    }

    [SkippableFact]
    public async Task A_commitment_is_found_by_its_message_and_text_for_its_owner_only()
    {
        var (_, store) = await Open();
        var c = Sample();
        await store.InsertAsync(_me, c);

        Assert.Equal(c.Id, (await store.FindAsync(_me, c.SourceMessageId!, c.What))?.Id);
        Assert.Null(await store.FindAsync(_me, c.SourceMessageId!, "something else"));
        Assert.Null(await store.FindAsync(_other, c.SourceMessageId!, c.What));
    }

    [SkippableFact]
    public async Task Updates_change_status_and_due_date()
    {
        var (_, store) = await Open();
        var c = Sample();
        await store.InsertAsync(_me, c);
        var moved = c with { Due = c.Due!.Value.AddDays(3), Status = CommitmentStatus.Done, DoneAt = Now.AddHours(1), UpdatedAt = Now.AddHours(1) };

        Assert.True(await store.UpdateAsync(_me, moved));

        var back = await store.GetAsync(_me, c.Id);
        Assert.Equal(moved.Due, back!.Due);
        Assert.Equal(CommitmentStatus.Done, back.Status);
        Assert.Equal(Now.AddHours(1), back.DoneAt);
    }

    [SkippableFact]
    public async Task Migrations_run_once_and_can_run_again()
    {
        var (db, _) = await Open();
        await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(default);
        await using var connection = await db.OpenAsync();
        var applied = await connection.QueryAsync<string>("SELECT ScriptName FROM SchemaVersions");
        Assert.Single(applied, s => s.EndsWith("0001_commitments.sql", StringComparison.Ordinal));
    }
}

public sealed class SqliteCommitmentStoreTests : CommitmentStoreContract, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"oc-store-{Guid.NewGuid():N}.db");

    protected override DatabaseOptions Options => new() { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={_path}" };

    [Fact]
    public async Task The_file_is_in_wal_mode()
    {
        var db = new Database(Microsoft.Extensions.Options.Options.Create(Options));
        await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(default);
        await using var connection = await db.OpenAsync();
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(_path + suffix); } catch (IOException) { }
    }
}

public sealed class SqlServerCommitmentStoreTests : CommitmentStoreContract
{
    public const string Variable = "OUTLOOKCOMMIT_TEST_SQLSERVER";
    private static readonly string? ConnectionString = Environment.GetEnvironmentVariable(Variable);

    public SqlServerCommitmentStoreTests() =>
        Skip.If(string.IsNullOrWhiteSpace(ConnectionString), $"SQL Server contract tests need a connection string in {Variable} (no SQL Server on this machine).");

    protected override DatabaseOptions Options => new() { Provider = DatabaseProvider.SqlServer, ConnectionString = ConnectionString };
}
