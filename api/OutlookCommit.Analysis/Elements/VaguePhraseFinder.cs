using OutlookCommit.Analysis.Lexicons;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis.Elements;

/// <summary>Finds vague wording ("touch base", 过两天, 多多关照) in the rep's own sentences.</summary>
public static class VaguePhraseFinder
{
    public static List<VaguePhrase> Find(DraftDocument document, Lexicon lexicon)
    {
        var found = new List<VaguePhrase>();
        foreach (var sentence in document.Sentences)
        {
            // A rule only runs on text in its own script (Chinese rules on Han text, English on Latin).
            var han = LanguageDetector.ContainsHan(document.Text, sentence.Start, sentence.End);
            var latin = !han || LanguageDetector.ContainsLatinWord(document.Text, sentence.Start, sentence.End);
            foreach (var rule in lexicon.VagueRules.Where(r => r.Language == "zh" ? han : latin))
                foreach (var m in Text.SafeRegex.Matches(rule.For(han), document.Text, sentence.Start, sentence.End - sentence.Start))
                {
                    var end = m.Index + m.Length;
                    while (end > m.Index && char.IsWhiteSpace(document.Text[end - 1])) end--;
                    if (found.Any(f => f.Start < end && m.Index < f.End)) continue;
                    found.Add(new VaguePhrase(m.Index, end, document.Text[m.Index..end], rule.Kind, rule.Suggestion));
                }
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }
}
