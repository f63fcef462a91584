namespace OutlookCommit.Analysis.Text;

/// <summary>
/// The text the lexicons are matched against: traditional Chinese read as simplified (<see cref="TraditionalChinese"/>)
/// and typographic apostrophes read as plain ones, so "I’d like to" — what Outlook and phones type — matches the
/// lexicons' "I'd like to". Character for character: every offset found is an offset into what the rep wrote.
/// </summary>
public static class MatchingText
{
    /// <summary>The text as matched; the same instance when nothing changes.</summary>
    public static string Fold(string text)
    {
        var folded = TraditionalChinese.Fold(text);
        var i = folded.AsSpan().IndexOfAny('\u2019', '\u2018');
        if (i < 0) return folded;
        var chars = folded.ToCharArray();
        for (; i < chars.Length; i++)
            if (chars[i] is '\u2019' or '\u2018') chars[i] = '\'';
        return new string(chars);
    }
}
