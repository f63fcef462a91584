using System.Text.RegularExpressions;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis.Lexicons;

/// <summary>
/// One named group of patterns, compiled per script. A sentence is matched only against the patterns its script
/// can match: English text never pays for the Chinese alternatives (and the reverse), and plain English text keeps
/// .NET's fast \b; only sentences that mix Han and Latin use the Latin-only word boundary.
/// </summary>
/// <remarks>
/// <para>Each pattern is its own regex, and their matches are merged the way one alternation would pick them (leftmost
/// first, the earlier pattern on a tie, no overlaps). A single alternation of 50 patterns was 10–20 times slower:
/// it loses every pattern's own search for its first letters and tries all of them at every position.</para>
/// <para>A group starts with interpreted regexes, which take a fraction of the time to build, so the engine can answer
/// within a second of start-up; <see cref="CompileForSpeed"/> later swaps in compiled ones that match the same text
/// faster. Both are built from the same pattern text with the same options, so the answers do not change.</para>
/// </remarks>
public sealed class PatternGroup
{
    /// <summary>The patterns one by one, and (built on first need) the same patterns as one alternation.</summary>
    private sealed record Patterns(Regex[] Each, Lazy<Regex?> Alternation);

    private sealed record Regexes(Patterns Latin, Patterns LatinAmongHan, Patterns Han);

    private readonly List<string> _latinPatterns;
    private readonly List<string> _hanPatterns;
    private volatile Regexes _regexes;

    public PatternGroup(IEnumerable<string> latinPatterns, IEnumerable<string> hanPatterns, bool compiled = true)
    {
        _latinPatterns = latinPatterns.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        _hanPatterns = hanPatterns.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        _regexes = Build(compiled);
    }

    /// <summary>Whether the group already matches with compiled regexes.</summary>
    public bool IsCompiled
    {
        get
        {
            var r = _regexes;
            var any = r.Latin.Each.FirstOrDefault() ?? r.Han.Each.FirstOrDefault();
            return any is null || any.Options.HasFlag(RegexOptions.Compiled);
        }
    }

    /// <summary>Replaces interpreted regexes with compiled ones; safe while other threads are matching.</summary>
    public void CompileForSpeed()
    {
        if (!IsCompiled) _regexes = _regexes with { Latin = Build(_latinPatterns, latinBoundary: false, compiled: true), Han = Build(_hanPatterns, latinBoundary: true, compiled: true) };
    }

    // English words inside Chinese sentences are the least common case: their variant stays interpreted, which keeps
    // the background compile a third shorter.
    private Regexes Build(bool compiled) => new(
        Build(_latinPatterns, latinBoundary: false, compiled),
        Build(_latinPatterns, latinBoundary: true, compiled: false),
        Build(_hanPatterns, latinBoundary: true, compiled));

    // The alternation is only a fallback for the rare sentence where patterns' matches overlap, so it stays interpreted.
    private static Patterns Build(List<string> patterns, bool latinBoundary, bool compiled) => new(
        patterns.Select(p => EmbeddedData.Compile(p, latinBoundary: latinBoundary, compiled: compiled)).ToArray(),
        new Lazy<Regex?>(() => EmbeddedData.CompileAny(patterns, latinBoundary: latinBoundary, compiled: false)));

    public IEnumerable<Match> Matches(string text, int start, int length)
    {
        var variants = VariantsFor(text, start, length);
        return variants.Length == 1
            ? Alternation(variants[0], text, start, length)
            : Alternation(variants[0], text, start, length).Concat(Alternation(variants[1], text, start, length)).OrderBy(m => m.Index);
    }

    public bool IsMatch(string text, int start, int length) =>
        text.Length > 0 && VariantsFor(text, start, length).Any(p => p.Each.Any(r => SafeRegex.FirstNonEmpty(r, text, start, length) is not null));

    /// <summary>The compiled variants for the scripts the text contains: Latin alone, Han alone, or Latin among Han plus Han.</summary>
    private Patterns[] VariantsFor(string text, int start, int length)
    {
        var regexes = _regexes;
        var (han, latin) = Scripts(text, start, length);
        return !han ? [regexes.Latin] : !latin ? [regexes.Han] : [regexes.LatinAmongHan, regexes.Han];
    }

    /// <summary>
    /// The matches one alternation of the patterns returns: at each step the leftmost match of any pattern that starts
    /// at or after where the previous one ended, the earlier pattern on a tie. Each pattern's own matches are searched
    /// once. Only when a pattern's own match straddles the point reached (two patterns matched overlapping words) could
    /// it have a different match starting later inside it; from there on the real alternation answers.
    /// </summary>
    /// <remarks>Most patterns find nothing in a sentence, so each is first asked once, without an enumerator.</remarks>
    private static IEnumerable<Match> Alternation(Patterns patterns, string text, int start, int length)
    {
        var each = patterns.Each;
        if (each.Length == 0 || text.Length == 0) yield break;
        Match?[]? next = null;
        for (var i = 0; i < each.Length; i++)
            if (SafeRegex.FirstNonEmpty(each[i], text, start, length) is { } first) (next ??= new Match?[each.Length])[i] = first;
        if (next is null) yield break;
        var position = start;
        while (true)
        {
            var best = -1;
            var straddled = false;
            for (var i = 0; i < each.Length; i++)
            {
                while (next[i] is { } m && m.Index < position)
                {
                    straddled |= m.Index + m.Length > position;
                    next[i] = SafeRegex.NextNonEmpty(m);
                }
                if (next[i] is { } candidate && (best < 0 || candidate.Index < next[best]!.Index)) best = i;
            }
            if (straddled)
            {
                foreach (var m in SafeRegex.Matches(patterns.Alternation.Value, text, start, length))
                    if (m.Index >= position) yield return m;
                yield break;
            }
            if (best < 0) yield break;
            var chosen = next[best]!;
            yield return chosen;
            position = chosen.Index + chosen.Length;
        }
    }

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
