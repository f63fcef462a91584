using System.Text.Json.Serialization;

namespace OutlookCommit.Analysis.Model;

public enum Outcome { Continuation, Advance, ClosedLoop }

public enum NextStepType { TechnicalExchange, Introduction, Visit, OnlineMeeting, ExecutiveMeeting, Materials }

public enum VagueKind { VagueAction, VagueTime, VagueAsk }

public enum IgnoredKind { Quote, Forward, Signature }

/// <summary>A run of <see cref="DraftAnalysis.AnalyzedText"/>: [Start, End) in UTF-16 code units.</summary>
public sealed record TextSpan(int Start, int End, string Text);

public sealed record IgnoredRange(int Start, int End, IgnoredKind Kind);

/// <summary>A resolved time: a moment (Start only) or a window [Start, End).</summary>
public sealed record ResolvedTime(DateTimeOffset Start, DateTimeOffset? End, string Text);

public sealed record ElementReport
{
    public bool Present { get; init; }
    public IReadOnlyList<TextSpan> Evidence { get; init; } = [];
    /// <summary>One sentence in the draft's language when the element is missing; null when present.</summary>
    public string? Reason { get; init; }
}

public sealed record DateElementReport
{
    public bool Present { get; init; }
    public IReadOnlyList<TextSpan> Evidence { get; init; } = [];
    public string? Reason { get; init; }
    /// <summary>The next step's time, when present.</summary>
    public ResolvedTime? Resolved { get; init; }
}

public sealed record Elements(ElementReport Action, ElementReport Attendee, DateElementReport Date, ElementReport Confirmation);

public sealed record VaguePhrase(int Start, int End, string Text, VagueKind Kind, string Suggestion);

public sealed record ClosingTemplate(string Language, NextStepType? NextStep, string Text, string Html);

public sealed record DraftAnalysis
{
    /// <summary><c>en</c>, <c>zh</c> or <c>mixed</c>.</summary>
    public required string Language { get; init; }
    /// <summary>Subject line, a blank line, then the body as plain text. Every offset indexes into it.</summary>
    public required string AnalyzedText { get; init; }
    /// <summary>Where the body starts in <see cref="AnalyzedText"/>.</summary>
    public required int BodyStart { get; init; }
    /// <summary>Quoted replies, forwarded blocks and signatures: context, never evidence.</summary>
    public required IReadOnlyList<IgnoredRange> Ignored { get; init; }
    /// <summary>True when the input was longer than the engine reads and was cut.</summary>
    public required bool Truncated { get; init; }
    public required Elements Elements { get; init; }
    public required Outcome Outcome { get; init; }
    public required NextStepType? NextStep { get; init; }
    public required IReadOnlyList<VaguePhrase> VaguePhrases { get; init; }
    public required IReadOnlyList<TextSpan> Asks { get; init; }
    public required ClosingTemplate ClosingTemplate { get; init; }
}
