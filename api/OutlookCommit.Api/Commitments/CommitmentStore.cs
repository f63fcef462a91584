using System.Text.Json;
using Dapper;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Data;
using OutlookCommit.Api.Identity;

namespace OutlookCommit.Api.Commitments;

/// <summary>The commitments table. Every query is scoped to the owner (tid + oid); values go in as parameters only.</summary>
public sealed class CommitmentStore(Database database)
{
    private const string Columns = """
        id AS Id, what AS What, who_json AS WhoJson, due_utc AS DueUtc, next_step AS NextStep, subject AS Subject,
        source_message_id AS SourceMessageId, conversation_id AS ConversationId, sent_utc AS SentUtc,
        status AS Status, created_utc AS CreatedUtc, updated_utc AS UpdatedUtc, done_utc AS DoneUtc
        """;

    public async Task InsertAsync(UserKey owner, Commitment c, CancellationToken ct = default)
    {
        const string sql = """
            INSERT INTO commitments (id, tenant_id, user_id, what, who_json, due_utc, next_step, subject, source_message_id,
                                     conversation_id, sent_utc, status, created_utc, updated_utc, done_utc)
            VALUES (@Id, @TenantId, @UserId, @What, @WhoJson, @DueUtc, @NextStep, @Subject, @SourceMessageId,
                    @ConversationId, @SentUtc, @Status, @CreatedUtc, @UpdatedUtc, @DoneUtc)
            """;
        await database.WriteAsync((connection, timeout) => connection.ExecuteAsync(Command(sql, ToParameters(owner, c), ct, timeout)), ct);
    }

    public async Task<Commitment?> GetAsync(UserKey owner, Guid id, CancellationToken ct = default)
    {
        var sql = $"""
            SELECT {Columns} FROM commitments
            WHERE id = @Id AND tenant_id = @TenantId AND user_id = @UserId
            """;
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(Command(sql, new { Id = DbValues.Id(id), owner.TenantId, UserId = owner.ObjectId }, ct));
        return row?.ToCommitment();
    }

    /// <summary>The owner's commitment with this text from this sent message, if already recorded.</summary>
    public async Task<Commitment?> FindAsync(UserKey owner, string sourceMessageId, string what, CancellationToken ct = default)
    {
        var sql = $"""
            SELECT {Columns} FROM commitments
            WHERE tenant_id = @TenantId AND user_id = @UserId AND source_message_id = @SourceMessageId AND what = @What
            """;
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(Command(sql, new { owner.TenantId, UserId = owner.ObjectId, SourceMessageId = sourceMessageId, What = what }, ct));
        return rows.FirstOrDefault()?.ToCommitment();
    }

    /// <summary>The owner's commitments by due date; <paramref name="status"/> null for all, <paramref name="dueBefore"/> for overdue ones.</summary>
    public async Task<IReadOnlyList<Commitment>> ListAsync(
        UserKey owner, CommitmentStatus? status, DateTimeOffset? dueBefore, int take, CancellationToken ct = default)
    {
        // Conditions are added only when used ("@Status IS NULL OR …" would stop the index from being used), and
        // SQLite orders by the same expression its index holds (0002_commitments_order_index.sql).
        var conditions = "tenant_id = @TenantId AND user_id = @UserId"
            + (status is null ? "" : " AND status = @Status")
            + (dueBefore is null ? "" : " AND due_utc < @DueBefore");
        var sql = database.Provider == DatabaseProvider.SqlServer
            ? $"SELECT TOP (@Take) {Columns} FROM commitments WHERE {conditions} ORDER BY CASE WHEN due_utc IS NULL THEN 1 ELSE 0 END, due_utc, id"
            : $"SELECT {Columns} FROM commitments WHERE {conditions} ORDER BY due_utc IS NULL, due_utc, id LIMIT @Take";
        var parameters = new
        {
            owner.TenantId,
            UserId = owner.ObjectId,
            Status = status is { } s ? StatusText(s) : null,
            DueBefore = DbValues.Time(dueBefore),
            Take = take,
        };
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(Command(sql, parameters, ct));
        return rows.Select(r => r.ToCommitment()).ToArray();
    }

    /// <summary>Writes the new state of an owned commitment; false when the owner has no such row.</summary>
    public async Task<bool> UpdateAsync(UserKey owner, Commitment c, CancellationToken ct = default)
    {
        const string sql = """
            UPDATE commitments
            SET due_utc = @DueUtc, status = @Status, updated_utc = @UpdatedUtc, done_utc = @DoneUtc
            WHERE id = @Id AND tenant_id = @TenantId AND user_id = @UserId
            """;
        var changed = await database.WriteAsync((connection, timeout) => connection.ExecuteAsync(Command(sql, ToParameters(owner, c), ct, timeout)), ct);
        return changed == 1;
    }

    /// <summary>Deletes an owned commitment; false when the owner has no such row.</summary>
    public async Task<bool> DeleteAsync(UserKey owner, Guid id, CancellationToken ct = default)
    {
        const string sql = """
            DELETE FROM commitments
            WHERE id = @Id AND tenant_id = @TenantId AND user_id = @UserId
            """;
        var parameters = new { Id = DbValues.Id(id), owner.TenantId, UserId = owner.ObjectId };
        var deleted = await database.WriteAsync((connection, timeout) => connection.ExecuteAsync(Command(sql, parameters, ct, timeout)), ct);
        return deleted == 1;
    }

    /// <summary>Deletes every commitment of the owner (the rep's "erase my data"); returns how many went.</summary>
    public async Task<int> DeleteAllAsync(UserKey owner, CancellationToken ct = default)
    {
        const string sql = """
            DELETE FROM commitments
            WHERE tenant_id = @TenantId AND user_id = @UserId
            """;
        var parameters = new { owner.TenantId, UserId = owner.ObjectId };
        return await database.WriteAsync((connection, timeout) => connection.ExecuteAsync(Command(sql, parameters, ct, timeout)), ct);
    }

    private CommandDefinition Command(string sql, object parameters, CancellationToken ct, int? timeoutSeconds = null) =>
        new(sql, parameters, commandTimeout: timeoutSeconds ?? database.CommandTimeoutSeconds, cancellationToken: ct);

    private static object ToParameters(UserKey owner, Commitment c) => new
    {
        Id = DbValues.Id(c.Id),
        owner.TenantId,
        UserId = owner.ObjectId,
        c.What,
        WhoJson = JsonSerializer.Serialize(c.Who, AnalysisJson.Options),
        DueUtc = DbValues.Time(c.Due),
        NextStep = c.NextStep is { } n ? JsonNamingPolicy.CamelCase.ConvertName(n.ToString()) : null,
        c.Subject,
        c.SourceMessageId,
        c.ConversationId,
        SentUtc = DbValues.Time(c.SentAt),
        Status = StatusText(c.Status),
        CreatedUtc = DbValues.Time(c.CreatedAt),
        UpdatedUtc = DbValues.Time(c.UpdatedAt),
        DoneUtc = DbValues.Time(c.DoneAt),
    };

    private static string StatusText(CommitmentStatus status) => status == CommitmentStatus.Done ? "done" : "open";

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string What { get; set; } = "";
        public string WhoJson { get; set; } = "[]";
        public string? DueUtc { get; set; }
        public string? NextStep { get; set; }
        public string? Subject { get; set; }
        public string? SourceMessageId { get; set; }
        public string? ConversationId { get; set; }
        public string SentUtc { get; set; } = "";
        public string Status { get; set; } = "open";
        public string CreatedUtc { get; set; } = "";
        public string UpdatedUtc { get; set; } = "";
        public string? DoneUtc { get; set; }

        public Commitment ToCommitment() => new(
            DbValues.Id(Id),
            What,
            JsonSerializer.Deserialize<EmailAddress[]>(WhoJson, AnalysisJson.Options) ?? [],
            DbValues.OptionalTime(DueUtc),
            NextStep is null ? null : Enum.Parse<NextStepType>(NextStep, ignoreCase: true),
            Subject,
            SourceMessageId,
            ConversationId,
            DbValues.Time(SentUtc),
            Status == "done" ? CommitmentStatus.Done : CommitmentStatus.Open,
            DbValues.Time(CreatedUtc),
            DbValues.Time(UpdatedUtc),
            DbValues.OptionalTime(DoneUtc));
    }
}
