using OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis.Tests;

/// <summary>
/// The text as matched: traditional Chinese as simplified, typographic apostrophes (what Outlook and phones type) as plain
/// ones, character for character; what the rep sees is given back as written.
/// </summary>
public class MatchingTextTests
{
    [Theory]
    [InlineData("I\u2019d like to", "I'd like to")]
    [InlineData("\u2018Let\u2019s\u2019 下週", "'Let's' 下周")]
    [InlineData("下禮拜二下午兩點到貴公司拜訪", "下礼拜二下午两点到贵公司拜访")]
    [InlineData("這樣 OK 嗎？請確認陳課長能參加。", "这样 OK 吗？请确认陈课长能参加。")]
    [InlineData("顯著的進展", "显著的进展")] // 著 is also simplified: left alone
    [InlineData("請於週一前回覆是否出席", "请于周一前回复是否出席")] // 週 and 覆 are only semantic variants in Unihan: supplemented
    public void Folds_apostrophes_and_traditional_characters_in_place(string written, string matched)
    {
        var folded = MatchingText.Fold(written);
        Assert.Equal(matched, folded);
        Assert.Equal(written.Length, folded.Length);
    }

    [Theory]
    [InlineData("I'd like to meet on Tuesday.")]
    [InlineData("下周三下午3点到贵司做一次技术交流")]
    [InlineData("")]
    [InlineData("👍 \uD800 mixed 文字")]
    public void Text_with_nothing_to_fold_is_the_same_instance(string text) => Assert.Same(text, MatchingText.Fold(text));

    [Fact]
    public void A_draft_typed_with_curly_apostrophes_reads_like_one_with_straight_ones()
    {
        // "Based on what we saw" dates the sentence unless "I’d like to" is read as the future it is.
        var body = "Hi Rosa,\n\nBased on what we saw, I\u2019d like to propose a technical deep-dive on the WMS integration with your IT lead, Brandon, next Tuesday.\n\nHarper";
        var analysis = TestData.Analyzer.Analyze(new Draft
        {
            Subject = "Integration",
            Body = body,
            ReferenceTime = DateTimeOffset.Parse("2027-02-09T13:15:00-05:00"),
        });

        Assert.True(analysis.Elements.Action.Present);
        Assert.True(analysis.Elements.Attendee.Present);
        Assert.Equal(NextStepType.TechnicalExchange, analysis.NextStep);
        Assert.Contains(body, analysis.AnalyzedText); // as written
        Assert.All(analysis.Elements.Action.Evidence, e => Assert.Equal(analysis.AnalyzedText[e.Start..e.End], e.Text));
    }
}
