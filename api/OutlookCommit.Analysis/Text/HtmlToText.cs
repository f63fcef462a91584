using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Analysis.Text;

/// <summary>
/// Converts an HTML body to plain text with a real HTML parser, keeping the line structure a reader
/// sees and remembering which runs came from quoting containers (blockquote, Gmail and Outlook reply blocks).
/// </summary>
public static class HtmlToText
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "hr", "section", "article", "header", "footer", "dd", "dt", "address",
    };

    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "head", "title", "template", "noscript", "svg", "object", "iframe",
    };

    public sealed record Result(string Text, IReadOnlyList<IgnoredRange> QuotedRanges);

    /// <summary>Nesting past this is flattened before parsing (<see cref="HtmlNesting"/>); the walker reads 200 levels.</summary>
    private const int MaxParseDepth = 256;

    /// <summary>
    /// A safety net for any other shape the tree builder is slow on: past this the body is read as text with its
    /// tags stripped (quote containers are then not recognised, text markers still are). Mail parses at several MB/s,
    /// so 100 ms plus 1 ms per KB, at most 1 s, leaves a real mail ample room and bounds a hostile one by its size.
    /// </summary>
    private static TimeSpan ParseBudget(int length) => TimeSpan.FromMilliseconds(Math.Min(1000, 100 + length / 1024));

    public static Result Convert(string html)
    {
        IDocument document;
        using (var budget = new CancellationTokenSource(ParseBudget(html.Length)))
        {
            try
            {
                // A string source is parsed synchronously; the async overload is the one that honours a token.
                document = Parser.ParseDocumentAsync(HtmlNesting.Limit(html, MaxParseDepth), budget.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                return new Result(HtmlNesting.StripTags(html, BlockElements.Contains).TrimEnd(), []);
            }
        }
        var writer = new Writer();
        var root = (INode?)document.Body ?? document.DocumentElement;
        if (root is not null) writer.Walk(root, insideQuote: false, depth: 0);
        return writer.Finish();
    }

    /// <summary>True for the containers mail clients wrap quoted or forwarded messages in.</summary>
    private static bool IsQuoteContainer(IElement element)
    {
        var name = element.LocalName;
        if (name == "blockquote") return true;
        var id = element.Id ?? "";
        var cls = element.ClassName ?? "";
        return id.Equals("divRplyFwdMsg", StringComparison.OrdinalIgnoreCase)
            || id.Equals("appendonsend", StringComparison.OrdinalIgnoreCase)
            || cls.Contains("gmail_quote", StringComparison.OrdinalIgnoreCase)
            || cls.Contains("moz-cite-prefix", StringComparison.OrdinalIgnoreCase)
            || cls.Contains("yahoo_quoted", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Outlook starts the quoted message at divRplyFwdMsg and leaves the rest of the body as siblings.</summary>
    private static bool QuotesEverythingAfter(IElement element) =>
        (element.Id ?? "").Equals("divRplyFwdMsg", StringComparison.OrdinalIgnoreCase)
        || (element.Id ?? "").Equals("appendonsend", StringComparison.OrdinalIgnoreCase);

    private sealed class Writer
    {
        private const int MaxDepth = 200;
        private readonly StringBuilder _text = new();
        private readonly List<IgnoredRange> _quoted = [];
        private int? _quoteFromHereToEnd;

        public void Walk(INode node, bool insideQuote, int depth)
        {
            if (depth > MaxDepth) return;
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        AppendInline(text.Data);
                        break;
                    case IElement element:
                        WalkElement(element, insideQuote, depth);
                        break;
                }
            }
        }

        private void WalkElement(IElement element, bool insideQuote, int depth)
        {
            if (SkippedElements.Contains(element.LocalName)) return;
            var isBlock = BlockElements.Contains(element.LocalName);
            var startsQuote = !insideQuote && IsQuoteContainer(element);
            if (isBlock) NewLine();
            if (startsQuote && QuotesEverythingAfter(element) && _quoteFromHereToEnd is null)
                _quoteFromHereToEnd = _text.Length;
            var start = _text.Length;
            if (element.LocalName == "li") _text.Append("- ");
            Walk(element, insideQuote || startsQuote, depth + 1);
            if (element.LocalName is "td" or "th") _text.Append(' ');
            if (isBlock) NewLine();
            if (startsQuote && _text.Length > start) _quoted.Add(new IgnoredRange(start, _text.Length, IgnoredKind.Quote));
        }

        private void AppendInline(string data)
        {
            foreach (var ch in data)
            {
                // HTML collapses white space; non-breaking spaces are spaces to a reader.
                if (char.IsWhiteSpace(ch) || ch == '\u00A0')
                {
                    if (_text.Length > 0 && _text[^1] != ' ' && _text[^1] != '\n') _text.Append(' ');
                }
                else _text.Append(ch);
            }
        }

        private void NewLine()
        {
            while (_text.Length > 0 && _text[^1] == ' ') _text.Length--;
            if (_text.Length > 0 && _text[^1] != '\n') _text.Append('\n');
        }

        public Result Finish()
        {
            if (_quoteFromHereToEnd is int from && from < _text.Length)
                _quoted.Add(new IgnoredRange(from, _text.Length, IgnoredKind.Quote));
            var text = _text.ToString();
            var trimmedEnd = text.TrimEnd().Length;
            var ranges = _quoted
                .Select(r => r with { End = Math.Min(r.End, trimmedEnd) })
                .Where(r => r.End > r.Start)
                .ToList();
            return new Result(text[..trimmedEnd], ranges);
        }
    }
}
