using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Analysis.Tests;

/// <summary>
/// Found by the API fuzz run: action evidence cut at a fixed length ended in the first half of an emoji, so the JSON
/// answer carried U+FFFD where the analyzed text had 👩. No span may split a surrogate pair.
/// </summary>
public class SurrogatePairSpanTests
{
    internal static bool SplitsAPair(string text, int start, int end) =>
        (start > 0 && start < text.Length && char.IsLowSurrogate(text[start]) && char.IsHighSurrogate(text[start - 1]))
        || (end > 0 && end < text.Length && char.IsHighSurrogate(text[end - 1]) && char.IsLowSurrogate(text[end]));

    [Theory]
    [InlineData("请确认שלום", "👩‍💻")]
    [InlineData("Could your IT team join the workshop ", "😀")]
    [InlineData("请确认", "🇨🇳")]
    public void Evidence_never_ends_or_starts_inside_an_emoji(string prefix, string emoji)
    {
        for (var shift = 0; shift < 4; shift++)
        {
            var subject = prefix + new string('x', shift) + string.Concat(Enumerable.Repeat(emoji, 12));
            var a = TestData.Analyzer.Analyze(new Draft { Subject = subject, Body = subject + " on Tuesday at 2pm? " + subject, ReferenceTime = DateTimeOffset.Parse("2026-11-27T10:00:00+01:00") });
            Assert.All(SpecTests.AllSpans(a), s => Assert.False(SplitsAPair(a.AnalyzedText, s.Start, s.End), $"[{s.Start}, {s.End}) '{s.Text}'"));
        }
    }

    [Fact]
    public void A_body_cut_at_the_analysis_budget_does_not_end_in_half_an_emoji()
    {
        for (var shift = 0; shift < 2; shift++)
        {
            // One long question: the ask detector reports the sentence as cut at the budget.
            var body = "Could you confirm that your team can join " + new string('a', shift) + string.Concat(Enumerable.Repeat("😀", DraftDocument.MaxLiveChars)) + "?";
            var a = TestData.Analyzer.Analyze(new Draft { Subject = "", Body = body, ReferenceTime = DateTimeOffset.Parse("2026-11-27T10:00:00+01:00") });
            Assert.True(a.Truncated);
            Assert.NotEmpty(a.Asks);
            Assert.All(SpecTests.AllSpans(a), s => Assert.False(SplitsAPair(a.AnalyzedText, s.Start, s.End), $"[{s.Start}, {s.End})"));
        }
    }
}
