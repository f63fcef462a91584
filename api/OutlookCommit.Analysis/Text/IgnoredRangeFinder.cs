using System.Text.RegularExpressions;
using OutlookCommit.Analysis.Lexicons;
using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Analysis.Text;

/// <summary>Finds the parts of a body that are context, not the rep's new text: quotes, forwards, signatures.</summary>
public sealed class IgnoredRangeFinder
{
    private sealed record MarkersFile(
        string[] QuoteToEnd, string[] ForwardToEnd, string[] HeaderFrom, string[] HeaderSent,
        string[] QuoteLine, string[] SignatureDelimiter, string[] SignOff, string[] InlineSignOff, string[] ContactLine);

    private const int HeaderLookahead = 5;
    private const int MaxSignatureLines = 8;
    private const int MaxSignatureLineLength = 120;

    private readonly Regex? _quoteToEnd, _forwardToEnd, _headerFrom, _headerSent, _quoteLine, _delimiter, _signOff, _inlineSignOff, _contact;

    public IgnoredRangeFinder()
    {
        var m = EmbeddedData.Load<MarkersFile>("markers.json");
        _quoteToEnd = EmbeddedData.CompileAny(m.QuoteToEnd);
        _forwardToEnd = EmbeddedData.CompileAny(m.ForwardToEnd);
        _headerFrom = EmbeddedData.CompileAny(m.HeaderFrom);
        _headerSent = EmbeddedData.CompileAny(m.HeaderSent);
        _quoteLine = EmbeddedData.CompileAny(m.QuoteLine);
        _delimiter = EmbeddedData.CompileAny(m.SignatureDelimiter);
        _signOff = EmbeddedData.CompileAny(m.SignOff);
        _contact = EmbeddedData.CompileAny(m.ContactLine);
        _inlineSignOff = EmbeddedData.CompileAny(m.InlineSignOff);
    }

    /// <summary>Ranges of <paramref name="body"/> (offsets relative to it) that are not the rep's new text.</summary>
    public List<IgnoredRange> Find(string body, IEnumerable<IgnoredRange> alreadyQuoted)
    {
        var lines = Lines.Split(body);
        var ranges = alreadyQuoted.ToList();

        // The first quote or forward header ends the rep's text: everything below it is the thread.
        var quoteStartLine = lines.Count;
        for (var i = 0; i < lines.Count; i++)
        {
            var kind = HeaderKind(lines, i);
            if (kind is null) continue;
            quoteStartLine = i;
            ranges.Add(new IgnoredRange(lines[i].Start, body.Length, kind.Value));
            break;
        }
        foreach (var r in ranges.Where(r => r.Kind != IgnoredKind.Signature).ToList())
        {
            // An HTML quote container also ends the rep's own part for signature purposes.
            var line = lines.FindIndex(l => l.End > r.Start);
            if (line >= 0 && line < quoteStartLine && r.End >= TrimmedEnd(body)) quoteStartLine = line;
        }

        for (var i = 0; i < quoteStartLine; i++)
            if (SafeRegex.IsMatch(_quoteLine, lines[i].Text))
                ranges.Add(new IgnoredRange(lines[i].Start, lines[i].End, IgnoredKind.Quote));

        var signatureStart = FindSignatureStart(lines, quoteStartLine);
        if (signatureStart is int s)
        {
            var end = quoteStartLine < lines.Count ? lines[quoteStartLine].Start : body.Length;
            if (end > lines[s].Start) ranges.Add(new IgnoredRange(lines[s].Start, end, IgnoredKind.Signature));
        }
        else if (LastTextLine(lines, quoteStartLine) is { } last && SafeRegex.First(_inlineSignOff, last.Text) is { } inline)
        {
            ranges.Add(new IgnoredRange(last.Start + inline.Index, last.End, IgnoredKind.Signature));
        }
        return Normalize(ranges);
    }

    private IgnoredKind? HeaderKind(List<Line> lines, int i)
    {
        var text = lines[i].Text;
        if (text.Length > 400) return null;
        if (SafeRegex.IsMatch(_forwardToEnd, text)) return IgnoredKind.Forward;
        if (SafeRegex.IsMatch(_quoteToEnd, text)) return IgnoredKind.Quote;
        // "On Tue, Dec 1, 2026 at 9:14 AM Ken Adams <ken@x.com>" wrapped before "wrote:".
        if (i + 1 < lines.Count && text.TrimStart().StartsWith("On ", StringComparison.OrdinalIgnoreCase)
            && SafeRegex.IsMatch(_quoteToEnd, text + " " + lines[i + 1].Text.Trim())) return IgnoredKind.Quote;
        if (SafeRegex.IsMatch(_headerFrom, text))
        {
            for (var j = i + 1; j < Math.Min(lines.Count, i + HeaderLookahead); j++)
                if (SafeRegex.IsMatch(_headerSent, lines[j].Text)) return IgnoredKind.Quote;
        }
        return null;
    }

    /// <summary>
    /// A signature is a delimiter line, or a sign-off ("Best,", 祝好) followed by a few short lines,
    /// or a trailing block of contact lines (phone, office hours, "Name | Title").
    /// </summary>
    /// <summary>
    /// "刘洋 / 手机：139… / 春节放假安排：2月5日-2月12日": a name line followed by a contact line opens the signature even
    /// when other short lines (a holiday schedule, an out-of-office note) follow the contact lines.
    /// </summary>
    private int? FindNameAndContactBlock(List<Line> lines, int last)
    {
        for (var i = Math.Max(1, last - MaxSignatureLines + 1); i <= last; i++)
        {
            if (!SafeRegex.IsMatch(_contact, lines[i].Text)) continue;
            var name = lines[i - 1].Text.Trim();
            if (name.Length is 0 or > 40 || name.EndsWith('?') || Sentences.EndsSentence(name)) continue;
            if (lines.Skip(i).Take(last - i + 1).All(l => l.Text.Length <= MaxSignatureLineLength)) return i - 1;
        }
        return null;
    }

    private int? FindSignatureStart(List<Line> lines, int endLine)
    {
        for (var i = 0; i < endLine; i++)
            if (SafeRegex.IsMatch(_delimiter, lines[i].Text)) return i;

        var last = endLine - 1;
        while (last >= 0 && string.IsNullOrWhiteSpace(lines[last].Text)) last--;
        if (last < 0) return null;

        for (var i = Math.Max(0, last - MaxSignatureLines); i <= last; i++)
        {
            if (!SafeRegex.IsMatch(_signOff, lines[i].Text)) continue;
            var after = lines.Skip(i + 1).Take(last - i).Where(l => !string.IsNullOrWhiteSpace(l.Text)).ToList();
            if (after.All(l => l.Text.Length <= MaxSignatureLineLength)) return i;
        }

        var start = last + 1;
        for (var i = last; i >= 0 && last - i < MaxSignatureLines; i--)
        {
            if (string.IsNullOrWhiteSpace(lines[i].Text)) continue;
            if (!SafeRegex.IsMatch(_contact, lines[i].Text)) break;
            start = i;
        }
        if (start > last) return FindNameAndContactBlock(lines, last);
        // A name line just above the contact lines belongs to the signature too.
        var above = start - 1;
        if (above >= 0 && lines[above].Text.Trim().Length is > 0 and <= 40 && !lines[above].Text.TrimEnd().EndsWith('?')
            && !Sentences.EndsSentence(lines[above].Text.TrimEnd())) start = above;
        return start;
    }

    private static Line? LastTextLine(List<Line> lines, int endLine)
    {
        for (var i = endLine - 1; i >= 0; i--)
            if (!string.IsNullOrWhiteSpace(lines[i].Text)) return lines[i];
        return null;
    }

    private static int TrimmedEnd(string s) => s.TrimEnd().Length;

    /// <summary>Sorted, merged, non-overlapping.</summary>
    public static List<IgnoredRange> Normalize(List<IgnoredRange> ranges)
    {
        var sorted = ranges.Where(r => r.End > r.Start).OrderBy(r => r.Start).ThenByDescending(r => r.End).ToList();
        var result = new List<IgnoredRange>();
        foreach (var r in sorted)
        {
            if (result.Count > 0 && r.Start < result[^1].End)
            {
                if (r.End > result[^1].End) result[^1] = result[^1] with { End = r.End };
                continue;
            }
            result.Add(r);
        }
        return result;
    }
}

public readonly record struct Line(int Start, int End, string Text);

public static class Lines
{
    public static List<Line> Split(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
            lines.Add(new Line(start, end, text[start..end]));
            start = i + 1;
        }
        return lines;
    }
}
