using System.Text.Json;
using System.Text.Json.Serialization;
using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Eval;

public sealed record ExpectedElements(bool Action, bool Attendee, bool Date, bool Confirmation, NextStepType? NextStep);

/// <summary>A draft as the labelled files and specs write it (the dev-cases shape), convertible to the engine's <see cref="Draft"/>.</summary>
public record DraftRecord
{
    public string Kind { get; init; } = "message";
    public string? Subject { get; init; }
    public string? Body { get; init; }
    public string BodyType { get; init; } = "text";
    public List<EmailAddress>? To { get; init; }
    public List<EmailAddress>? Cc { get; init; }
    public List<EmailAddress>? Attendees { get; init; }
    public List<EmailAddress>? OptionalAttendees { get; init; }
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    public string? Location { get; init; }
    public DateTimeOffset ReferenceTime { get; init; }

    public Draft ToDraft() => new()
    {
        Kind = Kind.Equals("event", StringComparison.OrdinalIgnoreCase) ? DraftKind.Event : DraftKind.Message,
        Subject = Subject,
        Body = Body,
        BodyType = BodyType.Equals("html", StringComparison.OrdinalIgnoreCase) ? Analysis.Model.BodyType.Html : Analysis.Model.BodyType.Text,
        To = To, Cc = Cc, Attendees = Attendees, OptionalAttendees = OptionalAttendees,
        Start = Start, End = End, Location = Location,
        ReferenceTime = ReferenceTime,
    };
}

/// <summary>One line of a labelled cases file (the format of shared/domain/dev-cases.jsonl).</summary>
public sealed record LabelledCase : DraftRecord
{
    public required string Id { get; init; }
    public string? Note { get; init; }
    public required ExpectedElements Expected { get; init; }

    public override string ToString() => Id;

    public static List<LabelledCase> ReadFile(string path) =>
        File.ReadLines(path)
            .Select((line, index) => (line, index))
            .Where(x => !string.IsNullOrWhiteSpace(x.line))
            .Select(x =>
            {
                try { return JsonSerializer.Deserialize<LabelledCase>(x.line, AnalysisJson.Options) ?? throw new JsonException("empty line"); }
                catch (JsonException e) { throw new InvalidDataException($"{path}:{x.index + 1}: {e.Message}", e); }
            })
            .ToList();
}
