using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Hosting;

namespace OutlookCommit.Api.Analyses;

/// <summary>
/// A draft as the add-in (or a dev case line) sends it. <see cref="ReferenceTime"/> is optional: without it the
/// server's now is used, in <see cref="TimeZone"/> (IANA or Windows id) when given, else UTC.
/// </summary>
public record DraftInput
{
    /// <summary>
    /// Dates outside these years are a client's bug, not a draft: the engine resolves dates only between them, and
    /// near DateTimeOffset's limits its date arithmetic would overflow (a reference time in 9999 was a 500).
    /// </summary>
    public const int MinYear = 1900, MaxYear = 2200;

    public DraftKind? Kind { get; init; }
    public string? Subject { get; init; }
    public string? Body { get; init; }
    public BodyType? BodyType { get; init; }
    public IReadOnlyList<EmailAddress?>? To { get; init; }
    public IReadOnlyList<EmailAddress?>? Cc { get; init; }
    public IReadOnlyList<EmailAddress?>? Attendees { get; init; }
    public IReadOnlyList<EmailAddress?>? OptionalAttendees { get; init; }
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    public string? Location { get; init; }
    public DateTimeOffset? ReferenceTime { get; init; }
    public string? TimeZone { get; init; }

    /// <summary>Every problem with the draft, keyed by its JSON field; empty when it can be analyzed.</summary>
    public Dictionary<string, string[]> Validate(LimitsOptions limits, string prefix = "")
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[prefix + field] = [message];

        if (Kind is null)
            Add("kind", "Required: \"message\" or \"event\".");
        if (Subject?.Length > limits.MaxSubjectChars)
            Add("subject", $"Longer than {limits.MaxSubjectChars} characters.");
        if (Body?.Length > limits.MaxBodyChars)
            Add("body", $"Longer than {limits.MaxBodyChars} characters.");
        if (Location?.Length > limits.MaxFieldChars)
            Add("location", $"Longer than {limits.MaxFieldChars} characters.");

        var lists = new (string Name, IReadOnlyList<EmailAddress?>? List)[]
        {
            ("to", To), ("cc", Cc), ("attendees", Attendees), ("optionalAttendees", OptionalAttendees),
        };
        var total = lists.Sum(l => l.List?.Count ?? 0);
        if (total > limits.MaxRecipients)
            Add("to", $"{total} recipients and attendees in all; at most {limits.MaxRecipients} are accepted.");
        else
        {
            foreach (var (name, list) in lists)
            {
                for (var i = 0; list is not null && i < list.Count; i++)
                {
                    var address = list[i];
                    if (address is null)
                        Add($"{name}[{i}]", "Must be an object with name and/or address.");
                    else if (address.Name?.Length > limits.MaxFieldChars || address.Address?.Length > limits.MaxFieldChars)
                        Add($"{name}[{i}]", $"Name or address longer than {limits.MaxFieldChars} characters.");
                }
            }
        }

        foreach (var (name, time) in new[] { ("referenceTime", ReferenceTime), ("start", Start), ("end", End) })
            if (time is { Year: < MinYear or > MaxYear })
                Add(name, $"A date between {MinYear} and {MaxYear} (ISO 8601 with offset).");
        if (Start is { } start && End is { } end && end < start)
            Add("end", "Must not be before start.");
        if (TimeZone is not null && FindZone(TimeZone) is null)
            Add("timeZone", "Unknown time zone; use an IANA id (Europe/Berlin) or a Windows id (W. Europe Standard Time).");
        return errors;
    }

    /// <summary>The engine's draft. Call only after <see cref="Validate"/> found nothing.</summary>
    public Draft ToDraft(DateTimeOffset now)
    {
        var zone = TimeZone is null ? null : FindZone(TimeZone);
        var reference = ReferenceTime ?? now;
        if (zone is not null)
            reference = TimeZoneInfo.ConvertTime(reference, zone);

        return new Draft
        {
            Kind = Kind ?? DraftKind.Message,
            Subject = Subject,
            Body = Body,
            BodyType = BodyType ?? Analysis.Model.BodyType.Text,
            To = Clean(To),
            Cc = Clean(Cc),
            Attendees = Clean(Attendees),
            OptionalAttendees = Clean(OptionalAttendees),
            Start = Start,
            End = End,
            Location = Location,
            ReferenceTime = reference,
        };
    }

    public static TimeZoneInfo? FindZone(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100)
            return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
    }

    private static IReadOnlyList<EmailAddress>? Clean(IReadOnlyList<EmailAddress?>? list) =>
        list?.OfType<EmailAddress>().ToArray();
}
