using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using OutlookCommit.Analysis.Asks;
using OutlookCommit.Eval;

namespace OutlookCommit.Analysis.Tests;

public class AskDetectorTests
{
    private const string DevFile = "shared/datasets/parakweet-email-intent/Ask0729-fixed.txt";
    private const string ChineseDevFile = "tests/cases/asks-zh.txt";

    [Theory]
    [InlineData("Could you send me the revised pricing by Friday?", true)]
    [InlineData("Please let me know which day works for your team.", true)]
    [InlineData("Can you introduce me to your CFO next week?", true)]
    [InlineData("Please advise.", true)]
    [InlineData("I need you to sign the attached form and fax it back today.", true)]
    [InlineData("Would Tuesday at 2pm work for you and Raj?", true)]
    [InlineData("Thanks again for a great meeting yesterday.", false)]
    [InlineData("I will send the revised deck on Monday.", false)]
    [InlineData("We had a productive call with the finance team.", false)]
    [InlineData("Best regards", false)]
    [InlineData("请您在周五前确认参会人员名单。", true)]
    [InlineData("麻烦您把最新的报价单发给我。", true)]
    [InlineData("能否请您引荐一下刘总？", true)]
    [InlineData("您看这个时间可以吗？", true)]
    [InlineData("48小时之内能做到，是吧？", true)]
    [InlineData("我会在下周一前把修改后的材料发给您。", false)]
    [InlineData("谢谢您今天抽时间见面。", false)]
    [InlineData("这个项目就靠张总多多关照了。", false)]
    [InlineData("我们已经申请了测试账号。", false)]
    public void Classifies_clear_sentences(string sentence, bool expected)
    {
        var detector = AskDetector.Default;
        Assert.Equal(expected, detector.IsAsk(sentence));
        Assert.Equal(detector.IsAsk(sentence), detector.Score(sentence) >= 0.5);
    }

    [Fact]
    public void Dev_split_f1_stays_above_the_measured_floor()
    {
        // The embedded model is trained on this file: at the time of training it fits it with
        // F1 0.961 (accuracy 0.963). A drop means the features, the hashing or the weights file broke.
        var counts = Measure(FindRepoFile(DevFile));
        Assert.True(counts.Total > 3600, $"read only {counts.Total} sentences");
        Assert.True(counts.F1 >= 0.93, counts.Summary("dev"));
        Assert.True(counts.Accuracy >= 0.93, counts.Summary("dev"));
    }

    [Fact]
    public void Training_procedure_generalises_out_of_fold()
    {
        // 5-fold cross-validation of the same procedure on the dev split measured F1 0.818 at 0.5,
        // which is also the threshold it picks (for a deployment prior of 30% asks).
        var examples = IntentEval.ReadLabelled(FindRepoFile(DevFile));
        var cv = AskTrainer.CrossValidate(examples, new AskTrainer.Options());
        Assert.True(cv.AtThreshold.F1 >= 0.80, cv.AtThreshold.Summary("cv"));
        Assert.True(cv.AtHalf.F1 >= 0.79, cv.AtHalf.Summary("cv@0.5"));
    }

    [Fact]
    public void Chinese_dev_cases_score_well()
    {
        // Measured 1.000 (67 sentences); allow one or two regressions, not more.
        var counts = Measure(FindRepoFile(ChineseDevFile));
        Assert.True(counts.Total >= 60, $"read only {counts.Total} sentences");
        Assert.True(counts.F1 >= 0.95, counts.Summary("zh dev"));
        Assert.True(counts.Accuracy >= 0.95, counts.Summary("zh dev"));
    }

    [Fact]
    public void Embedded_weights_match_the_embedded_lexicon()
    {
        // The lexicon defines the features; editing asks-en.json without retraining silently breaks the model.
        Assert.Equal(AskDetector.EnglishLexiconSha256(), AskDetector.Default.WeightsLexiconSha256);
    }

    [Fact]
    public void Every_regex_has_a_match_timeout()
    {
        var patterns = AskDetector.Default.ChineseRules.Patterns.ToList();
        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => Assert.True(p.MatchTimeout > TimeSpan.Zero && p.MatchTimeout <= TimeSpan.FromSeconds(1), p.ToString()));
    }

    public static TheoryData<string> HostileInputs()
    {
        var data = new TheoryData<string>
        {
            string.Empty,
            " \t\r\n ",
            "\0\u0001\u0002\u001b[31m\u007f",
            "😀🙏🏽👍 🚀🚀🚀",
            "\ud800 lone surrogate \udc00",
            "请\ud83d",
            "?????!!!!,,,,::::",
            "http://example.com/?a=1&b=2 $LINK www. @ @@ a@b.c",
            "'''' ’’’ don't’s",
            "𠀀𠀁 𪚥 (CJK extension B)",
            new string('a', 5000),
            new string('我', 5000) + "吗？",
            string.Concat(Enumerable.Repeat("please send ", 2000)),
            string.Concat(Enumerable.Repeat("1 ", 5000)),
        };
        var big = new StringBuilder(1 << 20);
        var rng = new Random(7);
        while (big.Length < 1 << 20)
        {
            big.Append((char)rng.Next(0, 0x10000));
        }
        data.Add(big.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Never_throws_and_stays_fast(string input)
    {
        var detector = AskDetector.Default;
        detector.IsAsk("warm up");
        var sw = Stopwatch.StartNew();
        double score = detector.Score(input);
        bool ask = detector.IsAsk(input);
        sw.Stop();
        Assert.InRange(score, 0, 1);
        Assert.Equal(score >= 0.5, ask);
        Assert.True(sw.ElapsedMilliseconds < 500, $"took {sw.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Null_is_not_an_ask()
    {
        Assert.False(AskDetector.Default.IsAsk(null!));
        Assert.Equal(0, AskDetector.Default.Score(null!));
    }

    [Fact]
    public void Is_thread_safe_and_deterministic()
    {
        var sentences = IntentEval.ReadLabelled(FindRepoFile(ChineseDevFile)).Select(e => e.Sentence)
            .Concat(["Could you send it by Friday?", "Thanks, talk soon.", "Please advise."])
            .ToArray();
        var expected = sentences.Select(AskDetector.Default.Score).ToArray();
        var actual = new double[sentences.Length * 20];
        Parallel.For(0, actual.Length, i => actual[i] = AskDetector.Default.Score(sentences[i % sentences.Length]));
        for (int i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % sentences.Length], actual[i]);
        }
    }

    [Fact]
    public void Cjk_decides_the_language()
    {
        Assert.True(AskDetector.HasCjkIdeograph("请确认"));
        Assert.True(AskDetector.HasCjkIdeograph("Please ask 刘总 to join"));
        Assert.True(AskDetector.HasCjkIdeograph("\ud840\udc00"));
        Assert.False(AskDetector.HasCjkIdeograph("Please confirm by Monday."));
        Assert.False(AskDetector.HasCjkIdeograph("こんにちは")); // kana only
    }

    private static IntentEval.Confusion Measure(string file)
    {
        var counts = new IntentEval.Confusion();
        foreach (var (isAsk, sentence) in IntentEval.ReadLabelled(file))
        {
            counts.Add(isAsk, AskDetector.Default.IsAsk(sentence));
        }
        return counts;
    }

    /// <summary>
    /// Finds <paramref name="relative"/> in an ancestor of the test output folder or, when the build
    /// output lives elsewhere (an artifacts path), of this source file. The datasets sit in
    /// <c>shared/</c> beside the repository, so both the repo and its parent are searched.
    /// </summary>
    private static string FindRepoFile(string relative, [CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? string.Empty })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory} or {sourceFile}");
    }
}
