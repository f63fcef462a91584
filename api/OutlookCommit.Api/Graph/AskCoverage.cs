using System.Globalization;
using System.Text.RegularExpressions;
using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Api.Graph;

/// <summary>
/// Which of the customer's asks a draft leaves unanswered: an ask counts as answered when at least
/// <see cref="Threshold"/> of its content words (English) or character pairs (Chinese) appear in the draft's
/// own text (quotes and signatures excluded). A lexical heuristic; the engine may later judge this itself.
/// </summary>
public static partial class AskCoverage
{
    public const double Threshold = 0.4;

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "you", "your", "can", "could", "would", "will", "please", "with", "that", "this", "what",
        "when", "which", "who", "how", "are", "is", "was", "our", "we", "us", "me", "my", "let", "know", "do", "does",
        "any", "have", "has", "about", "from", "into", "also", "send", "share",
    };

    public static IReadOnlyList<string> Unanswered(IEnumerable<string> asks, DraftAnalysis draft)
    {
        var own = Terms(OwnText(draft));
        return asks.Where(ask =>
        {
            var terms = Terms(ask);
            return terms.Count > 0 && terms.Count(own.Contains) < Threshold * terms.Count;
        }).ToArray();
    }

    /// <summary>The analyzed text without the ranges the engine marked as quotes, forwards or signatures.</summary>
    public static string OwnText(DraftAnalysis draft)
    {
        var text = draft.AnalyzedText;
        var keep = new bool[text.Length];
        Array.Fill(keep, true);
        foreach (var range in draft.Ignored)
            for (var i = Math.Max(0, range.Start); i < Math.Min(text.Length, range.End); i++)
                keep[i] = false;
        return string.Concat(text.Where((_, i) => keep[i]));
    }

    public static HashSet<string> Terms(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Word().Matches(text.ToLower(CultureInfo.InvariantCulture)))
        {
            var w = m.Value;
            if (IsCjk(w[0]))
            {
                for (var i = 0; i + 1 < w.Length; i++)
                    terms.Add(w.Substring(i, 2));
                if (w.Length == 1) terms.Add(w);
            }
            else if (w.Length >= 3 && !Stop.Contains(w))
                terms.Add(w.Length > 4 ? w[..4] : w); // a crude stem: "pricing" ~ "price", "proposal" ~ "propose"
        }
        return terms;
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    [GeneratedRegex(@"[\u3400-\u4dbf\u4e00-\u9fff]+|[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
