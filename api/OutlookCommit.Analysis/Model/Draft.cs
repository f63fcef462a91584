namespace OutlookCommit.Analysis.Model;

public enum DraftKind { Message, Event }

public enum BodyType { Text, Html }

/// <summary>A recipient or attendee as Outlook and Graph give it.</summary>
public sealed record EmailAddress(string? Name, string? Address)
{
    public string DisplayName => !string.IsNullOrWhiteSpace(Name) ? Name.Trim() : Address?.Trim() ?? "";
}

/// <summary>
/// A follow-up message or a meeting invite as the rep is writing it.
/// <see cref="ReferenceTime"/> is the moment of writing; its offset is the rep's, and relative dates resolve in it.
/// </summary>
public sealed record Draft
{
    public DraftKind Kind { get; init; } = DraftKind.Message;
    public string? Subject { get; init; }
    public string? Body { get; init; }
    public BodyType BodyType { get; init; } = BodyType.Text;

    // Message recipients.
    public IReadOnlyList<EmailAddress>? To { get; init; }
    public IReadOnlyList<EmailAddress>? Cc { get; init; }

    // Event fields.
    public IReadOnlyList<EmailAddress>? Attendees { get; init; }
    public IReadOnlyList<EmailAddress>? OptionalAttendees { get; init; }
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    public string? Location { get; init; }

    public DateTimeOffset ReferenceTime { get; init; }

    /// <summary>The people the draft is addressed to: To for a message, required attendees for an event.</summary>
    public IEnumerable<EmailAddress> Addressees =>
        Kind == DraftKind.Event ? Attendees ?? [] : To ?? [];

    /// <summary>Everyone on the draft: recipients or attendees of either kind.</summary>
    public IEnumerable<EmailAddress> Everyone =>
        (To ?? []).Concat(Cc ?? []).Concat(Attendees ?? []).Concat(OptionalAttendees ?? []);
}
