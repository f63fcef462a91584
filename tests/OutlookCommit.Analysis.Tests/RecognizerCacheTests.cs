using System.Text.Json;
using OutlookCommit.Analysis.Dates;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Eval;

namespace OutlookCommit.Analysis.Tests;

/// <summary>
/// The recognizer cache may only make re-analysis cheaper: an analyzer without it, and the shared one analyzing the
/// same drafts again (served from the cache), must give byte-for-byte the same analyses.
/// </summary>
public class RecognizerCacheTests
{
    private static readonly Lazy<DraftAnalyzer> Uncached = new(() => new DraftAnalyzer(recognizerCacheEntries: 0));

    public static TheoryData<string> Sets() => new() { "blind33/blind33.jsonl", "blind36/blind36.jsonl", "zh-cases.jsonl", "en-cases.jsonl" };

    [Theory, MemberData(nameof(Sets))]
    public void Cached_and_uncached_analyses_are_the_same(string file)
    {
        foreach (var c in LabelledCase.ReadFile(TestData.CasesFile(file)))
        {
            var draft = c.ToDraft();
            var fresh = Json(Uncached.Value.Analyze(draft));
            Assert.Equal(fresh, Json(TestData.Analyzer.Analyze(draft)));
            Assert.Equal(fresh, Json(TestData.Analyzer.Analyze(draft))); // the second time every clause comes from the cache
        }
    }

    [Fact]
    public void An_edit_between_analyses_is_read_afresh()
    {
        var reference = new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.FromHours(-5));
        var before = TestData.Analyzer.Analyze(new Draft { Body = "Could we hold the workshop on Thursday, December 10 at 2pm?", ReferenceTime = reference });
        var after = TestData.Analyzer.Analyze(new Draft { Body = "Could we hold the workshop on Friday, December 11 at 2pm?", ReferenceTime = reference.AddSeconds(20) });
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 14, 0, 0, reference.Offset), before.Elements.Date.Resolved?.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 11, 14, 0, 0, reference.Offset), after.Elements.Date.Resolved?.Start);
    }

    [Fact]
    public void A_later_minute_resolves_against_its_own_time()
    {
        // The cache key holds the reference minute: "tomorrow" written just before and just after midnight differs.
        var lateEvening = new DateTimeOffset(2026, 11, 27, 23, 59, 30, TimeSpan.FromHours(8));
        var draft = new Draft { Body = "明天上午10点我们去贵司拜访，您看可以吗？", ReferenceTime = lateEvening };
        var first = TestData.Analyzer.Analyze(draft).Elements.Date.Resolved?.Start;
        var second = TestData.Analyzer.Analyze(draft with { ReferenceTime = lateEvening.AddMinutes(1) }).Elements.Date.Resolved?.Start;
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 0, 0, lateEvening.Offset), first);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 10, 0, 0, lateEvening.Offset), second);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_negative_cache_size_is_refused(int entries) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DraftAnalyzer(entries));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_cache_needs_room_for_at_least_one_clause(int entries) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecognizerCache(entries));

    private static string Json(DraftAnalysis analysis) => JsonSerializer.Serialize(analysis, AnalysisJson.Options);
}
