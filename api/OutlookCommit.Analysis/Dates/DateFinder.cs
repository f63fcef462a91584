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

    private readonly DateTimeModel _english;
    private readonly DateTimeModel _chinese;
    private readonly DateRules _rules;

    public DateFinder(DateRules rules)
    {
        _rules = rules;
        _english = new DateTimeRecognizer(Culture.English, DateTimeOptions.None, lazyInitialization: false).GetDateTimeModel();
        _chinese = new DateTimeRecognizer(Culture.Chinese, DateTimeOptions.None, lazyInitialization: false).GetDateTimeModel();
    }

    public void WarmUp(DateTimeOffset now)
    {
        Find("Next Tuesday at 2pm, within 48 hours, by Monday.", 0, 48, now);
        Find("下周三下午3点，48小时之内，下周一前。", 0, 20, now);
    }

    /// <summary>Time expressions in text[start..end), offsets into <paramref name="text"/>.</summary>
    public List<DateMention> Find(string text, int start, int end, DateTimeOffset reference)
    {
        var segment = text[start..end];
        var referenceLocal = reference.DateTime; // wall-clock time in the rep's offset
        var results = new List<ModelResult>();
        if (LanguageDetector.ContainsHan(segment, 0, segment.Length)) results.AddRange(SafeParse(_chinese, segment, referenceLocal));
        if (LanguageDetector.ContainsLatinWord(segment, 0, segment.Length) || segment.Any(char.IsAsciiDigit))
            results.AddRange(SafeParse(_english, segment, referenceLocal));

        var mentions = new List<DateMention>();
        foreach (var result in results.OrderByDescending(r => r.End - r.Start))
        {
            var s = result.Start + start;
            var e = result.End + 1 + start;
            if (s < start || e > end || mentions.Any(m => m.Overlaps(s, e))) continue;
            var mention = Resolve(text, s, e, result, reference);
            if (mention is not null) mentions.Add(mention);
        }
        mentions.AddRange(_rules.FindExtra(text, start, end, reference).Where(x => !mentions.Any(m => m.Overlaps(x.Start, x.End))));
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

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
        if (type == "set")
            return new DateMention(start, end, matched, reference, null, DateQuality.NotATime, false);

        // Ambiguous expressions ("Wednesday") come with a past and a future reading; the next step is the future one.
        (DateTimeOffset From, DateTimeOffset? To, bool Time)? best = null;
        foreach (var value in values)
        {
            var candidate = Interpret(type, value, offset, reference);
            if (candidate is null) continue;
            best ??= candidate;
            if ((candidate.Value.To ?? candidate.Value.From) >= reference) { best = candidate; break; }
        }
        if (best is not { } b) return null;

        var quality = DateQuality.Resolvable;
        var endOfWindow = b.To ?? (b.Time ? b.From : b.From.AddDays(1));
        if (endOfWindow <= reference) quality = DateQuality.Past;
        else if (b.To is { } to && to - b.From > MaxWindow) quality = DateQuality.TooWide;
        return new DateMention(start, end, matched, b.From, b.To, quality, b.Time);
    }

    private static (DateTimeOffset From, DateTimeOffset? To, bool Time)? Interpret(string type, Dictionary<string, string> value, TimeSpan offset, DateTimeOffset reference)
    {
        value.TryGetValue("Mod", out var mod);
        var hasTime = type.Contains("time", StringComparison.Ordinal);
        switch (type)
        {
            case "time":
                if (!TryParseTimeOfDay(value, "value", reference, out var clock)) return null;
                return (clock, null, true);
            case "timerange":
                if (!TryParseTimeOfDay(value, "start", reference, out var clockFrom)) return null;
                return TryParseTimeOfDay(value, "end", reference, out var clockTo) && clockTo > clockFrom
                    ? (clockFrom, clockTo, true) : (clockFrom, null, true);
            case "date":
            case "datetime":
                if (!TryParse(value, "value", offset, out var moment)) return null;
                if (type == "date") return (moment, moment.AddDays(1), false);
                return (moment, null, true);
            case "daterange":
            case "datetimerange":
                var hasStart = TryParse(value, "start", offset, out var from);
                var hasEnd = TryParse(value, "end", offset, out var to);
                if (mod is "before" or "until" && hasEnd)
                    return (reference < to ? reference : to, to, hasTime); // "by Monday": from now until then
                if (mod is "before-end" or "end" && hasEnd) return (to.AddDays(-1), to, hasTime);
                if (hasStart && hasEnd) return (from, to, hasTime);
                if (hasStart) return (from, null, hasTime); // "after Monday", "since": a point to plan from
                if (hasEnd) return (to, null, hasTime);
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
        if (local.Year is < 1900 or > 2200) return false;
        result = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
        return true;
    }
}
