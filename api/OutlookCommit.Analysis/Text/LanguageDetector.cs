namespace OutlookCommit.Analysis.Text;

/// <summary>Tells English, Chinese and mixed drafts apart by script.</summary>
public static class LanguageDetector
{
    public const string English = "en", Chinese = "zh", Mixed = "mixed";

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    public static bool ContainsHan(string text, int start, int end)
    {
        for (var i = start; i < end; i++) if (IsHan(text[i])) return true;
        return false;
    }

    public static bool ContainsLatinWord(string text, int start, int end)
    {
        var run = 0;
        for (var i = start; i < end; i++)
        {
            run = char.IsAsciiLetter(text[i]) ? run + 1 : 0;
            if (run >= 2) return true;
        }
        return false;
    }

    /// <summary>
    /// Chinese mail often carries a few English words (Teams, POC, OK); it stays Chinese until the English
    /// is a real share of the text. Han characters count half a word, roughly one word per two characters.
    /// </summary>
    public static string Detect(string text, IEnumerable<(int Start, int End)> parts)
    {
        double han = 0, latinWords = 0;
        foreach (var (start, end) in parts)
        {
            var inWord = false;
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (IsHan(c)) han++;
                var letter = char.IsAsciiLetter(c);
                if (letter && !inWord) latinWords++;
                inWord = letter;
            }
        }
        if (han == 0) return English;
        if (latinWords == 0) return Chinese;
        var englishShare = latinWords / (latinWords + han / 2);
        return englishShare >= 0.8 ? English : englishShare <= 0.25 ? Chinese : Mixed;
    }

    /// <summary>The language used for reasons and templates: mixed drafts are mostly Chinese mail.</summary>
    public static string ForMessages(string language) => language == English ? English : Chinese;
}
