using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Graph;
using OutlookCommit.Api.Tests.Infrastructure;

namespace OutlookCommit.Api.Tests.Graph;

public sealed class AskCoverageTests
{
    private static DraftAnalysis Draft(string text, params IgnoredRange[] ignored) =>
        Samples.Analysis() with { AnalyzedText = text, Ignored = ignored };

    [Fact]
    public void An_ask_whose_words_the_draft_uses_is_answered()
    {
        var draft = Draft("Re: pricing\n\nHi Anna, the revised pricing proposal is attached.");
        Assert.Empty(AskCoverage.Unanswered(["Can you send the revised pricing proposal?"], draft));
        Assert.Equal(["Could you include a migration timeline?"], AskCoverage.Unanswered(["Could you include a migration timeline?"], draft));
    }

    [Fact]
    public void Chinese_asks_are_compared_by_character_pairs()
    {
        var draft = Draft("报价\n\n王主任，修订后的报价单已附上。");
        Assert.Empty(AskCoverage.Unanswered(["能否发一下修订后的报价单？"], draft));
        Assert.Single(AskCoverage.Unanswered(["技术方案什么时候能给？"], draft));
    }

    [Fact]
    public void Quoted_text_does_not_answer_an_ask()
    {
        const string text = "Re: x\n\nThanks!\n\nOn Monday Anna wrote: please send the migration timeline";
        var quoteStart = text.IndexOf("On Monday", StringComparison.Ordinal);
        var draft = Draft(text, new IgnoredRange(quoteStart, text.Length, IgnoredKind.Quote));
        Assert.Single(AskCoverage.Unanswered(["Please send the migration timeline"], draft));
    }
}
