namespace OutlookCommit.Analysis.Text;

/// <summary>A sentence of the rep's own text: [Start, End) in the analyzed text.</summary>
public readonly record struct Sentence(int Start, int End, bool IsSubject);

/// <summary>Splits English and Chinese text into sentences at terminal punctuation and line breaks.</summary>
public static class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "a.m", "p.m", "am", "pm",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "no", "approx", "inc", "ltd", "co", "corp",
        // Honorifics of Latin America and Europe ("Ing. Ramírez", "Lic. Gómez", "Mme. Laurent") and a few titles.
        "ing", "lic", "arq", "sra", "srta", "dra", "mme", "mlle", "rev", "hon", "capt", "col", "dept",
    };

    public static bool EndsSentence(string s) => s.Length > 0 && IsTerminal(s[^1]);

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '。' or '！' or '？' or '；' or ';' or '…';

    /// <summary>Sentences of <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static IEnumerable<Sentence> Split(string text, int start, int end, bool isSubject = false)
    {
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            var boundary = false;
            var cut = i + 1;
            if (c == '\n') { boundary = true; cut = i; }
            else if (c is '!' or '?' or '。' or '！' or '？' or '；' or '…')
            {
                while (cut < end && (IsTerminal(text[cut]) || text[cut] is '"' or '”' or '’' or ')' or '）')) cut++;
                boundary = true;
            }
            else if (c == '.' && (i + 1 >= end || char.IsWhiteSpace(text[i + 1])) && !IsAbbreviation(text, sentenceStart, i) && !IsListNumber(text, sentenceStart, i))
                boundary = true;
            else if (c == ';' && (i + 1 >= end || char.IsWhiteSpace(text[i + 1]))) boundary = true;

            if (!boundary) continue;
            if (Trimmed(text, sentenceStart, cut) is { } s) yield return s with { IsSubject = isSubject };
            sentenceStart = cut;
            i = Math.Max(i, cut - 1);
        }
        if (Trimmed(text, sentenceStart, end) is { } last) yield return last with { IsSubject = isSubject };
    }

    private static Sentence? Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end > start ? new Sentence(start, end, false) : null;
    }

    /// <summary>"1. Mr. Ibrahim Ade – Project Manager": a list item's number starts its sentence, it does not end one.</summary>
    private static bool IsListNumber(string text, int sentenceStart, int dot)
    {
        var first = sentenceStart;
        while (first < dot && char.IsWhiteSpace(text[first])) first++;
        return dot - first is 1 or 2 && text.AsSpan(first, dot - first).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.')) wordStart--;
        var word = text[wordStart..dot];
        if (word.Length == 0) return false;
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial: "J. Smith"
        return Abbreviations.Contains(word);
    }
}
