using System.Diagnostics;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis.Tests;

/// <summary>
/// HTML the tree builder is slow on (found by the API fuzz run: 90,000 nested divs took a minute) and reference
/// times at the ends of DateTimeOffset (9999 made the date rules overflow). Both are answered, and quickly.
/// </summary>
public class HtmlNestingTests
{
    private static DraftAnalysis Analyze(string body, BodyType type = BodyType.Html, DateTimeOffset? reference = null) =>
        TestData.Analyzer.Analyze(new Draft { Subject = "Re: x", Body = body, BodyType = type, ReferenceTime = reference ?? DateTimeOffset.Parse("2026-11-27T10:00:00+08:00") });

    private static string Repeat(string s, int times) => string.Concat(Enumerable.Repeat(s, times));

    [Theory]
    [InlineData("<div>", "</div>", 60_000)]
    [InlineData("<blockquote>", "</blockquote>", 30_000)]
    [InlineData("<b>", "</b>", 90_000)]
    [InlineData("<span><div></span>", "", 20_000)]
    [InlineData("<li><ul>", "", 40_000)]
    public void Pathological_nesting_is_read_within_a_few_seconds(string open, string close, int times)
    {
        _ = TestData.Analyzer; // built and warmed outside the measured time
        var watch = Stopwatch.StartNew();
        var a = Analyze(Repeat(open, times) + "deep" + Repeat(close, times) + "<p>Could your IT team join on Tuesday at 2pm?</p>");
        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{watch.Elapsed.TotalMilliseconds:F0} ms");
        // Closed nesting is flattened, not cut: the text after it is still read. (Text inside unclosed nesting deeper
        // than the walker's 200 levels is not, with or without the limit.)
        if (close.Length > 0) Assert.Contains("Tuesday at 2pm", a.AnalyzedText);
    }

    [Fact]
    public void Ordinary_html_is_passed_to_the_parser_unchanged()
    {
        var html = "<html><body><div><p>Hi<p>there<ul><li>a<li>b</ul><table><tr><td>x<td>y</table><br><img src=x>"
            + Repeat("<div>", 200) + "deep" + Repeat("</div>", 200) + "<script>var s = '<div><div>';</script><!-- <div> --></div></body></html>";
        Assert.Same(html, HtmlNesting.Limit(html, 256));
    }

    [Theory]
    // A list item closes the open one; a </span> does not close the div opened inside it (the tree builder ignores it).
    [InlineData("<ul><li>a<li>b<li>c</ul>", 2, "<ul><li>a<li>b<li>c</ul>")]
    [InlineData("<li><ul><li><ul><li><ul>x", 4, "<li><ul><li><ul>x")]
    [InlineData("<span><div></span><span><div></span>x", 3, "<span><div></span><span>x")]
    public void The_depth_model_follows_the_tree_builder_closely_enough(string html, int maxDepth, string expected) =>
        Assert.Equal(expected, HtmlNesting.Limit(html, maxDepth));

    [Fact]
    public void Nesting_past_the_limit_drops_the_tags_and_keeps_their_text()
    {
        var limited = HtmlNesting.Limit(Repeat("<div>", 5) + "x" + Repeat("</div>", 5) + "<p>after</p>", 3);
        Assert.Equal("<div><div><div>x</div></div></div><p>after</p>", limited);
    }

    [Theory]
    [InlineData("9999-12-30T00:00:00+00:00")]
    [InlineData("9999-12-31T23:00:00+00:00")]
    [InlineData("0001-01-01T01:00:00+00:00")]
    [InlineData("2200-12-31T23:00:00+00:00")]
    public void Reference_times_at_the_ends_of_the_calendar_do_not_throw(string reference)
    {
        var a = Analyze("Could your IT team join a workshop tomorrow at 2pm, next week, 月底前, 下星期, by EOD? Last friday too.", BodyType.Text,
            DateTimeOffset.Parse(reference, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(a.ClosingTemplate);
    }
}
