using System.Text.Json;
using System.Text.Json.Serialization;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Eval;

namespace OutlookCommit.Analysis.Tests;

/// <summary>
/// The rule specs: small JSON files under Specs/ of input → expected spans, one file per rule and both
/// languages in each. One theory runs them all; a new rule or case needs a JSON entry, not a new test.
/// </summary>
public class SpecTests
{
    public sealed record SpecFile(string Description, List<SpecCase> Cases);

    public sealed record SpecCase : DraftRecord
    {
        public required string Name { get; init; }
        public required Expectation Expect { get; init; }
    }

    public sealed record VagueExpectation(string Text, VagueKind Kind);

    public sealed record Expectation
    {
        /// <summary>Snippets that must lie wholly inside ignored ranges (quotes, forwards, signatures).</summary>
        public List<string>? Ignored { get; init; }
        /// <summary>Snippets that must lie wholly outside ignored ranges.</summary>
        public List<string>? Live { get; init; }
        public List<VagueExpectation>? Vague { get; init; }
        public bool? NoVague { get; init; }
        public string? Language { get; init; }
        public List<string>? DateEvidence { get; init; }
        public DateTimeOffset? DateStart { get; init; }
        public DateTimeOffset? DateEnd { get; init; }
        public List<string>? AttendeeEvidence { get; init; }
        public List<string>? Asks { get; init; }
        public Dictionary<string, bool>? Present { get; init; }
        public NextStepType? NextStep { get; init; }
        public string? ReasonContains { get; init; }
    }

    private static readonly DateTimeOffset DefaultReference = DateTimeOffset.Parse("2026-11-27T10:00:00-05:00");

    private static readonly JsonSerializerOptions Json = new(AnalysisJson.Options) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static string SpecFolder => Path.Combine(AppContext.BaseDirectory, "Specs");

    public static TheoryData<string, string> Specs()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(SpecFolder, "*.json").OrderBy(f => f))
            foreach (var c in Load(file).Cases) data.Add(Path.GetFileNameWithoutExtension(file), c.Name);
        return data;
    }

    private static SpecFile Load(string path) =>
        JsonSerializer.Deserialize<SpecFile>(File.ReadAllText(path), Json) ?? throw new InvalidDataException(path);

    [Theory, MemberData(nameof(Specs))]
    public void Spec_holds(string file, string name)
    {
        var spec = Load(Path.Combine(SpecFolder, file + ".json")).Cases.Single(c => c.Name == name);
        // Specs leave the reference time out when any moment will do; they are written for this one.
        var draft = (spec.ReferenceTime == default ? spec with { ReferenceTime = DefaultReference } : spec).ToDraft();
        var a = TestData.Analyzer.Analyze(draft);
        var e = spec.Expect;

        foreach (var snippet in e.Ignored ?? []) Assert.True(IsIgnored(a, Locate(a, snippet)), $"'{snippet}' should be ignored");
        foreach (var snippet in e.Live ?? []) Assert.False(TouchesIgnored(a, Locate(a, snippet)), $"'{snippet}' should be the rep's own text");
        if (e.Language is not null) Assert.Equal(e.Language, a.Language);
        foreach (var v in e.Vague ?? [])
            Assert.Contains(a.VaguePhrases, p => p.Kind == v.Kind && p.Text.Contains(v.Text, StringComparison.OrdinalIgnoreCase));
        if (e.NoVague == true) Assert.Empty(a.VaguePhrases);
        foreach (var d in e.DateEvidence ?? [])
            Assert.Contains(a.Elements.Date.Evidence, s => s.Text.Contains(d, StringComparison.OrdinalIgnoreCase));
        if (e.DateStart is { } start) Assert.Equal(start, a.Elements.Date.Resolved?.Start);
        if (e.DateEnd is { } end) Assert.Equal(end, a.Elements.Date.Resolved?.End);
        foreach (var p in e.AttendeeEvidence ?? [])
            Assert.Contains(a.Elements.Attendee.Evidence, s => s.Text.Contains(p, StringComparison.OrdinalIgnoreCase));
        foreach (var ask in e.Asks ?? [])
            Assert.Contains(a.Asks, s => s.Text.Contains(ask, StringComparison.OrdinalIgnoreCase));
        if (e.NextStep is not null) Assert.Equal(e.NextStep, a.NextStep);
        foreach (var (element, present) in e.Present ?? [])
            Assert.True(present == Element(a, element).Present, $"{element} should be {(present ? "present" : "missing")}: {Element(a, element).Reason}");
        if (e.ReasonContains is not null)
            Assert.Contains(new[] { a.Elements.Action.Reason, a.Elements.Attendee.Reason, a.Elements.Date.Reason, a.Elements.Confirmation.Reason },
                r => r is not null && r.Contains(e.ReasonContains, StringComparison.Ordinal));

        // Whatever the rule, no evidence may come from ignored text.
        foreach (var span in AllSpans(a)) Assert.False(TouchesIgnored(a, (span.Start, span.End)), $"evidence '{span.Text}' comes from ignored text");
    }

    internal static IEnumerable<TextSpan> AllSpans(DraftAnalysis a) =>
        a.Elements.Action.Evidence.Concat(a.Elements.Attendee.Evidence).Concat(a.Elements.Date.Evidence)
            .Concat(a.Elements.Confirmation.Evidence).Concat(a.Asks)
            .Concat(a.VaguePhrases.Select(v => new TextSpan(v.Start, v.End, v.Text)));

    private static (bool Present, string? Reason) Element(DraftAnalysis a, string name) => name switch
    {
        "action" => (a.Elements.Action.Present, a.Elements.Action.Reason),
        "attendee" => (a.Elements.Attendee.Present, a.Elements.Attendee.Reason),
        "date" => (a.Elements.Date.Present, a.Elements.Date.Reason),
        "confirmation" => (a.Elements.Confirmation.Present, a.Elements.Confirmation.Reason),
        _ => throw new ArgumentException($"unknown element {name}"),
    };

    private static (int Start, int End) Locate(DraftAnalysis a, string snippet)
    {
        var at = a.AnalyzedText.IndexOf(snippet, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{snippet}' is not in the analyzed text:\n{a.AnalyzedText}");
        return (at, at + snippet.Length);
    }

    private static bool IsIgnored(DraftAnalysis a, (int Start, int End) span) =>
        a.Ignored.Any(r => r.Start <= span.Start && span.End <= r.End);

    internal static bool TouchesIgnored(DraftAnalysis a, (int Start, int End) span) =>
        a.Ignored.Any(r => r.Start < span.End && span.Start < r.End);
}
