using System.Diagnostics;
using BenchmarkDotNet.Running;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Benchmarks;

// dotnet run -c Release --project tests/OutlookCommit.Benchmarks -- --filter '*' --job short
// Figures and how to read them: docs/performance.md ("Engine").
// `-- --describe` prints what the engine makes of each benchmark input (sizes, elements, dates) and a rough timing.
if (args is ["--describe"])
{
    Describe();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

static void Describe()
{
    var analyzer = new DraftAnalyzer();
    analyzer.WarmUp();
    analyzer.PatternsCompiled.Wait(); // steady state: the lexicon's compiled regexes
    var stages = new Stages();
    foreach (var (name, draft) in new[] { ("English 2 KB", Inputs.English), ("Chinese 2 KB", Inputs.Chinese), ("HTML thread 50 KB", Inputs.Thread) })
    {
        var analysis = analyzer.Analyze(draft);
        var body = draft.Body ?? "";
        Console.WriteLine($"== {name}: {body.Length:N0} chars, {System.Text.Encoding.UTF8.GetByteCount(body):N0} bytes UTF-8, analyzed text {analysis.AnalyzedText.Length:N0} chars");
        Console.WriteLine($"   language {analysis.Language}, outcome {analysis.Outcome}, next step {analysis.NextStep}, truncated {analysis.Truncated}");
        var e = analysis.Elements;
        var reports = new (string Label, bool Present, IReadOnlyList<TextSpan> Evidence, string? Reason)[]
        {
            ("action", e.Action.Present, e.Action.Evidence, e.Action.Reason),
            ("attendee", e.Attendee.Present, e.Attendee.Evidence, e.Attendee.Reason),
            ("date", e.Date.Present, e.Date.Evidence, e.Date.Reason + (e.Date.Resolved is { } r ? $" -> {r.Start:u}" : "")),
            ("confirmation", e.Confirmation.Present, e.Confirmation.Evidence, e.Confirmation.Reason),
        };
        foreach (var (label, present, evidence, reason) in reports)
            Console.WriteLine($"   {label}: {(present ? "yes" : "no")} [{string.Join(" | ", evidence.Select(x => x.Text))}] {reason}");
        Console.WriteLine($"   ignored: {string.Join(", ", analysis.Ignored.Select(r => $"{r.Kind} {r.Start}-{r.End}"))}");
        var times = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var start = Stopwatch.GetTimestamp();
            analyzer.Analyze(draft);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"   full analysis, 30 runs: min {times[0]:F2} ms, median {times[15]:F2} ms, max {times[^1]:F2} ms");
        foreach (var (stage, median) in stages.Measure(draft, 30))
            Console.WriteLine($"   stage {stage}: median {median:F2} ms");
        Console.WriteLine($"   costliest lexicon groups (each alone over all sentences): {string.Join(", ", stages.CostliestGroups(draft, 15, 6).Select(g => $"{g.Group} {g.MedianMs:F2} ms"))}");
    }
}

public partial class Program;
