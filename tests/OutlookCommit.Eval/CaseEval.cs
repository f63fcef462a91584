using System.Globalization;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Eval;

/// <summary>Scores the engine on labelled cases: per-element precision/recall/F1, next-step accuracy, all-four match.</summary>
public static class CaseEval
{
    public static readonly string[] ElementNames = ["action", "attendee", "date", "confirmation"];

    public sealed record Miss(string Id, string What, string Expected, string Actual);

    public sealed record Report(
        int Cases, IReadOnlyDictionary<string, Counts> Elements, int NextStepCases, int NextStepCorrect, int AllFourMatch, IReadOnlyList<Miss> Misses)
    {
        public double NextStepAccuracy => NextStepCases == 0 ? 1 : (double)NextStepCorrect / NextStepCases;
        public double AllFourRate => Cases == 0 ? 1 : (double)AllFourMatch / Cases;
    }

    public sealed class Counts
    {
        public int TruePositive, FalsePositive, FalseNegative, TrueNegative;
        public double Precision => TruePositive + FalsePositive == 0 ? 1 : (double)TruePositive / (TruePositive + FalsePositive);
        public double Recall => TruePositive + FalseNegative == 0 ? 1 : (double)TruePositive / (TruePositive + FalseNegative);
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    public static Report Score(IDraftAnalyzer analyzer, IEnumerable<LabelledCase> cases)
    {
        var counts = ElementNames.ToDictionary(n => n, _ => new Counts());
        var misses = new List<Miss>();
        int total = 0, nextStepCases = 0, nextStepCorrect = 0, allFour = 0;
        foreach (var c in cases)
        {
            total++;
            var analysis = analyzer.Analyze(c.ToDraft());
            var actual = new Dictionary<string, bool>
            {
                ["action"] = analysis.Elements.Action.Present,
                ["attendee"] = analysis.Elements.Attendee.Present,
                ["date"] = analysis.Elements.Date.Present,
                ["confirmation"] = analysis.Elements.Confirmation.Present,
            };
            var expected = new Dictionary<string, bool>
            {
                ["action"] = c.Expected.Action, ["attendee"] = c.Expected.Attendee,
                ["date"] = c.Expected.Date, ["confirmation"] = c.Expected.Confirmation,
            };
            var allMatch = true;
            foreach (var name in ElementNames)
            {
                var (e, a) = (expected[name], actual[name]);
                var k = counts[name];
                if (e && a) k.TruePositive++;
                else if (!e && a) k.FalsePositive++;
                else if (e && !a) k.FalseNegative++;
                else k.TrueNegative++;
                if (e != a)
                {
                    allMatch = false;
                    misses.Add(new Miss(c.Id, name, e.ToString().ToLowerInvariant(), a.ToString().ToLowerInvariant()));
                }
            }
            if (allMatch) allFour++;
            if (c.Expected.NextStep is not null)
            {
                nextStepCases++;
                if (analysis.NextStep == c.Expected.NextStep) nextStepCorrect++;
                else misses.Add(new Miss(c.Id, "nextStep", Name(c.Expected.NextStep), Name(analysis.NextStep)));
            }
        }
        return new Report(total, counts, nextStepCases, nextStepCorrect, allFour, misses);
    }

    private static string Name(NextStepType? t) => t is null ? "null" : char.ToLowerInvariant(t.ToString()![0]) + t.ToString()![1..];

    public static int Run(IReadOnlyList<string> files, double? minF1, bool quiet)
    {
        var analyzer = new DraftAnalyzer();
        var cases = files.SelectMany(LabelledCase.ReadFile).ToList();
        var report = Score(analyzer, cases);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"{"element",-13} {"precision",9} {"recall",7} {"f1",6}   tp  fp  fn  tn");
        foreach (var (name, k) in report.Elements)
            Console.WriteLine(string.Format(inv, "{0,-13} {1,9:0.000} {2,7:0.000} {3,6:0.000} {4,4} {5,3} {6,3} {7,3}", name, k.Precision, k.Recall, k.F1, k.TruePositive, k.FalsePositive, k.FalseNegative, k.TrueNegative));
        Console.WriteLine(string.Format(inv, "nextStep accuracy {0:0.000} ({1}/{2})", report.NextStepAccuracy, report.NextStepCorrect, report.NextStepCases));
        Console.WriteLine(string.Format(inv, "all four match    {0:0.000} ({1}/{2})", report.AllFourRate, report.AllFourMatch, report.Cases));
        if (!quiet)
            foreach (var miss in report.Misses)
                Console.WriteLine($"miss {miss.Id}: {miss.What} expected {miss.Expected}, got {miss.Actual}");
        var minimum = report.Elements.Values.Min(k => k.F1);
        Console.WriteLine(string.Format(inv, "cases: n={0} minF1={1:0.000} action={2:0.000} attendee={3:0.000} date={4:0.000} confirmation={5:0.000} nextStep={6:0.000} allFour={7:0.000}",
            report.Cases, minimum, report.Elements["action"].F1, report.Elements["attendee"].F1, report.Elements["date"].F1, report.Elements["confirmation"].F1, report.NextStepAccuracy, report.AllFourRate));
        return minF1 is { } floor && minimum < floor ? 1 : 0;
    }
}
