using OutlookCommit.Analysis.Dates;
using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Analysis.Elements;

/// <summary>The confirmation element: the rep asks the recipient to confirm, accept or commit to the step or time.</summary>
public static class ConfirmationFinder
{
    /// <param name="hasStepOrTime">
    /// Whether the rep's own text proposes a step or a time. "see below - can you confirm?" over a forwarded plan asks
    /// to confirm something the draft itself never says, so it confirms nothing.
    /// </param>
    public static ElementReport Find(SentenceContext context, bool hasStepOrTime = true)
    {
        var evidence = new List<TextSpan>();
        var before = new List<Text.Sentence>();
        foreach (var sentence in context.Document.BodySentences)
        {
            var offered = before.TakeLast(3).ToList();
            before.Add(sentence);
            if (IsPickAmongOptions(context, sentence, offered)) { evidence.Add(context.Span(sentence.Start, sentence.End)); continue; }
            if (context.IsMatch("confirmationBlocker", sentence) || context.HasBlank(sentence)) continue;
            var match = context.Matches("confirmation", sentence).FirstOrDefault(m => !context.InsideVague(m.Index, m.Index + m.Length));
            if (match is not null || IsClosedQuestionAboutTheStep(context, sentence)) evidence.Add(context.Span(sentence.Start, sentence.End));
        }
        if (evidence.Count > 0 && !hasStepOrTime)
            return new ElementReport { Present = false, Reason = context.Reason("confirmationNothingToConfirm", evidence[0].Text) };
        if (evidence.Count > 0) return new ElementReport { Present = true, Evidence = evidence };
        var vague = context.FirstVague(VagueKind.VagueAsk);
        return new ElementReport
        {
            Present = false,
            Reason = vague is null ? context.Reason("confirmationMissing") : context.Reason("confirmationVague", vague.Text),
        };
    }

    /// <summary>
    /// "本周四下午或周五上午都可以。您看钱总哪个时间更方便？": asking the recipient to pick is a confirmation when specific
    /// options were just offered (a specific day or time and an "or", in this sentence or the one before; the recognizer
    /// does not always return the second option) or as a list (two of the three lines before it, each a specific time:
    /// "A. 7月14日上午10:00 / B. 7月15日下午3:00"); with only weeks to choose from (下周或者下下周) the recipient still
    /// has to find the time, so it is not.
    /// </summary>
    private static bool IsPickAmongOptions(SentenceContext context, Text.Sentence sentence, List<Text.Sentence> before)
    {
        if (context.HasBlank(sentence)) return false;
        // "He will be in São Paulo on 3 and 4 of December. Would it be possible on one of these days?"
        if (context.IsMatch("pickFromOffered", sentence) && before.TakeLast(2).Any(context.HasResolvableDate)) return true;
        if (!context.IsMatch("pickQuestion", sentence)) return false;
        bool OffersOptions(Text.Sentence s) => context.IsMatch("alternative", s) && NamesASpecificTime(context, s);
        return OffersOptions(sentence) || (before.Count > 0 && OffersOptions(before[^1]))
            || before.Count(s => NamesASpecificTime(context, s)) >= 2;
    }

    /// <summary>
    /// "Can we jump on a quick Teams call Friday at 11?": proposing the step with a specific day or time asks the
    /// recipient to accept it, without any confirmation word. With only a week ("Could we schedule a session next
    /// week?") the recipient still has to pick the day, so it is not a confirmation.
    /// </summary>
    private static bool IsClosedQuestionAboutTheStep(SentenceContext context, Text.Sentence sentence) =>
        context.IsMatch("closedQuestion", sentence) && NamesASpecificTime(context, sentence);

    /// <summary>A day or a time at most a day wide, not a vague one ("in a couple of days"): something to say yes to.</summary>
    private static bool NamesASpecificTime(SentenceContext context, Text.Sentence sentence) =>
        context.Dates.Any(d => d.Sentence.Start == sentence.Start && d.Mention.Quality == DateQuality.Resolvable
            && (d.Mention.To is not { } to || to - d.Mention.From <= TimeSpan.FromDays(1))
            && !context.OverlapsVague(d.Mention.Start, d.Mention.End));
}
