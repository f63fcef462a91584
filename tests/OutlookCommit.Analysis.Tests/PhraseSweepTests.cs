using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Analysis.Tests;

/// <summary>
/// Common ways reps phrase a next step or a confirmation ask, one sentence each, in English and Chinese
/// (Sweeps/*.tsv): each is placed in the same short draft, so a miss points at the phrasing, not at the context.
/// The lists were written to probe the lexicons' coverage; add a line when a new phrasing turns up.
/// </summary>
public class PhraseSweepTests
{
    private static readonly DateTimeOffset EnglishReference = DateTimeOffset.Parse("2026-12-01T10:00:00-05:00");
    private static readonly DateTimeOffset ChineseReference = DateTimeOffset.Parse("2026-12-01T10:00:00+08:00");

    /// <summary>The proposal a confirmation sentence follows: a concrete step with people and a time.</summary>
    private const string EnglishProposal = "Hi Dana,\n\nAs discussed, I'd like to hold a two-hour workshop with your IT team and our architect Priya Rao on Thursday, December 10 at 2pm at your office. ";
    private const string ChineseProposal = "王总您好，我们计划12月10日（周四）下午2点到贵司，和信息部的李主任一起做一次技术交流。";

    private static IEnumerable<(string Expected, string Sentence)> Read(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Sweeps", file))
            .Where(line => line.Trim().Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t', 2))
            .Select(parts => (parts[0].Trim(), parts[1].Trim()));

    public static TheoryData<string, string> NextStepPhrases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (expected, sentence) in Read("next-step-phrases.tsv")) data.Add(expected, sentence);
        return data;
    }

    public static TheoryData<string, string> ConfirmationPhrases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (expected, sentence) in Read("confirmation-phrases.tsv")) data.Add(expected, sentence);
        return data;
    }

    private static bool IsChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [Theory, MemberData(nameof(NextStepPhrases))]
    public void Next_step_phrase_gets_its_type(string expected, string sentence)
    {
        var zh = IsChinese(sentence);
        var draft = new Draft
        {
            Subject = zh ? "下一步" : "Next step",
            Body = (zh ? "王总您好，" : "Hi Dana,\n\n") + sentence,
            To = [new EmailAddress(zh ? "王总" : "Dana Li", "dana@customer.example")],
            ReferenceTime = zh ? ChineseReference : EnglishReference,
        };
        var analysis = TestData.Analyzer.Analyze(draft);
        Assert.Equal(expected, analysis.NextStep is { } type ? char.ToLowerInvariant(type.ToString()[0]) + type.ToString()[1..] : "null");
    }

    [Theory, MemberData(nameof(ConfirmationPhrases))]
    public void Confirmation_phrase_is_read_as_labelled(string expected, string sentence)
    {
        var zh = IsChinese(sentence);
        var draft = new Draft
        {
            Subject = zh ? "技术交流" : "Workshop",
            Body = (zh ? ChineseProposal : EnglishProposal) + sentence,
            To = [new EmailAddress(zh ? "王总" : "Dana Li", "dana@customer.example")],
            ReferenceTime = zh ? ChineseReference : EnglishReference,
        };
        Assert.Equal(expected == "Y", TestData.Analyzer.Analyze(draft).Elements.Confirmation.Present);
    }
}
