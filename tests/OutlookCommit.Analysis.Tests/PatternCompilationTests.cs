using OutlookCommit.Analysis.Lexicons;
using OutlookCommit.Eval;

namespace OutlookCommit.Analysis.Tests;

/// <summary>
/// The engine starts with interpreted regexes and swaps in compiled ones in the background, so a draft may be
/// analyzed by either: every group must find exactly the same matches both ways.
/// </summary>
public class PatternCompilationTests
{
    private static IEnumerable<string> LabelledTexts() =>
        new[] { "en-cases.jsonl", "zh-cases.jsonl", "engine-cases.jsonl", "blind10/blind10.jsonl", "blind9/blind9.jsonl", "holdout/holdout-zh.jsonl" }
            .SelectMany(f => LabelledCase.ReadFile(TestData.CasesFile(f)))
            .Select(c => c.Subject + "\n\n" + c.Body);

    [Fact]
    public void Interpreted_and_compiled_groups_find_the_same_matches()
    {
        var lexicon = new Lexicon(compiled: false);
        Assert.False(lexicon.IsCompiled);
        var texts = LabelledTexts().ToList();
        var groups = lexicon.Files.SelectMany(f => f.Patterns.Keys).Distinct().ToList();

        List<string> Snapshot() =>
            texts.SelectMany(text => groups.Select(g => g + ":" + string.Join(",", lexicon.Matches(g, text, 0, text.Length).Select(m => $"{m.Index}+{m.Length}")))
                .Concat(lexicon.NextStepPatterns.Select(p => p.Type + ":" + string.Join(",", p.Pattern.Matches(text, 0, text.Length).Select(m => $"{m.Index}+{m.Length}")))))
                .ToList();

        var interpreted = Snapshot();
        lexicon.CompileForSpeed();
        Assert.True(lexicon.IsCompiled);
        var compiled = Snapshot();

        Assert.True(texts.Count > 300, "too few labelled texts to compare");
        Assert.Contains(interpreted, s => s.Contains('+')); // the comparison covers real matches, not only empty lists
        Assert.Equal(interpreted, compiled);
    }

    [Fact]
    public async Task The_engine_finishes_compiling_its_patterns_in_the_background()
    {
        var analyzer = new DraftAnalyzer();
        await analyzer.PatternsCompiled.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(analyzer.PatternsCompiled.IsCompletedSuccessfully);
    }
}
