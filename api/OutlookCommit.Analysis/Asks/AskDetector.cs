using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text.Json;

[assembly: InternalsVisibleTo("OutlookCommit.Eval")]
[assembly: InternalsVisibleTo("OutlookCommit.Analysis.Tests")]

namespace OutlookCommit.Analysis.Asks;

/// <summary>
/// Decides whether a sentence asks the recipient to do something or to respond ("Could you send
/// the deck by Friday?", "Please advise.", 请您确认参会人员, 您看这个时间可以吗？), as opposed to
/// a statement, a commitment of the writer's own, thanks, or a vague wish.
/// </summary>
/// <remarks>
/// A sentence with any CJK ideograph goes to the Chinese rules (<c>Lexicons/asks-zh.json</c>);
/// any other to the English linear model (features from <c>Lexicons/asks-en.json</c>, weights in
/// <c>Lexicons/asks-en-weights.json</c>, trained on the Parakweet email-intent dev split by the
/// Eval program's <c>train-asks</c> command). Both give a logit; <see cref="Score"/> is its
/// logistic, in [0, 1], and a sentence is an ask when the score is at least 0.5. Thread-safe,
/// never throws, allocation-free per call for English; at most the first 1,000 characters of a
/// sentence are read.
/// </remarks>
public sealed class AskDetector
{
    /// <summary><see cref="IsAsk"/> is <c>Score(sentence) &gt;= Threshold</c>.</summary>
    internal const double Threshold = 0.5;

    internal const string EnglishLexiconResource = "asks-en.json";
    internal const string EnglishWeightsResource = "asks-en-weights.json";
    internal const string ChineseRulesResource = "asks-zh.json";

    private static readonly Lazy<AskDetector> DefaultInstance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly EnglishAskFeatures englishFeatures;
    private readonly FrozenDictionary<ulong, float> englishWeights;
    private readonly double englishBias;
    private readonly ChineseAskRules chineseRules;

    private AskDetector(EnglishAskFeatures englishFeatures, FrozenDictionary<ulong, float> englishWeights, double englishBias, ChineseAskRules chineseRules, string? weightsLexiconSha256)
    {
        this.englishFeatures = englishFeatures;
        this.englishWeights = englishWeights;
        this.englishBias = englishBias;
        this.chineseRules = chineseRules;
        WeightsLexiconSha256 = weightsLexiconSha256;
    }

    /// <summary>The detector built from the embedded lexicons and weights; loaded once, on first use.</summary>
    public static AskDetector Default => DefaultInstance.Value;

    /// <summary>The SHA-256 of the English lexicon the embedded weights were trained with.</summary>
    internal string? WeightsLexiconSha256 { get; }

    internal EnglishAskFeatures EnglishFeatures => englishFeatures;

    internal ChineseAskRules ChineseRules => chineseRules;

    /// <summary>Does this sentence ask the recipient to do something or to respond?</summary>
    public bool IsAsk(string sentence) => Score(sentence) >= Threshold;

    /// <summary>The probability-like score in [0, 1] behind <see cref="IsAsk"/>; 0 for null or blank input.</summary>
    public double Score(string sentence)
    {
        if (string.IsNullOrEmpty(sentence))
        {
            return 0;
        }
        try
        {
            var span = sentence.AsSpan();
            if (span.Length > EnglishAskFeatures.MaxChars)
            {
                span = span[..EnglishAskFeatures.MaxChars];
            }
            if (span.IsWhiteSpace())
            {
                return 0;
            }
            double logit = HasCjkIdeograph(span) ? chineseRules.Logit(span) : EnglishLogit(span);
            return Sigmoid(logit);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Defensive: no input may break the caller's analysis.
            return 0;
        }
    }

    internal double EnglishLogit(ReadOnlySpan<char> sentence)
    {
        var sink = new ScoreSink(englishWeights);
        englishFeatures.Extract(sentence, ref sink);
        return englishBias + sink.Sum;
    }

    internal static double Sigmoid(double x) => x switch
    {
        > 40 => 1,
        < -40 => 0,
        _ => 1 / (1 + Math.Exp(-x)),
    };

    internal static bool HasCjkIdeograph(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if ((c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF'))
            {
                return true;
            }
            // Extension B and beyond: U+20000–U+3FFFF, high surrogates D840–D8BF.
            if (c >= '\uD840' && c <= '\uD8BF' && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                return true;
            }
        }
        return false;
    }

    private struct ScoreSink(FrozenDictionary<ulong, float> weights) : IAskFeatureSink
    {
        public double Sum;

        public void Add(ReadOnlySpan<char> prefix, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            if (weights.TryGetValue(AskFeatureHash.Of(prefix, a, b), out float w))
            {
                Sum += w;
            }
        }
    }

    internal static byte[] ReadResource(string fileName)
    {
        var asm = typeof(AskDetector).Assembly;
        // LogicalName is OutlookCommit.Analysis.Lexicons.<RecursiveDir><File>; match the file name at the end.
        string? name = asm.GetManifestResourceNames().FirstOrDefault(n =>
            n.EndsWith("Lexicons." + fileName, StringComparison.Ordinal)
            || n.EndsWith("Lexicons/" + fileName, StringComparison.Ordinal)
            || n.EndsWith("Lexicons\\" + fileName, StringComparison.Ordinal));
        if (name is null)
        {
            throw new InvalidOperationException($"Embedded resource Lexicons/{fileName} is missing from {asm.GetName().Name}.");
        }
        using var stream = asm.GetManifestResourceStream(name)!;
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    internal static EnglishAskFeatures LoadEnglishFeatures() => EnglishAskFeatures.Load(ReadResource(EnglishLexiconResource));

    internal static string EnglishLexiconSha256() => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ReadResource(EnglishLexiconResource)));

    private static AskDetector Load()
    {
        var features = LoadEnglishFeatures();
        var chinese = ChineseAskRules.Load(ReadResource(ChineseRulesResource));

        var reader = new Utf8JsonReader(ReadResource(EnglishWeightsResource), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        double bias = root.GetProperty("bias").GetDouble();
        string? sha = root.TryGetProperty("lexiconSha256", out var s) ? s.GetString() : null;
        var weights = new Dictionary<ulong, float>();
        foreach (var p in root.GetProperty("weights").EnumerateObject())
        {
            ulong key = AskFeatureHash.Of(p.Name);
            weights[key] = weights.GetValueOrDefault(key) + (float)p.Value.GetDouble();
        }
        return new AskDetector(features, weights.ToFrozenDictionary(), bias, chinese, sha);
    }
}
