using OutlookCommit.Analysis.Dates;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis.Elements;

/// <summary>
/// The date element: the next step has a resolvable time — a date, weekday, time or a window of about a week
/// at most, in the future. For an invite, its start after the time of writing.
/// </summary>
public static class DateElementFinder
{
    /// <summary>Every time expression of the rep's sentences, resolved against the reference time.</summary>
    public static List<DatedSentence> Collect(DraftDocument document, DateFinder dates, out bool cut)
    {
        var budget = new RecognitionBudget();
        var found = new List<DatedSentence>();
        foreach (var s in document.Sentences)
        {
            found.AddRange(dates.Find(document.Text, s.Start, s.End, document.Draft.ReferenceTime, budget).Select(m => new DatedSentence(m, s)));
            if (budget.Exhausted) break;
        }
        cut = budget.Exhausted;
        return found;
    }

    public static DateElementReport Find(SentenceContext context)
    {
        var document = context.Document;
        var draft = document.Draft;
        var mentions = context.Dates;

        var usable = mentions.Where(x => IsNextStepTime(context, x.Mention, x.Sentence)).ToList();
        var evidence = usable.Select(x => context.Span(x.Mention.Start, x.Mention.End)).ToList();

        if (draft.Kind == DraftKind.Event)
        {
            if (draft.Start is not { } start)
                return new DateElementReport { Present = false, Evidence = evidence, Reason = context.Reason("dateEventMissing") };
            if (start <= draft.ReferenceTime)
                return new DateElementReport { Present = false, Evidence = evidence, Reason = context.Reason("dateEventPast") };
            var end = draft.End is { } e && e > start ? e : (DateTimeOffset?)null;
            return new DateElementReport { Present = true, Evidence = evidence, Resolved = new ResolvedTime(start, end, "") };
        }

        if (usable.Count > 0)
        {
            // The time of the step itself beats a deadline for a side task: prefer a time in a sentence with an action.
            var best = usable.FirstOrDefault(x => context.IsMatch("action", x.Sentence));
            if (best.Mention is null) best = usable[0];
            var m = best.Mention;
            return new DateElementReport { Present = true, Evidence = evidence, Resolved = WithClockTime(context.Text, m, best.Sentence, usable) };
        }

        var vague = context.FirstVague(VagueKind.VagueTime);
        var past = mentions.FirstOrDefault(x => x.Mention.Quality == DateQuality.Past && !context.IsAboutThePast(x.Sentence)).Mention;
        var wide = mentions.FirstOrDefault(x => x.Mention.Quality == DateQuality.TooWide).Mention;
        var reason = vague is not null ? context.Reason("dateVague", vague.Text)
            : past is not null ? context.Reason("datePast", past.Text)
            : wide is not null ? context.Reason("dateTooWide", wide.Text)
            : context.Reason("dateMissing");
        return new DateElementReport { Present = false, Reason = reason };
    }

    /// <summary>
    /// "12月10日（周四）下午2点", "Thursday, Dec 10 — 2pm": the recognizers may return the day and the clock time as two
    /// mentions; the step's time is the day at that hour.
    /// </summary>
    private static ResolvedTime WithClockTime(string text, DateMention day, Sentence sentence, List<DatedSentence> usable)
    {
        var isSingleDay = !day.HasTimeOfDay && day.To is { } to && to - day.From <= TimeSpan.FromDays(1);
        var clock = usable
            .Select(x => x.Mention)
            .FirstOrDefault(t => t.IsTimeOnly && t.Start >= day.End && t.Start - day.End <= MaxGapToClockTime
                && usable.Any(x => x.Mention == t && x.Sentence.Start == sentence.Start));
        if (!isSingleDay || clock is null) return new ResolvedTime(day.From, day.To, day.Text);
        var start = new DateTimeOffset(day.From.Date + clock.From.TimeOfDay, day.From.Offset);
        DateTimeOffset? end = clock.To is { } clockEnd ? new DateTimeOffset(day.From.Date + clockEnd.TimeOfDay, day.From.Offset) : null;
        return new ResolvedTime(start, end, text[day.Start..clock.End]);
    }

    private const int MaxGapToClockTime = 8;

    private static bool IsNextStepTime(SentenceContext context, DateMention mention, Sentence sentence)
    {
        if (mention.Quality != DateQuality.Resolvable || context.OverlapsBlank(mention.Start, mention.End)) return false;
        if (context.OverlapsVague(mention.Start, mention.End, VagueKind.VagueTime)) return false;
        if (context.IsAboutThePast(sentence) || context.IsReplySubject(sentence)) return false;
        // "morning", "night" alone; holidays in greetings (新年快乐); out-of-office notices.
        if (context.Lexicon.IsMatch("bareTimeWord", mention.Text.Trim())) return false;
        if (context.Matches("notATimeContext", sentence).Any(m => m.Index < mention.End && mention.Start < m.Index + m.Length)) return false;
        if (context.IsMatch("absenceContext", sentence)) return false;
        return !IsBareToday(context, mention);
    }

    /// <summary>A bare "today"/今天 is usually the meeting that just happened; "by today", 今天下班前 are deadlines.</summary>
    private static bool IsBareToday(SentenceContext context, DateMention mention)
    {
        var lexicon = context.Lexicon;
        if (!lexicon.IsMatch("todayWord", mention.Text.Trim())) return false;
        var text = context.Text;
        var before = text[Math.Max(0, mention.Start - 12)..mention.Start];
        var after = text[mention.End..Math.Min(text.Length, mention.End + 12)];
        return !lexicon.IsMatch("todayDeadlineBefore", before) && !lexicon.IsMatch("todayDeadlineAfter", after);
    }
}
