using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Analysis.Tests;

public class ClosingTemplateTests
{
    private static DraftAnalysis Analyze(string subject, string body, string reference, params EmailAddress[] cc) =>
        TestData.Analyzer.Analyze(new Draft { Subject = subject, Body = body, Cc = cc, ReferenceTime = DateTimeOffset.Parse(reference) });

    [Fact]
    public void Chinese_template_is_in_chinese_with_the_resolved_date_and_blanks()
    {
        var a = Analyze("技术交流", "张总，下周三下午3点请贵司技术团队参加一次技术交流。", "2026-11-27T10:00:00+08:00");
        var t = a.ClosingTemplate;
        Assert.Equal("zh", t.Language);
        Assert.Equal(NextStepType.TechnicalExchange, t.NextStep);
        Assert.Contains("12月2日", t.Text);
        Assert.Contains("15:00", t.Text);
        Assert.Contains("技术团队", t.Text);
        Assert.Contains("【", t.Text);
        Assert.Contains("告诉我和哪位对接", t.Text); // the fallback part
    }

    [Fact]
    public void English_template_for_a_vague_draft_marks_what_is_missing()
    {
        var a = Analyze("Great to meet you", "Hi Anna, thanks for your time today. Let's stay in touch!", "2026-11-27T10:00:00-05:00");
        var t = a.ClosingTemplate;
        Assert.Equal("en", t.Language);
        Assert.Null(t.NextStep);
        Assert.Contains("[date and time]", t.Text);
        Assert.Contains("[names and roles]", t.Text);
        Assert.Contains("whom to contact", t.Text);
        Assert.EndsWith("?", t.Text.TrimEnd());
    }

    [Fact]
    public void Template_names_the_cc_line_when_the_body_names_nobody()
    {
        var a = Analyze("Pricing", "I'll send the revised pricing proposal by Monday.", "2026-11-27T10:00:00-05:00", new EmailAddress("Raj Patel", "raj@x.com"));
        Assert.Contains("Raj Patel", a.ClosingTemplate.Text);
        Assert.Contains("Monday, November 30", a.ClosingTemplate.Text);
    }

    [Theory]
    [InlineData("Workshop with your engineers", "technicalExchange")]
    [InlineData("Could you introduce me to your CFO?", "introduction")]
    [InlineData("We'd like to visit your plant next week.", "visit")]
    [InlineData("A 30-minute Teams demo next Tuesday?", "onlineMeeting")]
    [InlineData("I'll send the revised proposal by Friday.", "materials")]
    public void Every_type_has_its_own_template(string body, string type)
    {
        var a = Analyze("", body, "2026-11-27T10:00:00-05:00");
        Assert.Equal(type, a.NextStep is { } n ? char.ToLowerInvariant(n.ToString()[0]) + n.ToString()[1..] : null);
        var generic = Analyze("", "Let's stay in touch.", "2026-11-27T10:00:00-05:00").ClosingTemplate.Text;
        Assert.NotEqual(generic.Split('\n')[0], a.ClosingTemplate.Text.Split('\n')[0]);
    }
}
