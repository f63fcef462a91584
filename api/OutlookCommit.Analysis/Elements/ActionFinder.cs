using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Analysis.Elements;

/// <summary>The action element: a specific next step, an activity with an object. The subject line counts.</summary>
public static class ActionFinder
{
    public static ElementReport Find(SentenceContext context)
    {
        var evidence = new List<TextSpan>();
        foreach (var sentence in context.Document.Sentences)
        {
            if (context.IsAboutThePast(sentence)) continue;
            foreach (var m in context.Matches("action", sentence))
            {
                if (context.InsideVague(m.Index, m.Index + m.Length)) continue;
                evidence.Add(context.Span(m.Index, m.Index + m.Length));
            }
        }
        if (evidence.Count > 0) return new ElementReport { Present = true, Evidence = evidence };
        var vague = context.FirstVague(VagueKind.VagueAction) ?? context.FirstVague(VagueKind.VagueAsk);
        return new ElementReport
        {
            Present = false,
            Reason = vague is null ? context.Reason("actionMissing") : context.Reason("actionVague", vague.Text),
        };
    }
}
