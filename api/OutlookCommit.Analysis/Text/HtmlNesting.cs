using System.Net;
using System.Text;

namespace OutlookCommit.Analysis.Text;

/// <summary>
/// A linear pre-pass over HTML before it reaches the parser. The HTML tree builder checks the stack of open
/// elements on every block start tag, so a body of tens of thousands of unclosed &lt;div&gt;s costs time
/// quadratic in its length (a 450 KB one took a minute). Nesting deeper than anyone can read is flattened here:
/// start tags past <c>maxDepth</c> open elements are dropped (their text is kept), with their end tags.
/// </summary>
public static class HtmlNesting
{
    private enum TagKind { Start, End, Other }

    // Void elements never hold children; these elements with optional end tags close each other ("<p><p>",
    // "<td><td>") or live in tables, whose scope keeps the tree builder's walks short, so neither adds to the depth.
    // Everything else, unknown names included, does; li, dt and dd are modelled below.
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
        "meta", "param", "source", "track", "wbr",
        "p", "option", "optgroup", "rb", "rp", "rt", "rtc", "tr", "td", "th", "tbody", "thead",
        "tfoot", "colgroup", "caption", "html", "head", "body",
    };

    // The HTML standard's "special" elements: an end tag for anything else stops at them, and an li, dt or dd start
    // tag looks for an open one to close only down to them (address, div and p excepted).
    private static readonly HashSet<string> Special = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button",
        "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption",
        "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr",
        "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav",
        "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section",
        "select", "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
        "title", "tr", "track", "ul", "wbr", "xmp",
    };

    // Their content is text up to their own end tag, never markup.
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
    };

    /// <summary>The HTML with nesting past <paramref name="maxDepth"/> flattened; the same string when none is.</summary>
    public static string Limit(string html, int maxDepth)
    {
        var open = new List<string>();
        var dropped = 0;
        StringBuilder? output = null;
        var copied = 0;
        Scan(html, (start, end, kind, name) =>
        {
            if (kind == TagKind.Other || NotNesting.Contains(name)) return;
            var drop = false;
            if (kind == TagKind.Start)
            {
                if (IsListItem(name)) CloseOpenListItem(open, name);
                if (open.Count < maxDepth) open.Add(name);
                else { drop = true; dropped++; }
            }
            else if (dropped > 0) { drop = true; dropped--; }
            else CloseBy(open, name);
            if (!drop) return;
            output ??= new StringBuilder(html.Length);
            output.Append(html, copied, start - copied);
            copied = end;
        }, text: null);
        if (output is null) return html;
        output.Append(html, copied, html.Length - copied);
        return output.ToString();
    }

    private static bool IsListItem(string name) =>
        name.Equals("li", StringComparison.OrdinalIgnoreCase) || name.Equals("dt", StringComparison.OrdinalIgnoreCase) || name.Equals("dd", StringComparison.OrdinalIgnoreCase);

    /// <summary>"&lt;li&gt;a&lt;li&gt;b": a new item closes the open one of its list, as the tree builder does.</summary>
    private static void CloseOpenListItem(List<string> open, string name)
    {
        var isLi = name.Equals("li", StringComparison.OrdinalIgnoreCase);
        for (var i = open.Count - 1; i >= 0; i--)
        {
            var node = open[i];
            if (isLi ? node.Equals("li", StringComparison.OrdinalIgnoreCase) : node.Equals("dt", StringComparison.OrdinalIgnoreCase) || node.Equals("dd", StringComparison.OrdinalIgnoreCase))
            {
                open.RemoveRange(i, open.Count - i);
                return;
            }
            if (Special.Contains(node) && node is not ("address" or "div" or "p")) return;
        }
    }

    /// <summary>
    /// An end tag of a special element (&lt;/div&gt;) closes it and everything opened inside it; any other
    /// (&lt;/span&gt;) only when no special element is open inside it, else the tree builder ignores it.
    /// </summary>
    private static void CloseBy(List<string> open, string name)
    {
        var special = Special.Contains(name);
        for (var i = open.Count - 1; i >= 0; i--)
        {
            if (open[i].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                open.RemoveRange(i, open.Count - i);
                return;
            }
            if (!special && Special.Contains(open[i])) return;
        }
    }

    /// <summary>The text outside tags, entities decoded: the fallback when the parser runs out of time.</summary>
    public static string StripTags(string html, Func<string, bool> breaksLine)
    {
        var text = new StringBuilder(html.Length);
        Scan(html, (_, _, kind, name) => { if (kind != TagKind.Other && breaksLine(name)) text.Append('\n'); },
            text: (start, end, raw) => { if (!raw) text.Append(html, start, end - start); });
        return WebUtility.HtmlDecode(text.ToString());
    }

    /// <summary>
    /// Walks the tags of <paramref name="html"/> as an HTML tokenizer would find them, closely enough to count
    /// nesting: comments, doctypes, quoted attribute values and raw-text elements are skipped over.
    /// </summary>
    private static void Scan(string html, Action<int, int, TagKind, string> tag, Action<int, int, bool>? text)
    {
        var n = html.Length;
        var i = 0;
        while (i < n)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= n) { text?.Invoke(i, n, false); return; }
            if (lt > i) text?.Invoke(i, lt, false);
            var next = html[lt + 1];
            if (next == '!' && string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = close < 0 ? n : close + 3;
                tag(lt, i, TagKind.Other, "");
            }
            else if (next is '!' or '?' || (next == '/' && (lt + 2 >= n || !char.IsAsciiLetter(html[lt + 2]))))
            {
                var close = html.IndexOf('>', lt + 1);
                i = close < 0 ? n : close + 1;
                tag(lt, i, TagKind.Other, "");
            }
            else if (char.IsAsciiLetter(next) || next == '/')
            {
                var isEnd = next == '/';
                var nameStart = lt + (isEnd ? 2 : 1);
                var nameEnd = nameStart;
                while (nameEnd < n && !char.IsWhiteSpace(html[nameEnd]) && html[nameEnd] is not ('/' or '>')) nameEnd++;
                var name = html[nameStart..nameEnd].ToLowerInvariant();
                i = TagEnd(html, nameEnd);
                tag(lt, i, isEnd ? TagKind.End : TagKind.Start, name);
                if (!isEnd && RawText.Contains(name))
                {
                    var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                    var rawEnd = close < 0 ? n : close;
                    text?.Invoke(i, rawEnd, true);
                    i = rawEnd;
                }
                else if (!isEnd && name.Equals("plaintext", StringComparison.OrdinalIgnoreCase))
                {
                    text?.Invoke(i, n, false);
                    return;
                }
            }
            else
            {
                text?.Invoke(lt, lt + 1, false); // "a < b": a bare '<' is text
                i = lt + 1;
            }
        }
    }

    /// <summary>Just past the '>' that ends a tag, stepping over quoted attribute values; the end of the text if none.</summary>
    private static int TagEnd(string html, int from)
    {
        var afterEquals = false;
        for (var j = from; j < html.Length; j++)
        {
            var c = html[j];
            if (c == '>') return j + 1;
            if (afterEquals && c is '"' or '\'')
            {
                var close = html.IndexOf(c, j + 1);
                if (close < 0) return html.Length;
                j = close;
                afterEquals = false;
            }
            else if (c == '=') afterEquals = true;
            else if (!char.IsWhiteSpace(c)) afterEquals = false;
        }
        return html.Length;
    }
}
