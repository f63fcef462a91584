using System.Text.RegularExpressions;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis.Lexicons;

/// <summary>
/// One named group of patterns, compiled per script. A sentence is matched only against the patterns its script
/// can match: English text never pays for the Chinese alternatives (and the reverse), and plain English text keeps
/// .NET's fast \b; only sentences that mix Han and Latin use the Latin-only word boundary.
/// </summary>
/// <remarks>
/// A group starts with interpreted regexes, which take a fraction of the time to build, so the engine can answer
/// within a second of start-up; <see cref="CompileForSpeed"/> later swaps in compiled ones that match the same
/// text faster. Both are built from the same pattern text with the same options, so the answers do not change.
/// </remarks>
public sealed class PatternGroup
{
    private sealed record Regexes(Regex? Latin, Regex? LatinAmongHan, Regex? Han);

    private readonly List<string> _latinPatterns;
    private readonly List<string> _hanPatterns;
    private volatile Regexes _regexes;

    public PatternGroup(IEnumerable<string> latinPatterns, IEnumerable<string> hanPatterns, bool compiled = true)
    {
        _latinPatterns = latinPatterns.ToList();
        _hanPatterns = hanPatterns.ToList();
        _regexes = Build(compiled);
    }

    /// <summary>Whether the group already matches with compiled regexes.</summary>
    public bool IsCompiled => _regexes.Latin?.Options.HasFlag(RegexOptions.Compiled) ?? _regexes.Han?.Options.HasFlag(RegexOptions.Compiled) ?? true;

    /// <summary>Replaces interpreted regexes with compiled ones; safe while other threads are matching.</summary>
    public void CompileForSpeed()
    {
        if (!IsCompiled) _regexes = Build(compiled: true);
    }

    private Regexes Build(bool compiled) => new(
        EmbeddedData.CompileAny(_latinPatterns, latinBoundary: false, compiled: compiled),
        EmbeddedData.CompileAny(_latinPatterns, compiled: compiled),
        EmbeddedData.CompileAny(_hanPatterns, compiled: compiled));

    public IEnumerable<Match> Matches(string text, int start, int length)
    {
        var regexes = _regexes;
        var (han, latin) = Scripts(text, start, length);
        if (!han) return SafeRegex.Matches(regexes.Latin, text, start, length);
        if (!latin) return SafeRegex.Matches(regexes.Han, text, start, length);
        return SafeRegex.Matches(regexes.LatinAmongHan, text, start, length)
            .Concat(SafeRegex.Matches(regexes.Han, text, start, length))
            .OrderBy(m => m.Index);
    }

    public bool IsMatch(string text, int start, int length) => Matches(text, start, length).Any();

    private static (bool Han, bool Latin) Scripts(string text, int start, int length)
    {
        bool han = false, latin = false;
        for (var i = start; i < start + length && !(han && latin); i++)
        {
            var c = text[i];
            if (LanguageDetector.IsHan(c)) han = true;
            else if (char.IsAsciiLetter(c)) latin = true;
        }
        return (han, latin);
    }
}
