using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace OutlookCommit.Analysis.Lexicons;

/// <summary>The JSON shape of one language's lexicon file (<c>Lexicons/en.json</c>, <c>Lexicons/zh.json</c>).</summary>
public sealed record LexiconFile
{
    public required string Language { get; init; }
    /// <summary>What each pattern group is for (kept in en.json; the engine does not read it, a test keeps it complete).</summary>
    public Dictionary<string, string> GroupNotes { get; init; } = [];
    public Dictionary<string, string[]> Patterns { get; init; } = [];
    public Dictionary<string, string[]> NextStep { get; init; } = [];
    public VagueEntry[] Vague { get; init; } = [];
    public Dictionary<string, string> Reasons { get; init; } = [];
    /// <summary>Counting words ("two", 两) that stand for a number in date expressions such as "within two business days".</summary>
    public Dictionary<string, int> NumberWords { get; init; } = [];
}

public sealed record VagueEntry(string Pattern, Model.VagueKind Kind, string Suggestion);

/// <summary>Loads the embedded data files and compiles their patterns, each with a match timeout.</summary>
public static class EmbeddedData
{
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static T Load<T>(string fileName)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        var name = assembly.GetManifestResourceNames()
            .Single(n => n.Replace('\\', '.').Replace('/', '.').EndsWith("Lexicons." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<T>(stream, Json)
            ?? throw new InvalidDataException($"Embedded data file {fileName} is empty.");
    }

    /// <summary>
    /// A word boundary for Latin words only. .NET's \b counts Han characters as word characters, so in mixed
    /// text ("你们QA team", "今天EOD前") an English word glued to Chinese would never match.
    /// </summary>
    private const string LatinBoundary = @"(?:(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])|(?<=[A-Za-z0-9_])(?![A-Za-z0-9_]))";

    /// <param name="compiled">
    /// False builds an interpreted regex: about a tenth of the construction time and somewhat slower matching.
    /// The lexicon starts with those so the engine is ready quickly, then swaps in compiled ones in the background.
    /// </param>
    public static Regex Compile(string pattern, RegexOptions extra = RegexOptions.None, bool latinBoundary = true, bool compiled = true)
    {
        var options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | extra | (compiled ? RegexOptions.Compiled : RegexOptions.None);
        var regex = new Regex(latinBoundary ? pattern.Replace(@"\b", LatinBoundary, StringComparison.Ordinal) : pattern, options, RegexTimeout);
        // A compiled regex is JIT-compiled on its first match, and that time counts against the match timeout:
        // on a busy machine a large pattern's first real match would time out and silently find nothing.
        if (compiled)
        {
            try { regex.IsMatch("Warm up 预热 2026-11-27."); }
            catch (RegexMatchTimeoutException) { }
        }
        return regex;
    }

    /// <summary>Several patterns as one alternation (rules that need one match over all of them; lexicon groups use <see cref="PatternGroup"/>).</summary>
    public static Regex? CompileAny(IEnumerable<string> patterns, RegexOptions extra = RegexOptions.None, bool latinBoundary = true, bool compiled = true)
    {
        var list = patterns.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return list.Count == 0 ? null : Compile(string.Join("|", list.Select(p => $"(?:{p})")), extra, latinBoundary, compiled);
    }
}
