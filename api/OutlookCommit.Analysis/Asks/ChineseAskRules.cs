using System.Text.Json;
using System.Text.RegularExpressions;

namespace OutlookCommit.Analysis.Asks;

/// <summary>
/// Weighted rules for Simplified Chinese from <c>Lexicons/asks-zh.json</c>: the logit is the bias
/// plus the weight of every rule that matches (each at most once).
/// </summary>
internal sealed class ChineseAskRules
{
    /// <summary>Only this many characters of a sentence are read.</summary>
    public const int MaxChars = 1000;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly double bias;
    private readonly Rule[] rules;

    private sealed record Rule(string Id, double Weight, Regex? Pattern, string? Text);

    private ChineseAskRules(double bias, Rule[] rules)
    {
        this.bias = bias;
        this.rules = rules;
    }

    public static ChineseAskRules Load(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        double bias = root.GetProperty("bias").GetDouble();
        var rules = new List<Rule>();
        foreach (var r in root.GetProperty("rules").EnumerateArray())
        {
            string id = r.GetProperty("id").GetString() ?? string.Empty;
            double weight = r.GetProperty("weight").GetDouble();
            Regex? regex = null;
            string? text = null;
            if (r.TryGetProperty("regex", out var re))
            {
                regex = new Regex(
                    re.GetString() ?? string.Empty,
                    RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
                    MatchTimeout);
            }
            else
            {
                text = r.GetProperty("text").GetString();
                if (string.IsNullOrEmpty(text))
                {
                    throw new InvalidDataException($"asks-zh.json: rule '{id}' has neither regex nor text");
                }
            }
            rules.Add(new Rule(id, weight, regex, text));
        }
        return new ChineseAskRules(bias, [.. rules]);
    }

    /// <summary>The compiled patterns of the regex rules.</summary>
    internal IEnumerable<Regex> Patterns => rules.Where(r => r.Pattern is not null).Select(r => r.Pattern!);

    /// <summary>The logit: bias plus the weights of the matching rules.</summary>
    public double Logit(ReadOnlySpan<char> sentence)
    {
        sentence = sentence.Trim();
        if (sentence.Length > MaxChars)
        {
            sentence = sentence[..MaxChars];
        }
        double sum = bias;
        foreach (var rule in rules)
        {
            if (Matches(rule, sentence))
            {
                sum += rule.Weight;
            }
        }
        return sum;
    }

    /// <summary>The ids of the rules that match; for diagnostics.</summary>
    public IEnumerable<string> Explain(string sentence)
    {
        var span = sentence.AsSpan().Trim();
        if (span.Length > MaxChars)
        {
            span = span[..MaxChars];
        }
        var hits = new List<string>();
        foreach (var rule in rules)
        {
            if (Matches(rule, span))
            {
                hits.Add($"{rule.Id}({rule.Weight:+0.0;-0.0})");
            }
        }
        return hits;
    }

    private static bool Matches(Rule rule, ReadOnlySpan<char> sentence)
    {
        if (rule.Text is not null)
        {
            return sentence.Contains(rule.Text, StringComparison.Ordinal);
        }
        try
        {
            return rule.Pattern!.IsMatch(sentence);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
