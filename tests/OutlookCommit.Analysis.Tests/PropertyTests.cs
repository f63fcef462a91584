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

    public sealed record DraftInput(string Subject, string Body, bool Html, bool Event, int OffsetHours, int DayOffset);

    public static class Generators
    {
        public static Arbitrary<DraftInput> Drafts()
        {
            var fragment = Gen.Frequency(
                (6, Gen.Elements(Fragments)),
                (2, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)),
                (1, Gen.Elements(Fragments).Select(f => string.Concat(Enumerable.Repeat(f, 40)))));
            var text = Gen.ListOf(fragment).Select(parts => string.Concat(parts));
            var draft =
                from subject in text
                from body in text
                from html in ArbMap.Default.GeneratorFor<bool>()
                from isEvent in ArbMap.Default.GeneratorFor<bool>()
                from offset in Gen.Choose(-12, 14)
                from day in Gen.Choose(-400, 400)
                select new DraftInput(subject, body, html, isEvent, offset, day);
            return draft.ToArbitrary();
        }
    }

    private static Draft ToDraft(DraftInput input) => new()
    {
        Kind = input.Event ? DraftKind.Event : DraftKind.Message,
        Subject = input.Subject,
        Body = input.Body,
        BodyType = input.Html ? BodyType.Html : BodyType.Text,
        To = [new EmailAddress("Dana 张", "dana@x.com")],
        Attendees = input.Event ? [new EmailAddress(input.Subject.Length > 40 ? input.Subject[..40] : input.Subject, "a@b.c")] : null,
        Start = input.Event ? DateTimeOffset.Parse("2026-12-01T10:00:00Z") : null,
        ReferenceTime = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(input.OffsetHours)).AddDays(input.DayOffset),
    };

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 150)]
    public bool Offsets_are_inside_the_text_and_evidence_never_comes_from_ignored_text(DraftInput input)
    {
        var a = TestData.Analyzer.Analyze(ToDraft(input));
        var length = a.AnalyzedText.Length;
        var spans = SpecTests.AllSpans(a).ToList();
        return spans.All(s => 0 <= s.Start && s.Start <= s.End && s.End <= length && a.AnalyzedText[s.Start..s.End] == s.Text)
            && spans.All(s => !SpecTests.TouchesIgnored(a, (s.Start, s.End)))
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
