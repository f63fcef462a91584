using System.Text.RegularExpressions;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis.Lexicons;

/// <summary>A vague-phrase pattern with what to write instead.</summary>
/// <param name="Pattern">The pattern for text with Han characters (English words are bounded as Latin words there).</param>
/// <param name="WithoutHan">
/// An English rule's pattern for text without Han characters, with .NET's own \b: its search for a first letter is
/// several times faster than the Latin-only boundary's lookarounds. Null for Chinese rules.
/// </param>
public sealed record VagueRule(Regex Pattern, Regex? WithoutHan, VagueKind Kind, string Suggestion, string Language)
{
    public Regex For(bool han) => han || WithoutHan is null ? Pattern : WithoutHan;
}

/// <summary>
/// Every language's lexicon as one set of named pattern groups. Chinese mail mixes in English, so a sentence is
/// matched against the patterns of every script it contains; only reasons and templates are chosen per language.
/// </summary>
public sealed class Lexicon
{
    public static readonly string[] Languages = ["en", "zh"];

    private readonly Dictionary<string, PatternGroup> _groups = [];
    private readonly Dictionary<string, LexiconFile> _files;

    public IReadOnlyList<LexiconFile> Files => _files.Values.ToList();
    public IReadOnlyList<(NextStepType Type, PatternGroup Pattern)> NextStepPatterns { get; }
    public IReadOnlyList<VagueRule> VagueRules { get; }

    /// <param name="compiled">
    /// False starts every group with interpreted regexes (fast to build); call <see cref="CompileForSpeed"/> later.
    /// </param>
    public Lexicon(bool compiled = true)
    {
        _files = Languages.ToDictionary(l => l, l => EmbeddedData.Load<LexiconFile>($"{l}.json"));
        string[] Of(string language, Func<LexiconFile, Dictionary<string, string[]>> section, string name) =>
            section(_files[language]).GetValueOrDefault(name) ?? [];

        // Building ~80 groups of regexes is most of the lexicon's start-up; groups are independent, so use every core.
        var groupNames = _files.Values.SelectMany(f => f.Patterns.Keys).Distinct().ToList();
        var built = new PatternGroup[groupNames.Count];
        Parallel.For(0, groupNames.Count, i =>
            built[i] = new PatternGroup(Of("en", f => f.Patterns, groupNames[i]), Of("zh", f => f.Patterns, groupNames[i]), compiled));
        for (var i = 0; i < groupNames.Count; i++) _groups[groupNames[i]] = built[i];

        NextStepPatterns = Enum.GetValues<NextStepType>()
            .Select(t => (t, new PatternGroup(Of("en", f => f.NextStep, JsonName(t)), Of("zh", f => f.NextStep, JsonName(t)), compiled)))
            .ToList();
        VagueRules = _files.Values
            .SelectMany(f => f.Vague.Select(v => f.Language == "zh"
                ? new VagueRule(EmbeddedData.Compile(v.Pattern), null, v.Kind, v.Suggestion, f.Language)
                // English among Han text is the rare case: like the pattern groups, its variant stays interpreted.
                : new VagueRule(EmbeddedData.Compile(v.Pattern, compiled: false), EmbeddedData.Compile(v.Pattern, latinBoundary: false), v.Kind, v.Suggestion, f.Language)))
            .ToList();
    }

    /// <summary>
    /// Swaps every group's interpreted regexes for compiled ones, one group at a time on the calling thread (a few
    /// seconds of one core, so a server keeps its other cores for requests); matching stays correct meanwhile.
    /// </summary>
    public void CompileForSpeed()
    {
        foreach (var group in _groups.Values.Concat(NextStepPatterns.Select(p => p.Pattern))) group.CompileForSpeed();
    }

    /// <summary>Whether every group matches with compiled regexes.</summary>
    public bool IsCompiled => _groups.Values.All(g => g.IsCompiled) && NextStepPatterns.All(p => p.Pattern.IsCompiled);

    private static string JsonName(NextStepType type) => char.ToLowerInvariant(type.ToString()[0]) + type.ToString()[1..];

    private static readonly PatternGroup Empty = new([], []);

    public IEnumerable<Match> Matches(string group, string text, int start, int length) =>
        _groups.GetValueOrDefault(group, Empty).Matches(text, start, length);

    public bool IsMatch(string group, string text, int start, int length) =>
        _groups.GetValueOrDefault(group, Empty).IsMatch(text, start, length);

    public bool IsMatch(string group, string text) => IsMatch(group, text, 0, text.Length);

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
