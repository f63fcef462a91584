using System.Text.RegularExpressions;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis.Lexicons;

/// <summary>
/// One named group of patterns, compiled per script. A sentence is matched only against the patterns its script
/// can match: English text never pays for the Chinese alternatives (and the reverse), and plain English text keeps
/// .NET's fast \b; only sentences that mix Han and Latin use the Latin-only word boundary.
/// </summary>
public sealed class PatternGroup
{
    private readonly Regex? _latin;
    private readonly Regex? _latinAmongHan;
    private readonly Regex? _han;

    public PatternGroup(IEnumerable<string> latinPatterns, IEnumerable<string> hanPatterns)
    {
        var latin = latinPatterns.ToList();
        _latin = EmbeddedData.CompileAny(latin, latinBoundary: false);
        _latinAmongHan = EmbeddedData.CompileAny(latin);
        _han = EmbeddedData.CompileAny(hanPatterns);
    }

    public IEnumerable<Match> Matches(string text, int start, int length)
    {
        var (han, latin) = Scripts(text, start, length);
        if (!han) return SafeRegex.Matches(_latin, text, start, length);
        if (!latin) return SafeRegex.Matches(_han, text, start, length);
        return SafeRegex.Matches(_latinAmongHan, text, start, length)
            .Concat(SafeRegex.Matches(_han, text, start, length))
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
