using System.Text.RegularExpressions;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis.Lexicons;

/// <summary>A vague-phrase pattern with what to write instead.</summary>
public sealed record VagueRule(Regex Pattern, VagueKind Kind, string Suggestion, string Language);

/// <summary>
/// Every language's lexicon merged into one set of compiled pattern groups. Chinese mail mixes in English,
/// so each group matches both languages at once; only reasons and templates are chosen per language.
/// </summary>
public sealed class Lexicon
{
    public static readonly string[] Languages = ["en", "zh"];

    private readonly Dictionary<string, Regex?> _groups = [];
    private readonly Dictionary<string, LexiconFile> _files;

    public IReadOnlyList<LexiconFile> Files => _files.Values.ToList();
    public IReadOnlyList<(NextStepType Type, Regex Pattern)> NextStepPatterns { get; }
    public IReadOnlyList<VagueRule> VagueRules { get; }

    public Lexicon()
    {
        _files = Languages.ToDictionary(l => l, l => EmbeddedData.Load<LexiconFile>($"{l}.json"));
        // Compiling (and warming) the patterns is most of start-up; groups are independent, so use every core.
        var groupNames = _files.Values.SelectMany(f => f.Patterns.Keys).Distinct().ToList();
        var compiled = new Regex?[groupNames.Count];
        Parallel.For(0, groupNames.Count, i =>
            compiled[i] = EmbeddedData.CompileAny(_files.Values.SelectMany(f => f.Patterns.GetValueOrDefault(groupNames[i]) ?? [])));
        for (var i = 0; i < groupNames.Count; i++) _groups[groupNames[i]] = compiled[i];

        NextStepPatterns = _files.Values
            .SelectMany(f => f.NextStep)
            .GroupBy(kv => Enum.Parse<NextStepType>(kv.Key, ignoreCase: true))
            .Select(g => (g.Key, EmbeddedData.CompileAny(g.SelectMany(kv => kv.Value))!))
            .ToList();
        VagueRules = _files.Values
            .SelectMany(f => f.Vague.Select(v => new VagueRule(EmbeddedData.Compile(v.Pattern), v.Kind, v.Suggestion, f.Language)))
            .ToList();
    }

    public Regex? this[string group] => _groups.GetValueOrDefault(group);

    public IEnumerable<Match> Matches(string group, string text, int start, int length) =>
        SafeRegex.Matches(this[group], text, start, length);

    public bool IsMatch(string group, string text, int start, int length) =>
        SafeRegex.IsMatch(this[group], text, start, length);

    public bool IsMatch(string group, string text) => SafeRegex.IsMatch(this[group], text);

    /// <summary>The reason sentence in the given language, with the quoted phrase filled in.</summary>
    public string Reason(string language, string key, string? phrase = null)
    {
        var file = _files.GetValueOrDefault(LanguageDetector.ForMessages(language)) ?? _files["en"];
        var template = file.Reasons.GetValueOrDefault(key) ?? _files["en"].Reasons[key];
        return phrase is null ? template : template.Replace("{0}", Shorten(phrase), StringComparison.Ordinal);
    }

    private static string Shorten(string phrase)
    {
        var p = phrase.Trim();
        return p.Length <= 60 ? p : p[..57] + "…";
    }
}
