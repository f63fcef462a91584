using System.Text;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Lexicons;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Fuzz;

/// <summary>
/// One fuzz input through the engine's first step: the bytes as an HTML body and as a plain-text body, read into a
/// <see cref="DraftDocument"/> (HTML to text, control characters, quotes, forwards, signatures, sentences). Any
/// exception, or an offset the later stages could not trust, is a finding: it is thrown so afl-fuzz records a crash.
/// </summary>
public static class DocumentTarget
{
    // Built once per process: compiling the lexicons takes seconds, an input takes microseconds.
    private static readonly Lexicon Lexicon = new();
    private static readonly IgnoredRangeFinder Finder = new();
    private static readonly DateTimeOffset Reference = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));

    public static void Run(ReadOnlySpan<byte> input)
    {
        // Invalid UTF-8 becomes U+FFFD, as it would in the JSON the API reads.
        var text = Encoding.UTF8.GetString(input);
        // The first line, when short, is the subject: it lets the fuzzer vary the subject/body split too.
        var newline = text.IndexOf('\n');
        var (subject, body) = newline is > 0 and < 200 ? (text[..newline], text[(newline + 1)..]) : ("", text);

        Check(HtmlToText.Convert(body), body);
        foreach (var type in new[] { BodyType.Html, BodyType.Text })
        {
            var draft = new Draft { Subject = subject, Body = body, BodyType = type, ReferenceTime = Reference };
            Check(DraftDocument.Read(draft, Finder, Lexicon));
        }
    }

    private static void Check(HtmlToText.Result result, string html)
    {
        foreach (var r in result.QuotedRanges)
            Require(0 <= r.Start && r.Start < r.End && r.End <= result.Text.Length, $"quoted range {r} outside the text ({result.Text.Length})");
        Require(result.Text.Length <= html.Length * 4 + 16, "the text of an HTML body is far longer than the body");
    }

    private static void Check(DraftDocument d)
    {
        var length = d.Text.Length;
        Require(0 <= d.BodyStart && d.BodyStart <= length, $"body start {d.BodyStart} outside the text ({length})");
        var previousEnd = d.BodyStart;
        foreach (var r in d.Ignored)
        {
            Require(previousEnd <= r.Start && r.Start < r.End && r.End <= length, $"ignored range {r} unsorted, overlapping or outside [{d.BodyStart}, {length}]");
            previousEnd = r.End;
        }
        foreach (var s in d.Sentences)
        {
            Require(0 <= s.Start && s.Start < s.End && s.End <= length, $"sentence {s} outside the text ({length})");
            Require(s.IsSubject ? s.End <= d.BodyStart : s.Start >= d.BodyStart, $"sentence {s} on the wrong side of the body start {d.BodyStart}");
            Require(s.IsSubject || !d.Ignored.Any(r => r.Start < s.End && s.Start < r.End), $"sentence {s} overlaps ignored text");
        }
        // An empty greeting overlaps nothing (a body that is all quote gets (0, 0)); a real one lies in the body.
        Require(d.Greeting.Start == d.Greeting.End || (d.BodyStart <= d.Greeting.Start && d.Greeting.Start < d.Greeting.End && d.Greeting.End <= length),
            $"greeting {d.Greeting} outside the body");
        Require(d.Language is "en" or "zh" or "mixed", $"language {d.Language}");
        for (var i = 0; i < length; i++)
        {
            var c = d.Text[i];
            Require(!char.IsControl(c) || c == '\n', $"control character U+{(int)c:X4} left at {i}");
            if (char.IsHighSurrogate(c)) Require(i + 1 < length && char.IsLowSurrogate(d.Text[i + 1]), $"lone high surrogate at {i}");
            else if (char.IsLowSurrogate(c)) Require(i > 0 && char.IsHighSurrogate(d.Text[i - 1]), $"lone low surrogate at {i}");
        }
    }

    private static void Require(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException("Fuzz invariant broken: " + what);
    }
}
