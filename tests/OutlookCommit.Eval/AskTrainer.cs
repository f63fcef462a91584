using System.Globalization;
using System.Text;
using System.Text.Json;
using OutlookCommit.Analysis.Asks;

namespace OutlookCommit.Eval;

/// <summary>
/// Trains the English ask model: L2-regularised logistic regression (AdaGrad SGD, fixed seed, so
/// the output is reproducible) over the features of <c>EnglishAskFeatures</c>, on a file of
/// <c>Yes|No&lt;TAB&gt;sentence</c> lines. Five-fold cross-validation on the same file picks the
/// decision threshold (for the deployment prior of asks, see <see cref="Options.DeploymentPrior"/>),
/// which is folded into the bias so the detector decides at 0.5. Writes the
/// weights JSON that the Analysis project embeds (<c>Lexicons/asks-en-weights.json</c>):
/// <c>train-asks TRAIN_FILE OUT_FILE</c>. Rebuild the Analysis project after writing it.
/// </summary>
public static class AskTrainer
{
    /// <summary>Hyperparameters, chosen by cross-validation on the training file only.</summary>
    public sealed record Options
    {
        public int Epochs { get; init; } = 10;

        public double LearningRate { get; init; } = 0.03;

        public double L2 { get; init; } = 1e-4;

        /// <summary>A feature must occur in at least this many training sentences.</summary>
        public int MinCount { get; init; } = 2;

        /// <summary>Weights smaller than this (in absolute value) are dropped from the file.</summary>
        public double Prune { get; init; } = 0.01;

        public int Folds { get; init; } = 5;

        /// <summary>Return the average of the weights over all steps rather than the last ones.</summary>
        public bool Average { get; init; }

        public int Seed { get; init; } = 20240729;

        /// <summary>The decision threshold is searched in this range of probabilities.</summary>
        public double MinThreshold { get; init; } = 0.35;

        public double MaxThreshold { get; init; } = 0.65;

        public double ThresholdMargin { get; init; } = 0.005;

        /// <summary>
        /// The share of asks among the sentences the detector will see. The dev file is 47% asks; in a
        /// real follow-up email most sentences are not asks, and a false "ask" (a confirmation the draft
        /// does not have) costs the product more than a miss. The threshold is picked for F1 with the
        /// out-of-fold positives re-weighted to this prior; null picks it at the file's own prior.
        /// </summary>
        public double? DeploymentPrior { get; init; } = 0.3;

        /// <summary>If set, the out-of-fold probability of every sentence is written here, for error analysis.</summary>
        public string? OutOfFoldFile { get; init; }
    }

    public static int Run(string trainFile, string outFile) => Run(trainFile, outFile, new Options());

    public static int Run(string trainFile, string? outFile, Options options)
    {
        if (!File.Exists(trainFile))
        {
            Console.Error.WriteLine($"train-asks: no such file: {trainFile}");
            return 2;
        }
        var examples = IntentEval.ReadLabelled(trainFile);
        if (examples.Count < options.Folds * 2)
        {
            Console.Error.WriteLine($"train-asks: too few labelled lines in {trainFile}");
            return 2;
        }
        var inv = CultureInfo.InvariantCulture;
        var set = Prepare(examples);
        Console.WriteLine($"train-asks: {set.Data.Length} sentences ({set.Data.Count(d => d.Label)} Yes), {set.Names.Length} distinct features");

        var oof = OutOfFold(set, options);
        if (options.OutOfFoldFile is { } oofFile)
        {
            File.WriteAllLines(oofFile, examples.Select((e, i) => string.Format(inv, "{0}\t{1:0.000}\t{2}", e.IsAsk ? "Yes" : "No", oof[i], e.Sentence)));
        }
        double threshold = PickThreshold(set, oof, options);
        var cv = Measure(set.Data, oof, threshold);
        Console.WriteLine(Measure(set.Data, oof, 0.5).Summary($"cv{options.Folds} @0.50"));
        Console.WriteLine(cv.Summary(string.Format(inv, "cv{0} @{1:0.00}", options.Folds, threshold)));
        if (options.DeploymentPrior is { } prior)
        {
            int pos = set.Data.Count(d => d.Label);
            double w = prior / (1 - prior) / ((double)pos / (set.Data.Length - pos));
            Console.WriteLine(string.Format(inv, "cv{0} @{1:0.00}: f1={2:0.000} with asks re-weighted to a prior of {3:0.00}", options.Folds, threshold, WeightedF1(set, oof, threshold, w), prior));
        }

        var final = Train(set.Data, Enumerable.Range(0, set.Data.Length).ToArray(), set.Names.Length, options);
        var fit = set.Data.Select(d => Sigmoid(final.Logit(d.Features))).ToArray();
        Console.WriteLine(Measure(set.Data, fit, threshold).Summary("train (fit)"));

        if (outFile is null)
        {
            return 0;
        }
        double bias = final.Bias - Math.Log(threshold / (1 - threshold));
        int kept = WriteWeights(outFile, trainFile, set.Data.Length, set.Names, final.Weights, bias, threshold, options, cv);
        Console.WriteLine($"train-asks: wrote {outFile}: {kept} weights, {new FileInfo(outFile).Length / 1024.0:0.0} KB");
        return 0;
    }

    /// <summary>Out-of-fold figures of the training procedure on <paramref name="examples"/>: at 0.5, and at the threshold it would pick.</summary>
    public sealed record CrossValidation(IntentEval.Confusion AtHalf, IntentEval.Confusion AtThreshold, double Threshold);

    /// <summary>Runs the cross-validation that <see cref="Run(string, string?, Options)"/> reports, without writing anything.</summary>
    public static CrossValidation CrossValidate(IReadOnlyList<(bool IsAsk, string Sentence)> examples, Options options)
    {
        var set = Prepare(examples);
        var oof = OutOfFold(set, options);
        double threshold = PickThreshold(set, oof, options);
        return new CrossValidation(Measure(set.Data, oof, 0.5), Measure(set.Data, oof, threshold), threshold);
    }

    private sealed record TrainingSet(((int Id, float Count)[] Features, bool Label)[] Data, string[] Names);

    private static TrainingSet Prepare(IReadOnlyList<(bool IsAsk, string Sentence)> examples)
    {
        var features = AskDetector.LoadEnglishFeatures();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var data = examples.Select(e => (Features: Featurize(features, e.Sentence, names), Label: e.IsAsk)).ToArray();
        var nameById = new string[names.Count];
        foreach (var (name, id) in names)
        {
            nameById[id] = name;
        }
        return new TrainingSet(data, nameById);
    }

    /// <summary>K-fold cross-validation: the probability of every sentence from the model trained without its fold.</summary>
    private static double[] OutOfFold(TrainingSet set, Options options)
    {
        var data = set.Data;
        var order = Enumerable.Range(0, data.Length).ToArray();
        new Random(options.Seed).Shuffle(order);
        var oof = new double[data.Length];
        for (int fold = 0; fold < options.Folds; fold++)
        {
            var trainIdx = order.Where((_, k) => k % options.Folds != fold).ToArray();
            var testIdx = order.Where((_, k) => k % options.Folds == fold).ToArray();
            var model = Train(data, trainIdx, set.Names.Length, options);
            foreach (int i in testIdx)
            {
                oof[i] = Sigmoid(model.Logit(data[i].Features));
            }
        }
        return oof;
    }

    /// <summary>
    /// 0.5, unless another threshold in range has an out-of-fold F1 (at <see cref="Options.DeploymentPrior"/>)
    /// better by more than <see cref="Options.ThresholdMargin"/>.
    /// </summary>
    private static double PickThreshold(TrainingSet set, double[] oof, Options options)
    {
        int positives = set.Data.Count(d => d.Label);
        int negatives = set.Data.Length - positives;
        double positiveWeight = options.DeploymentPrior is { } prior && positives > 0 && negatives > 0
            ? prior / (1 - prior) / ((double)positives / negatives)
            : 1;
        double threshold = 0.5;
        double bestF1 = WeightedF1(set, oof, 0.5, positiveWeight) + options.ThresholdMargin;
        for (int step = 0; options.MinThreshold + step * 0.01 <= options.MaxThreshold + 1e-9; step++)
        {
            double t = Math.Round(options.MinThreshold + step * 0.01, 2);
            double f1 = WeightedF1(set, oof, t, positiveWeight);
            if (f1 > bestF1)
            {
                bestF1 = f1;
                threshold = t;
            }
        }
        return threshold;
    }

    private static double WeightedF1(TrainingSet set, double[] p, double threshold, double positiveWeight)
    {
        var c = Measure(set.Data, p, threshold);
        double tp = c.TruePositives * positiveWeight;
        double fn = c.FalseNegatives * positiveWeight;
        double fp = c.FalsePositives;
        return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
    }

    internal static (int Id, float Count)[] Featurize(EnglishAskFeatures features, string sentence, Dictionary<string, int> names)
    {
        var sink = new NameSink(names);
        features.Extract(sentence, ref sink);
        return [.. sink.Counts.Select(kv => (kv.Key, kv.Value)).OrderBy(p => p.Key)];
    }

    private sealed class NameSink(Dictionary<string, int> names) : IAskFeatureSink
    {
        public Dictionary<int, float> Counts { get; } = [];

        public void Add(ReadOnlySpan<char> prefix, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            string name = AskFeatureHash.Name(prefix, a, b);
            if (!names.TryGetValue(name, out int id))
            {
                names[name] = id = names.Count;
            }
            Counts[id] = Counts.GetValueOrDefault(id) + 1;
        }
    }

    internal sealed class Model(double[] weights, double bias)
    {
        public double[] Weights { get; } = weights;

        public double Bias { get; } = bias;

        public double Logit((int Id, float Count)[] x)
        {
            double z = Bias;
            foreach (var (id, v) in x)
            {
                z += Weights[id] * v;
            }
            return z;
        }
    }

    internal static Model Train(((int Id, float Count)[] Features, bool Label)[] data, int[] indices, int dims, Options options)
    {
        // Features seen in fewer than MinCount training sentences get no weight.
        var df = new int[dims];
        foreach (int i in indices)
        {
            foreach (var (id, _) in data[i].Features)
            {
                df[id]++;
            }
        }
        var w = new double[dims];
        var g2 = new double[dims];
        double b = 0;
        double gb2 = 0;
        // Averaged SGD: the returned weights are the mean over all steps (u holds step-weighted updates).
        var u = new double[dims];
        double ub = 0;
        double step = 1;
        const double eps = 1e-8;
        var rng = new Random(options.Seed);
        var order = (int[])indices.Clone();
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            foreach (int i in order)
            {
                var (x, label) = data[i];
                double z = b;
                foreach (var (id, v) in x)
                {
                    if (df[id] >= options.MinCount)
                    {
                        z += w[id] * v;
                    }
                }
                double g = Sigmoid(z) - (label ? 1 : 0);
                foreach (var (id, v) in x)
                {
                    if (df[id] < options.MinCount)
                    {
                        continue;
                    }
                    double grad = g * v + options.L2 * w[id];
                    g2[id] += grad * grad;
                    double delta = options.LearningRate * grad / Math.Sqrt(g2[id] + eps);
                    w[id] -= delta;
                    u[id] -= step * delta;
                }
                gb2 += g * g;
                double deltaB = options.LearningRate * g / Math.Sqrt(gb2 + eps);
                b -= deltaB;
                ub -= step * deltaB;
                step++;
            }
        }
        if (!options.Average)
        {
            return new Model(w, b);
        }
        var avg = new double[dims];
        for (int d = 0; d < dims; d++)
        {
            avg[d] = w[d] - u[d] / step;
        }
        return new Model(avg, b - ub / step);
    }

    private static IntentEval.Confusion Measure(((int Id, float Count)[] Features, bool Label)[] data, double[] p, double threshold)
    {
        var c = new IntentEval.Confusion();
        for (int i = 0; i < data.Length; i++)
        {
            c.Add(data[i].Label, p[i] >= threshold);
        }
        return c;
    }

    private static double Sigmoid(double z) => AskDetector.Sigmoid(z);

    private static int WriteWeights(string outFile, string trainFile, int sentences, string[] names, double[] weights, double bias, double threshold, Options options, IntentEval.Confusion cv)
    {
        var kept = Enumerable.Range(0, names.Length)
            .Where(i => Math.Abs(weights[i]) >= options.Prune)
            .OrderBy(i => names[i], StringComparer.Ordinal)
            .ToArray();
        var inv = CultureInfo.InvariantCulture;
        var dir = Path.GetDirectoryName(Path.GetFullPath(outFile));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }
        using var stream = File.Create(outFile);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("comment", "English ask model: logistic regression over the features of asks-en.json. Generated by `dotnet run --project tests/OutlookCommit.Eval -- train-asks <Ask0729-fixed.txt> <this file>`; do not edit by hand. The bias includes the threshold shift, so the detector decides at probability 0.5.");
        json.WriteString("trainedOn", Path.GetFileName(trainFile));
        json.WriteNumber("sentences", sentences);
        json.WriteString("lexiconSha256", AskDetector.EnglishLexiconSha256());
        json.WriteStartObject("options");
        json.WriteNumber("epochs", options.Epochs);
        json.WriteNumber("learningRate", options.LearningRate);
        json.WriteNumber("l2", options.L2);
        json.WriteNumber("minCount", options.MinCount);
        json.WriteNumber("prune", options.Prune);
        json.WriteNumber("seed", options.Seed);
        if (options.DeploymentPrior is { } prior)
        {
            json.WriteNumber("deploymentPrior", prior);
        }
        json.WriteEndObject();
        json.WriteNumber("cvThreshold", threshold);
        json.WriteString("cv", cv.Summary($"cv{options.Folds}"));
        json.WriteNumber("bias", Math.Round(bias, 4));
        json.WriteStartObject("weights");
        foreach (int i in kept)
        {
            // Four decimals: plenty for a linear model and keeps the file small.
            json.WritePropertyName(names[i]);
            json.WriteRawValue(Math.Round(weights[i], 4).ToString("0.####", inv));
        }
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
        return kept.Length;
    }
}
