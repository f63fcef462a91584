using OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis.Tests;

/// <summary>Traditional Chinese is read with the simplified lexicons, and given back as written.</summary>
public class TraditionalChineseTests
{
    [Theory]
    [InlineData("下禮拜二下午兩點到貴公司拜訪", "下礼拜二下午两点到贵公司拜访")]
    [InlineData("這樣 OK 嗎？請確認陳課長能參加。", "这样 OK 吗？请确认陈课长能参加。")]
    [InlineData("顯著的進展", "显著的进展")] // 著 is also simplified: left alone
    [InlineData("請於週一前回覆是否出席", "请于周一前回复是否出席")] // 週 and 覆 are only semantic variants in Unihan: supplemented
    public void Folds_character_for_character(string traditional, string simplified)
    {
        var folded = TraditionalChinese.Fold(traditional);
        Assert.Equal(simplified, folded);
        Assert.Equal(traditional.Length, folded.Length);
    }

    [Theory]
    [InlineData("下周三下午3点到贵司做一次技术交流")]
    [InlineData("Let's meet on Tuesday at 2pm.")]
    [InlineData("")]
    [InlineData("👍 \uD800 mixed 文字")]
    public void Text_without_traditional_characters_is_the_same_instance(string text) =>
        Assert.Same(text, TraditionalChinese.Fold(text));

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
