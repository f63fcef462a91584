using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Analysis.Elements;

/// <summary>The confirmation element: the rep asks the recipient to confirm, accept or commit to the step or time.</summary>
public static class ConfirmationFinder
{
    public static ElementReport Find(SentenceContext context)
    {
        var evidence = new List<TextSpan>();
        foreach (var sentence in context.Document.BodySentences)
        {
            if (context.IsMatch("confirmationBlocker", sentence) || context.HasBlank(sentence)) continue;
            var match = context.Matches("confirmation", sentence).FirstOrDefault(m => !context.InsideVague(m.Index, m.Index + m.Length));
            if (match is not null) evidence.Add(context.Span(sentence.Start, sentence.End));
        }
        if (evidence.Count > 0) return new ElementReport { Present = true, Evidence = evidence };
        var vague = context.FirstVague(VagueKind.VagueAsk);
        return new ElementReport
        {
            Present = false,
            Reason = vague is null ? context.Reason("confirmationMissing") : context.Reason("confirmationVague", vague.Text),
        };
    }
}
