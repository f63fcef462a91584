using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis.Dates;

/// <summary>
/// Finds and resolves time expressions with Microsoft.Recognizers.Text (English and Chinese models),
/// then judges each: is it a time the next step can be planned on?
/// </summary>
public sealed class DateFinder
{
    /// <summary>A window longer than this is not a plan ("next month"). A week plus a weekend of slack.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(9);
    public const int MinYear = 1900, MaxYear = 2200;

    private readonly DateTimeModel _english;
    private readonly DateTimeModel _chinese;
    private readonly DateRules _rules;

    /// <summary>The English and Chinese date models; loading them takes a good part of a second, so callers may do it in parallel.</summary>
    public sealed record Models(DateTimeModel English, DateTimeModel Chinese)
    {
        public static Models Load() => new(
            new DateTimeRecognizer(Culture.English, DateTimeOptions.None, lazyInitialization: false).GetDateTimeModel(),
            new DateTimeRecognizer(Culture.Chinese, DateTimeOptions.None, lazyInitialization: false).GetDateTimeModel());
    }

    private readonly Func<string, int, int, bool> _timeHint;
    private readonly RecognizerCache? _cache;

    /// <param name="timeHint">Whether a clause could hold a time expression at all (a digit, a weekday, 周, 明天…).</param>
    /// <param name="cache">Where to remember the recognizers' results per clause (none: every clause is parsed).</param>
    public DateFinder(DateRules rules, Models? models = null, Func<string, int, int, bool>? timeHint = null, RecognizerCache? cache = null)
    {
        _rules = rules;
        _cache = cache;
        _timeHint = timeHint ?? ((_, _, _) => true);
        models ??= Models.Load();
        _english = models.English;
        _chinese = models.Chinese;
    }

    public void WarmUp(DateTimeOffset now)
    {
        Find("Next Tuesday at 2pm, within 48 hours, by Monday.", 0, 48, now);
        Find("下周三下午3点，48小时之内，下周一前。", 0, 20, now);
    }

    /// <summary>Clauses longer than this are split further at ASCII commas before recognition.</summary>
    private const int LongClause = 140;

    /// <summary>
    /// Time expressions in text[start..end), offsets into <paramref name="text"/>. The recognizers are run clause by
    /// clause: on a long Chinese sentence the Chinese model can return nothing at all, and clauses are cheaper.
    /// </summary>
    public List<DateMention> Find(string text, int start, int end, DateTimeOffset reference, RecognitionBudget? budget = null)
    {
        var mentions = new List<DateMention>();
        // Only years MinYear..MaxYear resolve (TryParse); near DateTimeOffset's limits the rules' date arithmetic
        // (next month, end of month) would overflow, so a reference time outside them finds no dates at all.
        if (reference.Year is < MinYear or > MaxYear) return mentions;
        foreach (var (clauseStart, clauseEnd) in Clauses(text, start, end))
        {
            // Most clauses say nothing about time; the recognizers cost milliseconds per clause, a hint check microseconds.
            if (!_timeHint(text, clauseStart, clauseEnd - clauseStart)) continue;
            if (budget is not null && !budget.Spend(clauseEnd - clauseStart)) break;
            mentions.AddRange(FindInClause(text, clauseStart, clauseEnd, reference));
        }
        mentions.RemoveAll(m => m.IsWeekdayOnly && mentions.Any(o => o != m && !o.IsWeekdayOnly && IsAdjacent(text, o, m)));
        return mentions;
    }

    /// <summary>
    /// The recognizers' cost grows much faster than the input on long unpunctuated runs, so no clause handed
    /// to them is longer than this; a run is cut at a space where one is near, else where it must be.
    /// </summary>
    private const int MaxClause = 160;

    private static IEnumerable<(int Start, int End)> Clauses(string text, int start, int end)
    {
        var clauseStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            var cut = c is '，' or '；' or '：' || (c == ',' && i - clauseStart > LongClause);
            if (!cut && i - clauseStart >= MaxClause)
            {
                var space = CutSpace(text, clauseStart, i);
                if (space > clauseStart) i = space;
                cut = true;
            }
            if (!cut) continue;
            if (i > clauseStart) yield return (clauseStart, i);
            clauseStart = i + 1;
        }
        if (end > clauseStart) yield return (clauseStart, end);
    }

    /// <summary>
    /// The last space in the second half of a run that is too long, but not one right after a word that leads into a
    /// time ("… requirements next | Thursday afternoon" would lose the "next").
    /// </summary>
    private static int CutSpace(string text, int clauseStart, int i)
    {
        var limit = clauseStart + MaxClause / 2;
        for (var space = text.LastIndexOf(' ', i, i - limit); space > limit; space = text.LastIndexOf(' ', space - 1, space - 1 - limit))
        {
            var wordStart = text.LastIndexOf(' ', space - 1, space - 1 - clauseStart) + 1;
            if (!LeadsIntoTime.Contains(text[wordStart..space])) return space;
        }
        return text.LastIndexOf(' ', i, i - limit);
    }

    private static readonly HashSet<string> LeadsIntoTime = new(StringComparer.OrdinalIgnoreCase)
    {
        "next", "this", "last", "on", "by", "at", "before", "until", "till", "from", "coming", "early", "late", "mid", "end",
        "of", "in", "within", "after", "the", "around", "about", "between", "and", "to", "or",
    };

    private List<DateMention> FindInClause(string text, int start, int end, DateTimeOffset reference)
    {
        var segment = _rules.MaskRestatedWeekdays(text[start..end]);
        // Wall-clock time in the rep's offset, to the minute: no draft plans to the second, and re-analyses while the
        // rep types (seconds apart) can then reuse what the recognizers found in unchanged clauses.
        var local = reference.DateTime;
        var referenceLocal = new DateTime(local.Ticks - local.Ticks % TimeSpan.TicksPerMinute, local.Kind);
        var results = new List<ModelResult>();
        var han = LanguageDetector.ContainsHan(segment, 0, segment.Length);
        if (han) results.AddRange(Parse(_chinese, segment, referenceLocal));
        if (LanguageDetector.ContainsLatinWord(segment, 0, segment.Length) || (han ? HasNumericDate(segment) : segment.Any(char.IsAsciiDigit)))
            results.AddRange(Parse(_english, segment, referenceLocal));

        var mentions = new List<DateMention>();
        // "12/10 周四" read by the Chinese model as a duration of 1.2 weeks: a duration is never written with a slash,
        // so such a reading gives way to the date the English model finds there.
        results.RemoveAll(r => r.TypeName.EndsWith("duration", StringComparison.Ordinal) && r.Text.Contains('/'));
        foreach (var result in results.OrderByDescending(r => r.End - r.Start))
        {
            var s = result.Start + start;
            var e = result.End + 1 + start;
            if (s < start || e > end || mentions.Any(m => m.Overlaps(s, e))) continue;
            var mention = Resolve(text, s, e, result, reference);
            if (mention is not null) mentions.Add(mention);
        }
        var extra = _rules.FindExtra(text, start, end, reference).ToList();
        mentions.RemoveAll(m => extra.Any(x => x.ReplacesRecognizer && m.Overlaps(x.Start, x.End)));
        mentions.AddRange(extra.Where(x => !mentions.Any(m => m.Overlaps(x.Start, x.End))));
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    /// <summary>
    /// Digits among Chinese are read by the Chinese model (下午3点, 12月10日, 3:30); only a numeric date (12/10, 2027-01-05)
    /// needs the English one as well.
    /// </summary>
    private static bool HasNumericDate(string segment)
    {
        for (var i = 1; i < segment.Length - 1; i++)
            if (segment[i] is '/' or '-' or '.' && char.IsAsciiDigit(segment[i - 1]) && char.IsAsciiDigit(segment[i + 1])) return true;
        return false;
    }

    /// <summary>"6月5日（周五）", "Dec 3 (Thu)": a weekday beside a date restates it and is not read on its own.</summary>
    private static bool IsAdjacent(string text, DateMention a, DateMention b)
    {
        var (first, second) = a.Start < b.Start ? (a, b) : (b, a);
        if (second.Start < first.End || second.Start - first.End > 3) return false;
        for (var i = first.End; i < second.Start; i++)
            if (!char.IsWhiteSpace(text[i]) && text[i] is not ('(' or '（' or ',' or '，' or '、')) return false;
        return true;
    }

    private IReadOnlyList<ModelResult> Parse(DateTimeModel model, string segment, DateTime reference) =>
        _cache is null ? SafeParse(model, segment, reference) : _cache.Parse(model, segment, reference, SafeParse);

    private static List<ModelResult> SafeParse(DateTimeModel model, string text, DateTime reference)
    {
        try { return model.Parse(text, reference); }
        catch (Exception) { return []; } // the recognizer is a dependency; a failure there must not fail the analysis
    }

    private DateMention? Resolve(string text, int start, int end, ModelResult result, DateTimeOffset reference)
    {
        if (result.Resolution is null || !result.Resolution.TryGetValue("values", out var raw) || raw is not List<Dictionary<string, string>> values || values.Count == 0)
            return null;
        var matched = text[start..end];
        var type = result.TypeName.Replace("datetimeV2.", "", StringComparison.Ordinal);
        var offset = reference.Offset;

        if (type == "duration")
            return _rules.ResolveDuration(text, start, end, values[0], reference);
        // "ASAP", "right now": the recognizer reads the moment of writing, which is no time to plan on (and would
        // otherwise be a time already past, making its sentence look back).
        if (type == "set" || values.All(v => v.TryGetValue("timex", out var t) && t is "PRESENT_REF" or "FUTURE_REF"))
            return new DateMention(start, end, matched, reference, null, DateQuality.NotATime, false);

        // Ambiguous expressions come with a past and a future reading. A bare weekday ("Wednesday") means the
        // coming one; a date without a year ("October 8") means the nearest one, which may well be past.
        var weekdayOnly = values.All(v => v.TryGetValue("timex", out var t) && t.Contains("WXX", StringComparison.Ordinal));
        (DateTimeOffset From, DateTimeOffset? To, bool Time, bool OpenEnded)? best = null;
        foreach (var value in values)
        {
            if (Interpret(type, value, offset, reference) is not { } candidate) continue;
            if (best is null) { best = candidate; continue; }
            var isFuture = (candidate.To ?? candidate.From) >= reference;
            if (weekdayOnly ? isFuture && (best.Value.To ?? best.Value.From) < reference
                            : Distance(candidate.From, reference) < Distance(best.Value.From, reference))
                best = candidate;
        }
        if (best is not { } b) return null;

        var quality = DateQuality.Resolvable;
        var endOfWindow = b.To ?? (b.Time ? b.From : b.From.AddDays(1));
        // "After the new year" never ends, so it is never past, only too open to plan on.
        if (b.OpenEnded) quality = DateQuality.TooWide;
        else if (endOfWindow <= reference) quality = DateQuality.Past;
        else if (b.To is { } to && to - b.From > MaxWindow) quality = DateQuality.TooWide;
        return new DateMention(start, end, matched, b.From, b.To, quality, b.Time, weekdayOnly && type == "date")
        {
            IsTimeOnly = type is "time" or "timerange",
        };
    }

    private static TimeSpan Distance(DateTimeOffset a, DateTimeOffset b) => (a - b).Duration();

    private static (DateTimeOffset From, DateTimeOffset? To, bool Time, bool OpenEnded)? Interpret(string type, Dictionary<string, string> value, TimeSpan offset, DateTimeOffset reference)
    {
        value.TryGetValue("Mod", out var mod);
        var hasTime = type.Contains("time", StringComparison.Ordinal);
        switch (type)
        {
            case "time":
                if (!TryParseTimeOfDay(value, "value", reference, out var clock)) return null;
                return (clock, null, true, false);
            case "timerange":
                if (!TryParseTimeOfDay(value, "start", reference, out var clockFrom)) return null;
                return TryParseTimeOfDay(value, "end", reference, out var clockTo) && clockTo > clockFrom
                    ? (clockFrom, clockTo, true, false) : (clockFrom, null, true, false);
            case "date":
            case "datetime":
                if (!TryParse(value, "value", offset, out var moment)) return null;
                if (type == "date") return (moment, moment.AddDays(1), false, false);
                return (moment, null, true, false);
            case "daterange":
            case "datetimerange":
                var hasStart = TryParse(value, "start", offset, out var from);
                var hasEnd = TryParse(value, "end", offset, out var to);
                if (mod is "before" or "until" && hasEnd)
                {
                    // A deadline is the day (or moment) it names, however far off: "by Friday" is Friday.
                    return hasTime ? (to, null, true, false) : (to, to.AddDays(1), false, false);
                }
                if (mod is "before-end" or "end" && hasEnd) return (to.AddDays(-1), to, hasTime, false);
                if (hasStart && hasEnd) return (from, to, hasTime, false);
                if (hasStart) return (from, null, hasTime, true); // "after the new year": no end, no plan
                if (hasEnd) return (to, null, hasTime, false);
                return null;
            default:
                return null;
        }
    }

    /// <summary>A bare time ("at 4pm") is its next occurrence after the reference time.</summary>
    private static bool TryParseTimeOfDay(Dictionary<string, string> value, string key, DateTimeOffset reference, out DateTimeOffset result)
    {
        result = default;
        if (!value.TryGetValue(key, out var s) || !TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var clock) || clock < TimeSpan.Zero || clock >= TimeSpan.FromDays(1))
            return false;
        result = new DateTimeOffset(reference.Date + clock, reference.Offset);
        if (result < reference) result = result.AddDays(1);
        return true;
    }

    private static bool TryParse(Dictionary<string, string> value, string key, TimeSpan offset, out DateTimeOffset result)
    {
        result = default;
        if (!value.TryGetValue(key, out var s) || string.IsNullOrEmpty(s)) return false;
        if (!DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        if (local.Year is < MinYear or > MaxYear) return false;
        result = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
        return true;
    }
}
