using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Analysis.Tests;

/// <summary>Traditional Chinese is read with the simplified lexicons, and given back as written (the fold itself: <see cref="MatchingTextTests"/>).</summary>
public class TraditionalChineseTests
{
    [Fact]
    public void A_traditional_draft_is_analyzed_and_shown_as_written()
    {
        var body = "林協理您好：\n\n下週三（5月12日）下午2點，我想與我們的實施顧問許志明再到貴公司拜訪一次，實地了解倉儲系統的銜接狀況。\n\n請問這個時間您方便嗎？\n\n蔡佳玲";
        var analysis = TestData.Analyzer.Analyze(new Draft
        {
            Subject = "下週三再訪新竹廠",
            Body = body,
            To = [new EmailAddress("林協理", "lin@kehu.tw")],
            ReferenceTime = DateTimeOffset.Parse("2027-05-06T10:00:00+08:00"),
        });

        Assert.Equal(NextStepType.Visit, analysis.NextStep);
        Assert.True(analysis.Elements.Date.Present);
        Assert.True(analysis.Elements.Confirmation.Present);
        Assert.Equal(Outcome.ClosedLoop, analysis.Outcome);
        Assert.Contains(body, analysis.AnalyzedText); // as written, not folded
        var evidence = analysis.Elements.Action.Evidence.Concat(analysis.Elements.Confirmation.Evidence).Concat(analysis.Elements.Attendee.Evidence);
        Assert.All(evidence, e => Assert.Equal(analysis.AnalyzedText[e.Start..e.End], e.Text));
        Assert.Contains(analysis.Elements.Confirmation.Evidence, e => e.Text.Contains("請問這個時間"));
        Assert.Contains(analysis.Elements.Date.Resolved!.Text, analysis.AnalyzedText); // the resolved time's words too
        Assert.Contains("點", analysis.Elements.Date.Resolved.Text);
    }
}
