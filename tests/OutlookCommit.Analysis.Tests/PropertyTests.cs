using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Model = OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Analysis.Tests;

/// <summary>Generated drafts: whatever the input, the engine answers, and every offset is sound.</summary>
public class PropertyTests
{
    /// <summary>Fragments that exercise each stage: HTML, quote markers, signatures, dates, CJK, emoji, RTL, controls.</summary>
    private static readonly string[] Fragments =
    [
        "下周三下午3点", "touch base", "Could your IT team join on Tuesday at 2pm?", "<div>", "</div>", "<blockquote>", "</blockquote>",
        "<div class=\"gmail_quote\">", "<div id=\"divRplyFwdMsg\">", "<p", "<<<", "&amp;", "&#x1F600;", "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "\n> quoted line", "\nFrom: Ken <ken@x.com>\nSent: Monday\n", "\n-----原始邮件-----\n",
        "\n发件人: 张总\n发送时间: 2026年11月26日\n", "\nOn Tue, Dec 1, 2026 Ken wrote:\n", "\nBest,\nAmy\n", "\n--\n", "Office hours: Mon-Fri 9-5",
        "😀", "👩‍💻", "\u202Eabc\u202C", "مرحبا", "\u0000", "\u0007", "\r\n", "\r", "\uD800", "\uDC00", "请确认", "多多关照", "next week", "？", "?", "。",
        ".", " ", "\t", "aaaaaaaaaaaaaaaaaaaa", "《无价》", "(", "[", "\\", "$", "^", "*", "——", "48小时之内", "by Monday", "in a few days",
        "Dr.", "e.g.", "12/10", "2026-13-45", "99:99", "Thursday, February 30", "下下下下周", "CFO", "刘总", "的", "Let me know your thoughts",
    ];

    /// <summary>
    /// Long inputs aimed at the regexes and the HTML parser: a character repeated 100,000 times, runs without
    /// punctuation, thousands of "On … wrote:" lines, nesting far deeper than the walker reads, misnested tags.
    /// </summary>
    private static readonly string[] Pathological =
    [
        new string('a', 100_000), new string('下', 100_000), new string('?', 50_000), new string('\n', 50_000) + "tomorrow",
        Repeat("meet team tuesday join Anna confirm next week 2pm ", 100_000), Repeat("我们下周三下午三点和技术团队一起开会讨论方案请您确认", 60_000),
        Repeat("On Tue, Dec 1, 2026 at 9:14 AM Ken Adams <ken@x.com> wrote:\n", 100_000), Repeat("On Tue, Dec 1, 2026 at 9:14 AM Ken <ken@x.com>\n", 60_000),
        Repeat("> quoted line Tuesday\n", 60_000), Repeat("Best,\nAmy\nTel: +1 415 555 0100\n", 60_000),
        Repeat("<div>", 100_000) + "Tuesday at 2pm", Repeat("<blockquote>", 60_000), Repeat("<span><div></span>", 20_000), Repeat("<li><ul>", 20_000),
        Repeat("<b><i><font>", 60_000), "<!--" + new string('x', 50_000), Repeat("&#x1F600;&#xD800;&amp;", 50_000),
    ];

    private static string Repeat(string s, int totalChars) => string.Concat(Enumerable.Repeat(s, Math.Max(1, totalChars / s.Length)));

    /// <summary>Names as mail clients hand them over: empty, control characters, lone surrogates, markup, very long.</summary>
    private static readonly string?[] OddNames = [null, "", " ", "\u0000\u0007", "\uD800", "<img src=x onerror=alert(1)>", "王主任\u202E", "😀👩‍💻", new string('n', 3000)];

    /// <summary>Reference years: mostly now, sometimes at the edges of what resolves and of DateTimeOffset itself.</summary>
    private static readonly int[] Years = [2026, 2026, 2026, 2026, 2026, 2026, 1, 1899, 1900, 2200, 2201, 9999];

    public sealed record DraftInput(string Subject, string Body, bool Html, bool Event, int OffsetHours, int DayOffset, int Year = 2026, string? Name = "Dana 张");

    public static class Generators
    {
        public static Arbitrary<DraftInput> Drafts()
        {
            var fragment = Gen.Frequency(
                (6, Gen.Elements(Fragments)),
                (2, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)),
                (1, Gen.Elements(Fragments).Select(f => string.Concat(Enumerable.Repeat(f, 40)))));
            var body = Gen.Frequency((12, Gen.ListOf(fragment).Select(parts => string.Concat(parts))), (1, Gen.Elements(Pathological)));
            var text = Gen.ListOf(fragment).Select(parts => string.Concat(parts));
            var draft =
                from subject in text
                from b in body
                from html in ArbMap.Default.GeneratorFor<bool>()
                from isEvent in ArbMap.Default.GeneratorFor<bool>()
                from offset in Gen.Choose(-12, 14)
                from day in Gen.Choose(-400, 400)
                from year in Gen.Elements(Years)
                from name in Gen.Elements(OddNames)
                select new DraftInput(subject, b, html, isEvent, offset, day, year, name);
            return draft.ToArbitrary();
        }
    }

    private static Draft ToDraft(DraftInput input) => new()
    {
        Kind = input.Event ? DraftKind.Event : DraftKind.Message,
        Subject = input.Subject,
        Body = input.Body,
        BodyType = input.Html ? BodyType.Html : BodyType.Text,
        To = [new EmailAddress(input.Name, "dana@x.com")],
        Cc = [new EmailAddress(input.Name, input.Name)],
        Attendees = input.Event ? [new EmailAddress(input.Subject.Length > 40 ? input.Subject[..40] : input.Subject, "a@b.c")] : null,
        Start = !input.Event ? null : input.Year == 2026 ? DateTimeOffset.Parse("2026-12-01T10:00:00Z") : Reference(input).AddDays(4),
        ReferenceTime = Reference(input),
    };

    private static DateTimeOffset Reference(DraftInput input) => input.Year switch
    {
        2026 => new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(input.OffsetHours)).AddDays(input.DayOffset),
        // Kept inside DateTimeOffset's range in UTC whatever the offset.
        1 => new DateTimeOffset(1, 1, 2, 0, 0, 0, TimeSpan.FromHours(input.OffsetHours)),
        9999 => new DateTimeOffset(9999, 12, 25, 0, 0, 0, TimeSpan.FromHours(input.OffsetHours)),
        var year => new DateTimeOffset(year, 6, 15, 10, 0, 0, TimeSpan.FromHours(input.OffsetHours)),
    };

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 150)]
    public bool Offsets_are_inside_the_text_and_evidence_never_comes_from_ignored_text(DraftInput input)
    {
        var a = TestData.Analyzer.Analyze(ToDraft(input));
        var length = a.AnalyzedText.Length;
        var spans = SpecTests.AllSpans(a).ToList();
        return spans.All(s => 0 <= s.Start && s.Start <= s.End && s.End <= length && a.AnalyzedText[s.Start..s.End] == s.Text)
            && spans.All(s => !SpecTests.TouchesIgnored(a, (s.Start, s.End)))
            && spans.All(s => !SurrogatePairSpanTests.SplitsAPair(a.AnalyzedText, s.Start, s.End))
            && a.Ignored.All(r => 0 <= r.Start && r.Start < r.End && r.End <= length)
            && a.BodyStart >= 0 && a.BodyStart <= length
            && a.Language is "en" or "zh" or "mixed"
            && !string.IsNullOrWhiteSpace(a.ClosingTemplate.Text);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public bool Outcome_follows_the_elements(DraftInput input)
    {
        var a = TestData.Analyzer.Analyze(ToDraft(input));
        var e = a.Elements;
        var expected = e.Action.Present && e.Attendee.Present && e.Date.Present
            ? e.Confirmation.Present ? Model.Outcome.ClosedLoop : Model.Outcome.Advance
            : Model.Outcome.Continuation;
        var reasonsWhereMissing = new[] { (e.Action.Present, e.Action.Reason), (e.Attendee.Present, e.Attendee.Reason), (e.Date.Present, e.Date.Reason), (e.Confirmation.Present, e.Confirmation.Reason) }
            .All(x => x.Present ? x.Reason is null : !string.IsNullOrWhiteSpace(x.Reason));
        return a.Outcome == expected && reasonsWhereMissing && (a.NextStep is null || e.Action.Present);
    }
}
