using System.Text.RegularExpressions;

namespace OutlookCommit.Analysis.Text;

/// <summary>Regex use that degrades to "no match" when a pattern times out on hostile input.</summary>
public static class SafeRegex
{
    public static IEnumerable<Match> Matches(Regex? regex, string text, int start = 0, int length = -1)
    {
        if (regex is null || text.Length == 0) yield break;
        if (length < 0) length = text.Length - start;
        Match match;
        try { match = regex.Match(text, start, length); }
        catch (RegexMatchTimeoutException) { yield break; }
        while (match.Success)
        {
            if (match.Length > 0) yield return match;
            try { match = match.NextMatch(); }
            catch (RegexMatchTimeoutException) { yield break; }
        }
    }

    public static bool IsMatch(Regex? regex, string text, int start = 0, int length = -1) =>
        Matches(regex, text, start, length).Any();

    public static Match? First(Regex? regex, string text, int start = 0, int length = -1) =>
        Matches(regex, text, start, length).FirstOrDefault();
}
