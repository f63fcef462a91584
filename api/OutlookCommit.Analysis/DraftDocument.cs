using OutlookCommit.Analysis.Lexicons;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis;

/// <summary>
/// A draft read for analysis: the analyzed text (subject, blank line, body), what of it is context
/// (quotes, signatures), and the rep's own sentences.
/// </summary>
public sealed class DraftDocument
{
    /// <summary>The engine keeps at most this much body text (quoted thread included); the rest is cut and flagged.</summary>
    public const int MaxBodyChars = 200_000;
    /// <summary>
    /// Of the rep's own text, at most this much is analyzed: a follow-up is a few paragraphs, and date recognition
    /// costs milliseconds per clause. Sentences past it are dropped and the analysis is flagged as truncated.
    /// </summary>
    public const int MaxLiveChars = 6_000;
    public const int MaxSubjectChars = 1_000;

    public required Draft Draft { get; init; }
    /// <summary>The analyzed text as matched (<see cref="MatchingText"/>: same length and offsets).</summary>
    public required string Text { get; init; }
    /// <summary>The analyzed text as the rep wrote it; the same instance as <see cref="Text"/> when nothing was folded.</summary>
    public string OriginalText { get; init; } = "";
    public bool Folded => !ReferenceEquals(OriginalText, Text) && OriginalText.Length == Text.Length;
    public required int BodyStart { get; init; }
    public required IReadOnlyList<IgnoredRange> Ignored { get; init; }
    public required bool Truncated { get; init; }
    public required IReadOnlyList<Sentence> Sentences { get; init; }
    /// <summary>The salutation ("Hi Anna,", 张总，): names in it address the reader, they are not participants.</summary>
    public required (int Start, int End) Greeting { get; init; }
    public required string Language { get; init; }

    public string this[Sentence s] => Text[s.Start..s.End];

    public IEnumerable<Sentence> BodySentences => Sentences.Where(s => !s.IsSubject);

    /// <summary>The runs of the body that are the rep's own text.</summary>
    public IEnumerable<(int Start, int End)> LiveBodyRuns()
    {
        var position = BodyStart;
        foreach (var range in Ignored)
        {
            if (range.Start > position) yield return (position, range.Start);
            position = Math.Max(position, range.End);
        }
        if (Text.Length > position) yield return (position, Text.Length);
    }

    public static DraftDocument Read(Draft draft, IgnoredRangeFinder ignoredFinder, Lexicon lexicon)
    {
        var subject = Clean(draft.Subject ?? "", MaxSubjectChars, out _).Replace('\n', ' ');
        var rawBody = draft.Body ?? "";
        var truncated = false;
        if (rawBody.Length > MaxBodyChars * 4) { rawBody = rawBody[..(MaxBodyChars * 4)]; truncated = true; }

        string body;
        List<IgnoredRange> quoted = [];
        if (draft.BodyType == BodyType.Html)
        {
            var converted = HtmlToText.Convert(rawBody);
            body = converted.Text;
            quoted.AddRange(converted.QuotedRanges);
        }
        else body = rawBody;

        body = Clean(body, MaxBodyChars, out var cut);
        truncated |= cut;
        quoted = quoted.Where(r => r.Start < body.Length).Select(r => r with { End = Math.Min(r.End, body.Length) }).ToList();

        var bodyStart = subject.Length == 0 ? 0 : subject.Length + 2;
        var originalText = subject.Length == 0 ? body : subject + "\n\n" + body;
        // Traditional Chinese is matched as simplified, ’ as '; the original is kept for what the rep sees.
        var (foldedSubject, foldedBody) = (MatchingText.Fold(subject), MatchingText.Fold(body));
        var text = ReferenceEquals(foldedSubject, subject) && ReferenceEquals(foldedBody, body) ? originalText
            : foldedSubject.Length == 0 ? foldedBody : foldedSubject + "\n\n" + foldedBody;
        body = foldedBody;
        draft = FoldNames(draft);
        var ignored = ignoredFinder.Find(body, quoted)
            .Select(r => new IgnoredRange(r.Start + bodyStart, r.End + bodyStart, r.Kind))
            .ToList();

        var document = new DraftDocument
        {
            Draft = draft,
            Text = text,
            BodyStart = bodyStart,
            Ignored = ignored,
            Truncated = truncated,
            Sentences = [],
            Greeting = (bodyStart, bodyStart),
            Language = "en",
        };
        var sentences = new List<Sentence>();
        if (subject.Length > 0) sentences.AddRange(OutlookCommit.Analysis.Text.Sentences.Split(text, 0, subject.Length, isSubject: true));
        var budget = MaxLiveChars;
        foreach (var (start, end) in document.LiveBodyRuns())
            foreach (var sentence in OutlookCommit.Analysis.Text.Sentences.Split(text, start, end))
            {
                if (budget <= 0) { truncated = true; break; }
                var length = Math.Min(sentence.End - sentence.Start, budget);
                // A cut never splits a surrogate pair (an emoji), or the last sentence would end in half of one.
                if (length > 1 && length < sentence.End - sentence.Start && char.IsHighSurrogate(text[sentence.Start + length - 1])) length--;
                if (length < sentence.End - sentence.Start) truncated = true;
                sentences.Add(sentence with { End = sentence.Start + length });
                budget -= length;
            }

        var languageParts = sentences.Select(s => (s.Start, s.End)).ToList();
        return new DraftDocument
        {
            Draft = draft,
            Text = text,
            OriginalText = originalText,
            BodyStart = bodyStart,
            Ignored = ignored,
            Truncated = truncated,
            Sentences = sentences,
            Greeting = FindGreeting(text, document.LiveBodyRuns().FirstOrDefault(), lexicon),
            Language = LanguageDetector.Detect(text, languageParts),
        };
    }

    /// <summary>Names and the place read the same way as the text (陳經理 on the To line is 陈经理 in the folded text).</summary>
    private static Draft FoldNames(Draft draft)
    {
        static bool Changes(string? s) => s is not null && !ReferenceEquals(MatchingText.Fold(s), s);
        if (!draft.Everyone.Any(p => Changes(p.Name)) && !Changes(draft.Location)) return draft;
        static IReadOnlyList<EmailAddress>? Fold(IReadOnlyList<EmailAddress>? people) =>
            people?.Select(p => p with { Name = p.Name is null ? null : MatchingText.Fold(p.Name) }).ToList();
        return draft with
        {
            To = Fold(draft.To),
            Cc = Fold(draft.Cc),
            Attendees = Fold(draft.Attendees),
            OptionalAttendees = Fold(draft.OptionalAttendees),
            Location = draft.Location is null ? null : MatchingText.Fold(draft.Location),
        };
    }

    private static (int Start, int End) FindGreeting(string text, (int Start, int End) firstRun, Lexicon lexicon)
    {
        if (firstRun.End <= firstRun.Start) return (firstRun.Start, firstRun.Start);
        var start = firstRun.Start;
        while (start < firstRun.End && char.IsWhiteSpace(text[start])) start++;
        var length = Math.Min(firstRun.End - start, 80);
        var match = lexicon.Matches("greeting", text, start, length).FirstOrDefault(m => m.Index == start);
        return match is null ? (start, start) : (start, start + match.Length);
    }

    /// <summary>Normalizes line ends, drops control characters and caps the length.</summary>
    private static string Clean(string value, int max, out bool cut)
    {
        cut = value.Length > max;
        if (cut) value = value[..max];
        var builder = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r') { if (i + 1 >= value.Length || value[i + 1] != '\n') builder.Append('\n'); continue; }
            if (c is '\u2028' or '\u2029') { builder.Append('\n'); continue; }
            if (char.IsControl(c) && c is not '\n' and not '\t') { builder.Append(' '); continue; }
            if (char.IsHighSurrogate(c) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))) { builder.Append('\uFFFD'); continue; }
            if (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]))) { builder.Append('\uFFFD'); continue; }
            builder.Append(c == '\t' ? ' ' : c);
        }
        if (builder.Length > 0 && char.IsHighSurrogate(builder[^1])) builder.Length--;
        return builder.ToString();
    }
}
