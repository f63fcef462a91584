using System.Text.Json;
using System.Text.Json.Serialization;
using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Api.Commitments;

public enum CommitmentStatus { Open, Done }

/// <summary>One agreed next step from a sent follow-up: what, with whom, by when.</summary>
public sealed record Commitment(
    Guid Id,
    string What,
    IReadOnlyList<EmailAddress> Who,
    DateTimeOffset? Due,
    NextStepType? NextStep,
    string? Subject,
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
public record CommitmentView
{
    public required Guid Id { get; init; }
    public required string What { get; init; }
    public required IReadOnlyList<EmailAddress> Who { get; init; }
    public required DateTimeOffset? Due { get; init; }
    public required NextStepType? NextStep { get; init; }
    public required string? Subject { get; init; }
    public required string? SourceMessageId { get; init; }
    public required string? ConversationId { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    /// <summary>open or done, as stored; see <see cref="Overdue"/>.</summary>
    public required CommitmentStatus Status { get; init; }
    /// <summary>Open and past its due time.</summary>
    public required bool Overdue { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required DateTimeOffset? DoneAt { get; init; }

    public static CommitmentView From(Commitment c, DateTimeOffset now) => new()
    {
        Id = c.Id, What = c.What, Who = c.Who, Due = c.Due, NextStep = c.NextStep, Subject = c.Subject,
        SourceMessageId = c.SourceMessageId, ConversationId = c.ConversationId, SentAt = c.SentAt, Status = c.Status,
        Overdue = c.IsOverdue(now), CreatedAt = c.CreatedAt, UpdatedAt = c.UpdatedAt, DoneAt = c.DoneAt,
    };
}

/// <summary>POST /api/commitments: a commitment of a sent draft. <c>who</c> takes names, addresses or {name, address}.</summary>
public sealed record CreateCommitmentRequest(
    string? What,
    [property: JsonConverter(typeof(PeopleConverter))] IReadOnlyList<EmailAddress?>? Who,
    DateTimeOffset? Due,
    NextStepType? NextStep,
    string? Subject,
    string? SourceMessageId,
    string? ConversationId,
    DateTimeOffset? SentAt);

/// <summary>PATCH /api/commitments/{id}: mark done or reopen (<c>done</c>, or <c>status</c> "done"/"open"), and/or move the due date.</summary>
public sealed record UpdateCommitmentRequest(bool? Done, string? Status, DateTimeOffset? Due);

public sealed record CommitmentList(IReadOnlyList<CommitmentView> Items);

/// <summary>DELETE /api/commitments?confirm=all: how many of the caller's commitments were erased.</summary>
public sealed record ErasedCommitments(int Deleted);

/// <summary>GET /api/commitments/stalled.</summary>
public sealed record StalledList(bool GraphConsulted, string? Note, IReadOnlyList<StalledCommitment> Items);

/// <summary>A commitment (all its fields) with why it counts as stalled.</summary>
public sealed record StalledCommitment : CommitmentView
{
    public DateTimeOffset? LastCustomerReplyAt { get; init; }
    public required string Reason { get; init; }

    public static StalledCommitment From(Commitment c, DateTimeOffset now, DateTimeOffset? lastReply, string reason)
    {
        var view = CommitmentView.From(c, now);
        return new StalledCommitment
        {
            Id = view.Id, What = view.What, Who = view.Who, Due = view.Due, NextStep = view.NextStep, Subject = view.Subject,
            SourceMessageId = view.SourceMessageId, ConversationId = view.ConversationId, SentAt = view.SentAt, Status = view.Status,
            Overdue = view.Overdue, CreatedAt = view.CreatedAt, UpdatedAt = view.UpdatedAt, DoneAt = view.DoneAt,
            LastCustomerReplyAt = lastReply, Reason = reason,
        };
    }
}

/// <summary>People as the add-in may send them: "Name", "a@b.example", or {name, address}.</summary>
public sealed class PeopleConverter : JsonConverter<IReadOnlyList<EmailAddress?>>
{
    public override IReadOnlyList<EmailAddress?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("Expected an array of people.");
        var people = new List<EmailAddress?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            people.Add(reader.TokenType switch
            {
                JsonTokenType.String when reader.GetString() is { } s => s.Contains('@') && !s.Contains(' ') ? new EmailAddress(null, s) : new EmailAddress(s, null),
                JsonTokenType.StartObject => JsonSerializer.Deserialize<EmailAddress>(ref reader, options),
                JsonTokenType.Null => null,
                _ => throw new JsonException("Each person is a string or an object with name and/or address."),
            });
        }
        return people;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<EmailAddress?> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToArray(), options);
}
