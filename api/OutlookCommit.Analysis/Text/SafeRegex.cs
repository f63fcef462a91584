using System.Text.RegularExpressions;

namespace OutlookCommit.Analysis.Text;

/// <summary>Regex use that degrades to "no match" when a pattern times out on hostile input.</summary>
public static class SafeRegex
{
    public static IEnumerable<Match> Matches(Regex? regex, string text, int start = 0, int length = -1)
    {
        if (regex is null || text.Length == 0) yield break;
        if (length < 0) length = text.Length - start;
        for (var match = FirstNonEmpty(regex, text, start, length); match is not null; match = NextNonEmpty(match))
            yield return match;
    }

    /// <summary>The first non-empty match, or null; no enumerator, for callers that step through matches themselves.</summary>
    public static Match? FirstNonEmpty(Regex regex, string text, int start, int length)
    {
        try
        {
            var match = regex.Match(text, start, length);
            return match.Success && match.Length == 0 ? NextNonEmpty(match) : match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException) { return null; }
    }

    /// <summary>The next non-empty match after <paramref name="match"/>, or null.</summary>
    public static Match? NextNonEmpty(Match match)
    {
        try
        {
            do match = match.NextMatch(); while (match.Success && match.Length == 0);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException) { return null; }
    }

    public static bool IsMatch(Regex? regex, string text, int start = 0, int length = -1) =>
        Matches(regex, text, start, length).Any();

    public static Match? First(Regex? regex, string text, int start = 0, int length = -1) =>
        Matches(regex, text, start, length).FirstOrDefault();
}
