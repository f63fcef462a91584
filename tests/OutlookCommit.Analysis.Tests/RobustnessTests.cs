using System.Diagnostics;
using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Analysis.Tests;

/// <summary>Inputs a mail client can hand over on a bad day. The engine answers every one of them.</summary>
public class RobustnessTests
{
    private static DraftAnalysis Analyze(string? body, string? subject = "Subject", BodyType type = BodyType.Text) =>
        TestData.Analyzer.Analyze(new Draft { Subject = subject, Body = body, BodyType = type, ReferenceTime = DateTimeOffset.Parse("2026-11-27T10:00:00+08:00") });

    public static TheoryData<string, string?, BodyType> OddBodies() => new()
    {
        { "null body", null, BodyType.Text },
        { "empty body", "", BodyType.Html },
        { "only whitespace", " \n\t \r\n ", BodyType.Text },
        { "only a signature", "--\nAmy Chen\nTel: +1 415 555 0100", BodyType.Text },
        { "malformed html", "<div><p>Let's <b>meet <i>Tuesday</div></b><table><tr><td>x", BodyType.Html },
        { "deeply nested html", string.Concat(Enumerable.Repeat("<div>", 5000)) + "Tuesday at 2pm" + string.Concat(Enumerable.Repeat("</div>", 5000)), BodyType.Html },
        { "control characters", "Tue\u0000sday\u0001 at \u001b2pm\u007f", BodyType.Text },
        { "emoji and right to left", "👍 مرحبا \u202Enext week\u202C 😀 下周三", BodyType.Text },
        { "lone surrogates", "\uD800abc\uDC00 下周", BodyType.Text },
        { "script in html", "<script>alert(1)</script><img src=x onerror=alert(1)>Hi", BodyType.Html },
        { "one long word", new string('a', 100_000), BodyType.Text },
        { "repeated punctuation", new string('?', 50_000), BodyType.Text },
        { "repeated chinese", string.Concat(Enumerable.Repeat("下周三请确认", 5_000)), BodyType.Text },
    };

    [Theory, MemberData(nameof(OddBodies))]
    public void Odd_body_is_analyzed_without_error(string name, string? body, BodyType type)
    {
        var a = Analyze(body, type: type);
        Assert.NotNull(a.ClosingTemplate);
        Assert.All(a.Ignored, r => Assert.InRange(r.End, r.Start, a.AnalyzedText.Length));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void A_5_MB_body_is_cut_and_flagged()
    {
        var body = string.Concat(Enumerable.Repeat("Could your IT team join the workshop on Tuesday at 2pm? ", 90_000));
        Assert.True(body.Length > 5_000_000);
        var watch = Stopwatch.StartNew();
        var a = Analyze(body);
        watch.Stop();
        Assert.True(a.Truncated);
        Assert.True(a.AnalyzedText.Length <= DraftDocument.MaxBodyChars + DraftDocument.MaxSubjectChars + 2);
        Assert.True(a.Elements.Action.Present);
    }

    [Fact]
    public void Draft_text_in_the_template_html_is_encoded()
    {
        var a = TestData.Analyzer.Analyze(new Draft
        {
            Subject = "Workshop",
            Body = "Could your architect <script>x</script>, Lena, join the workshop on Tuesday at 2pm?",
            Cc = [new EmailAddress("<img src=x onerror=alert(1)>", "x@y.z")],
            ReferenceTime = DateTimeOffset.Parse("2026-11-27T10:00:00-05:00"),
        });
        Assert.DoesNotContain("<script>", a.ClosingTemplate.Html);
        Assert.DoesNotContain("<img", a.ClosingTemplate.Html);
    }

    [Fact]
    public void Missing_reference_time_means_now()
    {
        var a = TestData.Analyzer.Analyze(new Draft { Body = "Let's hold the workshop with your IT team tomorrow at 2pm." });
        Assert.True(a.Elements.Date.Present);
        Assert.True(a.Elements.Date.Resolved!.Start > DateTimeOffset.Now);
    }
}
