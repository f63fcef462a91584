using System.Text.Json;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Eval;

namespace OutlookCommit.Analysis.Tests;

/// <summary>The API shares one engine across requests: parallel analyses must equal sequential ones.</summary>
public class ConcurrencyTests
{
    [Fact]
    public void Parallel_analyses_give_the_same_results_as_sequential_ones()
    {
        var drafts = LabelledCase.ReadFile(TestData.CasesFile("zh-cases.jsonl"))
            .Concat(LabelledCase.ReadFile(TestData.CasesFile("en-cases.jsonl")))
            .Select(c => c.ToDraft())
            .ToList();
        string Serialize(Draft d) => JsonSerializer.Serialize(TestData.Analyzer.Analyze(d), AnalysisJson.Options);

        var sequential = drafts.Select(Serialize).ToList();
        var parallel = new string[drafts.Count];
        Parallel.For(0, drafts.Count * 3, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var index = i % drafts.Count;
            var result = Serialize(drafts[index]);
            if (i >= drafts.Count) Assert.Equal(sequential[index], result);
            else parallel[index] = result;
        });

        Assert.Equal(sequential, parallel);
    }
}
