using OutlookCommit.Analysis.Dates;
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
            if (match is not null || IsClosedQuestionAboutTheStep(context, sentence)) evidence.Add(context.Span(sentence.Start, sentence.End));
        }
        if (evidence.Count > 0) return new ElementReport { Present = true, Evidence = evidence };
        var vague = context.FirstVague(VagueKind.VagueAsk);
        return new ElementReport
        {
            Present = false,
            Reason = vague is null ? context.Reason("confirmationMissing") : context.Reason("confirmationVague", vague.Text),
        };
    }

    /// <summary>
    /// "Can we jump on a quick Teams call Friday at 11?": proposing the step with a specific day or time asks the
    /// recipient to accept it, without any confirmation word. With only a week ("Could we schedule a session next
    /// week?") the recipient still has to pick the day, so it is not a confirmation.
    /// </summary>
    private static bool IsClosedQuestionAboutTheStep(SentenceContext context, Text.Sentence sentence) =>
        context.IsMatch("closedQuestion", sentence)
        && context.Dates.Any(d => d.Sentence.Start == sentence.Start && d.Mention.Quality == DateQuality.Resolvable
            && (d.Mention.To is not { } to || to - d.Mention.From <= TimeSpan.FromDays(1)));
}
