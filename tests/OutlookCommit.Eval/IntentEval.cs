using System.Diagnostics;
using System.Globalization;
using OutlookCommit.Analysis.Asks;

namespace OutlookCommit.Eval;

/// <summary>
/// Measures <see cref="AskDetector"/> on a file of <c>Yes|No&lt;TAB&gt;sentence</c> lines
/// (the Parakweet email-intent format): <c>intent FILE [--min-f1 X]</c>.
/// </summary>
public static class IntentEval
{
    public static int Run(string file, double? minF1)
    {
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"intent: no such file: {file}");
            return 2;
        }
        var examples = ReadLabelled(file);
        if (examples.Count == 0)
        {
            Console.Error.WriteLine($"intent: no labelled lines in {file}");
            return 2;
        }

        var detector = AskDetector.Default;
        var counts = new Confusion();
        var sw = Stopwatch.StartNew();
        var predictions = new bool[examples.Count];
        for (int i = 0; i < examples.Count; i++)
        {
            predictions[i] = detector.IsAsk(examples[i].Sentence);
        }
        sw.Stop();
        for (int i = 0; i < examples.Count; i++)
        {
            counts.Add(examples[i].IsAsk, predictions[i]);
        }

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"file:      {file}");
        Console.WriteLine($"sentences: {examples.Count} ({counts.Positives} Yes)");
        Console.WriteLine($"tp={counts.TruePositives} fp={counts.FalsePositives} fn={counts.FalseNegatives} tn={counts.TrueNegatives}");
        Console.WriteLine(string.Format(inv, "accuracy:  {0:0.000}", counts.Accuracy));
        Console.WriteLine(string.Format(inv, "precision: {0:0.000}", counts.Precision));
        Console.WriteLine(string.Format(inv, "recall:    {0:0.000}", counts.Recall));
        Console.WriteLine(string.Format(inv, "f1:        {0:0.000}", counts.F1));
        Console.WriteLine(string.Format(inv, "time:      {0:0.0} us/sentence (first call includes loading)", sw.Elapsed.TotalMilliseconds * 1000 / examples.Count));
        Console.WriteLine(counts.Summary("intent"));

        if (minF1 is { } floor && counts.F1 < floor)
        {
            Console.Error.WriteLine(string.Format(inv, "intent: f1={0:0.000} is below the floor {1:0.000}", counts.F1, floor));
            return 1;
        }
        return 0;
    }

    /// <summary>Reads <c>Yes|No&lt;TAB&gt;sentence</c> lines; other lines (blank, '#' comments, unknown labels) are skipped.</summary>
    public static List<(bool IsAsk, string Sentence)> ReadLabelled(string file)
    {
        var result = new List<(bool, string)>();
        foreach (string raw in File.ReadLines(file))
        {
            string line = raw.TrimEnd('\r');
            int tab = line.IndexOf('\t');
            if (tab <= 0 || line.StartsWith('#'))
            {
                continue;
            }
            var label = line.AsSpan(0, tab).Trim();
            bool? yes = label.Equals("yes", StringComparison.OrdinalIgnoreCase) ? true
                : label.Equals("no", StringComparison.OrdinalIgnoreCase) ? false
                : null;
            if (yes is null)
            {
                continue;
            }
            result.Add((yes.Value, line[(tab + 1)..]));
        }
        return result;
    }

    /// <summary>A binary confusion matrix with the usual figures; "positive" is an ask.</summary>
    public sealed class Confusion
    {
        public int TruePositives { get; private set; }

        public int FalsePositives { get; private set; }

        public int FalseNegatives { get; private set; }

        public int TrueNegatives { get; private set; }

        public int Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

        public int Positives => TruePositives + FalseNegatives;

        public double Accuracy => Total == 0 ? 0 : (double)(TruePositives + TrueNegatives) / Total;

        public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public void Add(bool actual, bool predicted)
        {
            if (actual && predicted)
            {
                TruePositives++;
            }
            else if (predicted)
            {
                FalsePositives++;
            }
            else if (actual)
            {
                FalseNegatives++;
            }
            else
            {
                TrueNegatives++;
            }
        }

        public string Summary(string label) => string.Format(
            CultureInfo.InvariantCulture,
            "{0}: accuracy={1:0.000} precision={2:0.000} recall={3:0.000} f1={4:0.000} n={5}",
            label,
            Accuracy,
            Precision,
            Recall,
            F1,
            Total);
    }
}
