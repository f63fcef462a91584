using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Api.Commitments;

public enum CommitmentStatus { Open, Done }

/// <summary>One agreed next step from a sent follow-up: what, with whom, by when.</summary>
public sealed record Commitment(
    Guid Id,
    string What,
    IReadOnlyList<EmailAddress> Who,
    DateTimeOffset Due,
    NextStepType? NextStep,
    string? SourceMessageId,
    string? ConversationId,
    DateTimeOffset SentAt,
    CommitmentStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DoneAt)
{
    public bool IsOverdue(DateTimeOffset now) => Status == CommitmentStatus.Open && Due < now;
}

/// <summary>A commitment as the API returns it: the stored fields plus whether it is overdue now.</summary>
public sealed record CommitmentView(
    Guid Id,
    string What,
    IReadOnlyList<EmailAddress> Who,
    DateTimeOffset Due,
    NextStepType? NextStep,
    string? SourceMessageId,
    string? ConversationId,
    DateTimeOffset SentAt,
    CommitmentStatus Status,
    bool Overdue,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DoneAt)
{
    public static CommitmentView From(Commitment c, DateTimeOffset now) => new(
        c.Id, c.What, c.Who, c.Due, c.NextStep, c.SourceMessageId, c.ConversationId, c.SentAt,
        c.Status, c.IsOverdue(now), c.CreatedAt, c.UpdatedAt, c.DoneAt);
}

/// <summary>POST /api/commitments: a commitment of a sent draft.</summary>
public sealed record CreateCommitmentRequest(
    string? What,
    IReadOnlyList<EmailAddress?>? Who,
    DateTimeOffset? Due,
    NextStepType? NextStep,
    string? SourceMessageId,
    string? ConversationId,
    DateTimeOffset? SentAt);

/// <summary>PATCH /api/commitments/{id}: mark done (or reopen), or move the due date.</summary>
public sealed record UpdateCommitmentRequest(bool? Done, DateTimeOffset? Due);

public sealed record CommitmentList(IReadOnlyList<CommitmentView> Items);

/// <summary>GET /api/commitments/stalled.</summary>
public sealed record StalledList(bool GraphConsulted, string? Note, IReadOnlyList<StalledCommitment> Items);

public sealed record StalledCommitment(CommitmentView Commitment, DateTimeOffset? LastCustomerReplyAt, string Reason);
