using System.Globalization;
using System.Text.RegularExpressions;
using OutlookCommit.Analysis.Lexicons;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis.Dates;

/// <summary>
/// What the recognizers leave open, from the lexicons' data: whether a bare duration is a window
/// ("within 48 hours", 48小时之内) or a point ("48小时后"), and expressions they miss (EOD, 下班前).
/// </summary>
public sealed class DateRules
{
    private readonly Regex? _windowBefore, _windowAfter, _pointBefore, _pointAfter;
    private readonly List<(Regex Pattern, TimeSpan TimeOfDay, int AddDays)> _extras = [];
    private readonly Dictionary<string, int> _numberWords = new(StringComparer.OrdinalIgnoreCase);
    private readonly Regex? _nextWeek, _endOfMonth, _businessDays, _dayOfMonth, _restatedWeekday;

    public DateRules(IReadOnlyList<LexiconFile> lexicons)
    {
        string[] Group(string name) => lexicons.SelectMany(l => l.Patterns.GetValueOrDefault(name) ?? []).ToArray();
        // Anchored at the end (before the duration) or the start (after it) of the text they are matched against.
        _windowBefore = EmbeddedData.CompileAny(Group("durationWindowBefore").Select(p => $"(?:{p})\\s*$"));
        _windowAfter = EmbeddedData.CompileAny(Group("durationWindowAfter").Select(p => $"^\\s*(?:{p})"));
        _pointBefore = EmbeddedData.CompileAny(Group("durationPointBefore").Select(p => $"(?:{p})\\s*$"));
        _pointAfter = EmbeddedData.CompileAny(Group("durationPointAfter").Select(p => $"^\\s*(?:{p})"));
        _nextWeek = EmbeddedData.CompileAny(Group("nextWeek"));
        _endOfMonth = EmbeddedData.CompileAny(Group("endOfMonth"));
        _businessDays = EmbeddedData.CompileAny(Group("businessDaysWindow"));
        _dayOfMonth = EmbeddedData.CompileAny(Group("dayOfMonth"));
        _restatedWeekday = EmbeddedData.CompileAny(Group("restatedWeekday"));
        foreach (var (word, number) in lexicons.SelectMany(l => l.NumberWords))
            _numberWords[word] = number;
        foreach (var entry in Group("endOfDay"))
        {
            // "pattern@@HH:mm@@days": a phrase meaning a working-day deadline.
            var parts = entry.Split("@@");
            _extras.Add((EmbeddedData.Compile(parts[0]), TimeSpan.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture)));
        }
    }

    private const int Context = 12;

    public DateMention ResolveDuration(string text, int start, int end, Dictionary<string, string> value, DateTimeOffset reference)
    {
        var matched = text[start..end];
        if (!value.TryGetValue("value", out var seconds) || !double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || s <= 0 || s > 3.2e9)
            return new DateMention(start, end, matched, reference, null, DateQuality.NotATime, false);
        var length = TimeSpan.FromSeconds(s);
        var before = text[Math.Max(0, start - Context)..start];
        var after = text[end..Math.Min(text.Length, end + Context)];
        var hasTime = length < TimeSpan.FromDays(1);

        if (SafeRegex.IsMatch(_windowBefore, before) || SafeRegex.IsMatch(_windowAfter, after))
        {
            var quality = length <= DateFinder.MaxWindow ? DateQuality.Resolvable : DateQuality.TooWide;
            return new DateMention(start, end, matched, reference, reference + length, quality, hasTime);
        }
        if (SafeRegex.IsMatch(_pointBefore, before) || SafeRegex.IsMatch(_pointAfter, after))
        {
            var quality = length <= TimeSpan.FromDays(30) ? DateQuality.Resolvable : DateQuality.TooWide;
            return new DateMention(start, end, matched, reference + length, null, quality, hasTime);
        }
        return new DateMention(start, end, matched, reference, null, DateQuality.NotATime, false);
    }

    /// <summary>
    /// The clause with a bracketed weekday after its date (12月10日（周四）), or a relative day before a bracketed date
    /// (下周二（12月15日）: the date pins it), blanked to spaces, offsets unchanged. The
    /// Chinese recognizer spends milliseconds on the pair and then keeps the date apart from the time after it;
    /// the date alone says the same, is read several times faster and joins the time ("12月10日 下午2点到4点").
    /// </summary>
    public string MaskRestatedWeekdays(string clause)
    {
        var matches = SafeRegex.Matches(_restatedWeekday, clause, 0, clause.Length).ToList();
        if (matches.Count == 0) return clause;
        var chars = clause.ToCharArray();
        foreach (var m in matches)
        {
            var blank = m.Groups["blank"];
            var (at, length) = blank.Success ? (blank.Index, blank.Length) : (m.Index, m.Length);
            Array.Fill(chars, ' ', at, length);
        }
        return new string(chars);
    }

    private int? CountWord(string word) =>
        int.TryParse(word.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : _numberWords.TryGetValue(word.Trim(), out var named) ? named
        : null;

    public IEnumerable<DateMention> FindExtra(string text, int start, int end, DateTimeOffset reference)
    {
        // "下星期", "下个礼拜": the recognizers know them only with a weekday; alone they are next week's window.
        foreach (var m in SafeRegex.Matches(_nextWeek, text, start, end - start))
        {
            var daysToMonday = ((int)DayOfWeek.Monday - (int)reference.DayOfWeek + 7) % 7;
            if (daysToMonday == 0) daysToMonday = 7;
            var monday = new DateTimeOffset(reference.Date.AddDays(daysToMonday), reference.Offset);
            yield return new DateMention(m.Index, m.Index + m.Length, m.Value, monday, monday.AddDays(7), DateQuality.Resolvable, false);
        }
        // "月底前", "by the end of the month": a deadline at the end of the current month.
        foreach (var m in SafeRegex.Matches(_endOfMonth, text, start, end - start))
        {
            var firstOfNext = new DateTimeOffset(reference.Year, reference.Month, 1, 0, 0, 0, reference.Offset).AddMonths(1);
            // "By the end of the month" leaves everything from now to then open: a plan only when that is about a week
            // (月底前 written on the 25th), too wide when the month has three weeks left. A named date ("by December 15")
            // is a deadline however far it is; this is not one.
            var quality = firstOfNext - reference <= DateFinder.MaxWindow ? DateQuality.Resolvable : DateQuality.TooWide;
            yield return new DateMention(m.Index, m.Index + m.Length, m.Value, firstOfNext.AddDays(-1), firstOfNext, quality, false) { ReplacesRecognizer = true };
        }
        // "within 2 business days", 两个工作日内: a window to the end of the Nth working day (Saturday and Sunday skipped).
        foreach (var m in SafeRegex.Matches(_businessDays, text, start, end - start))
        {
            if (CountWord(m.Groups["n"].Value) is not int days || days is < 1 or > 10) continue;
            var day = reference.Date;
            for (var counted = 0; counted < days;)
            {
                day = day.AddDays(1);
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) counted++;
            }
            var until = new DateTimeOffset(day.AddDays(1), reference.Offset);
            yield return new DateMention(m.Index, m.Index + m.Length, m.Value, reference, until, DateQuality.Resolvable, false);
        }
        // "the morning of the 14th": a bare day of the month the recognizers leave out is the next such day.
        foreach (var m in SafeRegex.Matches(_dayOfMonth, text, start, end - start))
        {
            if (!int.TryParse(m.Groups["d"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var dayOfMonth)) continue;
            var month = new DateTime(reference.Year, reference.Month, 1);
            if (dayOfMonth < reference.Day) month = month.AddMonths(1);
            if (dayOfMonth > DateTime.DaysInMonth(month.Year, month.Month)) continue;
            var day = new DateTimeOffset(month.AddDays(dayOfMonth - 1), reference.Offset);
            yield return new DateMention(m.Index, m.Index + m.Length, m.Value, day, day.AddDays(1), DateQuality.Resolvable, false);
        }
        foreach (var (pattern, timeOfDay, addDays) in _extras)
            foreach (var m in SafeRegex.Matches(pattern, text, start, end - start))
            {
                var at = new DateTimeOffset(reference.Date.AddDays(addDays) + timeOfDay, reference.Offset);
                var quality = at > reference ? DateQuality.Resolvable : DateQuality.Past;
                yield return new DateMention(m.Index, m.Index + m.Length, m.Value, reference < at ? reference : at, at, quality, true);
            }
    }
}
