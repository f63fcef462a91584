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

/// <summary>
/// A group matches with one regex per pattern, merged as one alternation would pick them (much faster than a real
/// alternation). Checked against a real alternation of the same patterns on labelled text, sentence by sentence.
/// </summary>
public class PatternAlternationTests
{
    [Fact]
    public void Per_pattern_matching_finds_what_one_alternation_finds()
    {
        var files = new[] { EmbeddedData.Load<LexiconFile>("en.json"), EmbeddedData.Load<LexiconFile>("zh.json") };
        var texts = new[] { "en-cases.jsonl", "zh-cases.jsonl", "blind13/blind13.jsonl", "blind16/blind16.jsonl" }
            .SelectMany(f => LabelledCase.ReadFile(TestData.CasesFile(f)))
            .SelectMany(c => (c.Subject + "\n" + c.Body).Split('\n', '。', '.', '?', '？', '!', '！'))
            .Where(s => s.Trim().Length > 0)
            .ToList();
        var groups = files.SelectMany(f => f.Patterns.Keys).Distinct().ToList();
        var differences = new List<string>();
        foreach (var name in groups)
        {
            var latin = files[0].Patterns.GetValueOrDefault(name) ?? [];
            var han = files[1].Patterns.GetValueOrDefault(name) ?? [];
            var group = new PatternGroup(latin, han, compiled: false);
            // The reference: the alternation the group used to be (plain Latin text only, where both are one regex per script).
            var alternation = EmbeddedData.CompileAny(latin, latinBoundary: false, compiled: false);
            foreach (var text in texts.Where(t => !t.Any(c => c is >= '\u4e00' and <= '\u9fff')))
            {
                var expected = Text.SafeRegex.Matches(alternation, text).Select(m => (m.Index, m.Length)).ToList();
                var actual = group.Matches(text, 0, text.Length).Select(m => (m.Index, m.Length)).ToList();
                if (!expected.SequenceEqual(actual)) differences.Add($"{name}: '{text}'");
            }
            var hanAlternation = EmbeddedData.CompileAny(han, compiled: false);
            foreach (var text in texts.Where(t => t.Any(c => c is >= '\u4e00' and <= '\u9fff') && !t.Any(char.IsAsciiLetter)))
            {
                var expected = Text.SafeRegex.Matches(hanAlternation, text).Select(m => (m.Index, m.Length)).ToList();
                var actual = group.Matches(text, 0, text.Length).Select(m => (m.Index, m.Length)).ToList();
                if (!expected.SequenceEqual(actual)) differences.Add($"{name}: '{text}'");
            }
        }
        Assert.True(texts.Count > 500, "too few sentences to compare");
        Assert.True(differences.Count == 0, $"{differences.Count} differences, e.g.\n" + string.Join("\n", differences.Take(10)));
    }
}
