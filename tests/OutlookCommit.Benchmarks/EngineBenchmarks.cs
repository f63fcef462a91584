using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Dates;
using OutlookCommit.Analysis.Lexicons;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Benchmarks;

/// <summary>
/// The engine on three drafts, each against its baseline: one bare Microsoft.Recognizers.Text date pass
/// (DateTimeModel.Parse, matching culture) over the same plain text, so Ratio is full analysis / bare recognizer.
/// The "stage" benchmarks time parts of the pipeline on their own to show where the time goes.
/// Benchmark signatures use only engine and BCL types: BenchmarkDotNet's generated child project sees the engine
/// through the project reference, but not the Recognizers assemblies (file references do not flow).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EngineBenchmarks
{
    private DraftAnalyzer _analyzer = null!;
    private DraftAnalyzer _typing = null!;
    private int _keystroke;
    private DateTimeModel _englishModel = null!;
    private DateTimeModel _chineseModel = null!;
    private DateFinder _dateFinder = null!;

    private Draft _english = null!, _chinese = null!, _thread = null!;
    private string _englishText = null!, _chineseText = null!, _replyText = null!, _threadHtml = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The main rows measure a draft seen for the first time: no recognizer results are remembered.
        _analyzer = new DraftAnalyzer(recognizerCacheEntries: 0);
        _analyzer.WarmUp();
        _analyzer.PatternsCompiled.Wait(); // measure the steady state, not the first seconds after start-up
        // The "as you type" rows: the pane re-sends the whole draft after each pause, with the recognizer cache on.
        _typing = new DraftAnalyzer();
        _typing.WarmUp();
        _typing.PatternsCompiled.Wait();
        _englishModel = new DateTimeRecognizer(Culture.English, DateTimeOptions.None, lazyInitialization: false).GetDateTimeModel();
        _chineseModel = new DateTimeRecognizer(Culture.Chinese, DateTimeOptions.None, lazyInitialization: false).GetDateTimeModel();
        var lexicon = new Lexicon();
        _dateFinder = new DateFinder(new DateRules(lexicon.Files), timeHint: (text, start, length) => lexicon.IsMatch("timeHint", text, start, length));
        _dateFinder.WarmUp(Inputs.EnglishReference);

        _english = Inputs.English;
        _chinese = Inputs.Chinese;
        _thread = Inputs.Thread;
        // The analyzed text is subject, blank line, body; the baseline reads exactly that.
        _englishText = Inputs.EnglishSubject + "\n\n" + Inputs.EnglishBody;
        _chineseText = Inputs.ChineseSubject + "\n\n" + Inputs.ChineseBody;
        _replyText = Inputs.ThreadSubject + "\n\n" + Inputs.ReplyText;
        _threadHtml = Inputs.ThreadHtml;

        // Fail fast if an input stops being what the benchmark claims it is.
        Check(_analyzer.Analyze(_english), "en");
        Check(_analyzer.Analyze(_chinese), "zh");
        Check(_analyzer.Analyze(_thread), "en");
    }

    private static void Check(DraftAnalysis analysis, string language)
    {
        if (analysis.Language != language)
            throw new InvalidOperationException($"benchmark input analyzed as '{analysis.Language}', expected '{language}'");
    }

    // 1. ~2 KB English follow-up.

    [Benchmark(Baseline = true, Description = "bare recognizer (en)"), BenchmarkCategory("1 English 2 KB")]
    public int EnglishRecognizer() => _englishModel.Parse(_englishText, Inputs.EnglishReference.DateTime).Count;

    [Benchmark(Description = "full analysis"), BenchmarkCategory("1 English 2 KB")]
    public DraftAnalysis EnglishAnalyze() => _analyzer.Analyze(_english);

    [Benchmark(Description = "as you type: the same draft again (recognizer cache on)"), BenchmarkCategory("1 English 2 KB")]
    public DraftAnalysis EnglishAnalyzeAgain() => _typing.Analyze(_english);

    [Benchmark(Description = "as you type: one new dated sentence each time (cache on)"), BenchmarkCategory("1 English 2 KB")]
    public DraftAnalysis EnglishAnalyzeEdited() =>
        _typing.Analyze(_english with { Body = _english.Body + $"\n\nP.S. Ticket {++_keystroke}: Friday at 2pm also works for me." });

    [Benchmark(Description = "stage: DateFinder (clauses with a time hint, en+zh, rules)"), BenchmarkCategory("1 English 2 KB")]
    public List<DateMention> EnglishDateFinder() => _dateFinder.Find(_englishText, 0, _englishText.Length, Inputs.EnglishReference);

    // 2. ~2 KB Chinese follow-up.

    [Benchmark(Baseline = true, Description = "bare recognizer (zh)"), BenchmarkCategory("2 Chinese 2 KB")]
    public int ChineseRecognizer() => _chineseModel.Parse(_chineseText, Inputs.ChineseReference.DateTime).Count;

    [Benchmark(Description = "full analysis"), BenchmarkCategory("2 Chinese 2 KB")]
    public DraftAnalysis ChineseAnalyze() => _analyzer.Analyze(_chinese);

    [Benchmark(Description = "as you type: the same draft again (recognizer cache on)"), BenchmarkCategory("2 Chinese 2 KB")]
    public DraftAnalysis ChineseAnalyzeAgain() => _typing.Analyze(_chinese);

    [Benchmark(Description = "as you type: one new dated sentence each time (cache on)"), BenchmarkCategory("2 Chinese 2 KB")]
    public DraftAnalysis ChineseAnalyzeEdited() =>
        _typing.Analyze(_chinese with { Body = _chinese.Body + $"\n\n另外，工单{++_keystroke}周五下午2点我也可以。" });

    [Benchmark(Description = "stage: DateFinder (clauses with a time hint, en+zh, rules)"), BenchmarkCategory("2 Chinese 2 KB")]
    public List<DateMention> ChineseDateFinder() => _dateFinder.Find(_chineseText, 0, _chineseText.Length, Inputs.ChineseReference);

    // 3. ~50 KB HTML: short reply on a long quoted Outlook thread. The baseline reads the new reply only.

    [Benchmark(Baseline = true, Description = "bare recognizer (en, reply only)"), BenchmarkCategory("3 HTML thread 50 KB")]
    public int ThreadRecognizer() => _englishModel.Parse(_replyText, Inputs.EnglishReference.DateTime).Count;

    [Benchmark(Description = "full analysis"), BenchmarkCategory("3 HTML thread 50 KB")]
    public DraftAnalysis ThreadAnalyze() => _analyzer.Analyze(_thread);

    [Benchmark(Description = "stage: HtmlToText (AngleSharp)"), BenchmarkCategory("3 HTML thread 50 KB")]
    public HtmlToText.Result ThreadHtmlToText() => HtmlToText.Convert(_threadHtml);
}
