using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// One generated request to a draft endpoint. <see cref="ExpectOk"/> is true when nothing in it is invalid, so a
/// 4xx is as much a failure as a 5xx; otherwise any 4xx ProblemDetails will do.
/// </summary>
public sealed record FuzzRequest(string Endpoint, byte[] Body, string? ContentType, string Shape, bool ExpectOk)
{
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Body);
        return $"{Shape} → POST {Endpoint} ({ContentType ?? "no content type"}, {Body.Length} bytes, expect {(ExpectOk ? "200" : "4xx")}): "
            + (text.Length > 400 ? text[..400] + "…" : text);
    }
}

/// <summary>
/// FsCheck generators of hostile drafts: Unicode of every kind (CJK, emoji, RTL, controls, lone surrogates written
/// as JSON escapes), empty and huge fields, deep and malformed HTML, inputs built to make regexes backtrack, odd
/// recipients, out-of-range dates, and JSON that is malformed, mistyped or sent with the wrong content type.
/// </summary>
public static class FuzzRequests
{
    private static readonly string[] Fragments =
    [
        "下周三下午3点", "技术交流", "王主任", "请确认", "多多关照", "过两天再碰一碰", "Could your IT team join on Tuesday at 2pm?", "touch base soon",
        "Can you confirm?", "next week", "by EOD", "48小时之内", "月底前", "😀", "👩‍💻", "🇨🇳", "e\u0301", "\u202Eevil\u202C", "مرحبا بكم", "שלום",
        "\u200B", "\uFEFF", "\u00A0", "\u0000", "\u0007", "\u001B[31m", "\u007F", "\u0085", "\u2028", "\u2029", "\r\n", "\r", "\t", "\uFFFF", "\uFFFE",
        "\uD800", "\uDFFF", "\uDBFF\uDFFF", "<div>", "</div>", "<blockquote>", "<div class=\"gmail_quote\">", "<div id=\"divRplyFwdMsg\">", "<p", "<<<",
        "&amp;", "&#x1F600;", "&#xD800;", "&#0;", "<!--", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\n> quoted", "\n--\n",
        "\nFrom: Ken <ken@x.com>\nSent: Monday\n", "\n-----原始邮件-----\n", "\n发件人: 张总\n发送时间: 2026年11月26日\n", "\nBest,\nAmy\n",
        "\nOn Tue, Dec 1, 2026 at 9:14 AM Ken Adams <ken@x.com> wrote:\n", "Tel: +1 415 555 0100", "'; DROP TABLE commitments;--", "\\", "\"", "{", "]",
        "Dr.", "e.g.", "12/10", "2026-13-45", "99:99", "Thursday, February 30", "下下下下周", "?", "。", "…", " ",
    ];

    /// <summary>Long inputs aimed at the regexes and the HTML parser.</summary>
    private static readonly (string Name, Func<int, string> Make, bool Html)[] Pathological =
    [
        ("repeated char", n => new string('a', n), false),
        ("repeated han", n => new string('下', n), false),
        ("repeated question marks", n => new string('?', n), false),
        ("repeated dots", n => new string('.', n), false),
        ("repeated spaces", n => new string(' ', n) + "tomorrow", false),
        ("repeated newlines", n => new string('\n', n) + "tomorrow", false),
        ("words without punctuation", n => Repeat("meet team tuesday join Anna confirm next week 2pm ", n), false),
        ("han without punctuation", n => Repeat("我们下周三下午三点和技术团队一起开会讨论方案请您确认", n), false),
        ("on-wrote lines", n => Repeat("On Tue, Dec 1, 2026 at 9:14 AM Ken Adams <ken@x.com> wrote:\n", n), false),
        ("on-without-wrote lines", n => Repeat("On Tue, Dec 1, 2026 at 9:14 AM Ken Adams <ken@x.com>\n", n), false),
        ("quote lines", n => Repeat("> quoted line Tuesday\n", n), false),
        ("header lines", n => Repeat("From: Ken <ken@x.com>\n", n), false),
        ("sign-off blocks", n => Repeat("Best,\nAmy\nTel: +1 415 555 0100\n", n), false),
        ("digits", n => new string('1', n), false),
        ("deep divs", n => Repeat("<div>", n) + "Tuesday at 2pm" + Repeat("</div>", n), true),
        ("deep blockquotes", n => Repeat("<blockquote>", n) + "Tuesday at 2pm", true),
        ("misnested spans", n => Repeat("<span><div></span>", n), true),
        ("nested lists", n => Repeat("<li><ul>", n), true),
        ("unclosed formatting", n => Repeat("<b><i><font>", n), true),
        ("table cells", n => "<table>" + Repeat("<tr><td>Tuesday</td><td>2pm</td></tr>", n), true),
        ("lone angle brackets", n => new string('<', n), true),
        ("unterminated comment", n => "<!--" + new string('x', n), true),
        ("huge attribute", n => "<div class=\"gmail_quote " + new string('x', n) + "\">hi</div>", true),
        ("entities", n => Repeat("&#x1F600;&amp;&#xD800;", n), true),
    ];

    private static string Repeat(string s, int totalChars) =>
        new StringBuilder(totalChars + s.Length).Insert(0, s, Math.Max(1, totalChars / s.Length)).ToString();

    private static Gen<string> Text(bool allowLoneSurrogates)
    {
        var codePoint = Gen.Frequency(
            (4, Gen.Choose(0x20, 0x7E)), (2, Gen.Choose(0x4E00, 0x9FFF)), (1, Gen.Choose(0x0590, 0x06FF)),
            (1, Gen.Choose(0x1F300, 0x1FAFF)), (1, Gen.Choose(0, 0x1F)), (1, Gen.Choose(0x80, 0x2FFF)));
        var run = Gen.ListOf(codePoint).Select(cps => string.Concat(cps.Select(char.ConvertFromUtf32)));
        var fragment = Gen.Frequency(
            (6, Gen.Elements(Fragments)),
            (3, run),
            (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")),
            (1, Gen.Elements(Fragments).Select(f => string.Concat(Enumerable.Repeat(f, 50)))));
        return Gen.ListOf(fragment).Select(parts => string.Concat(parts))
            .Select(s => allowLoneSurrogates ? s : ReplaceLoneSurrogates(s));
    }

    private static string ReplaceLoneSurrogates(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    private static readonly string[] GoodTimes = ["2026-11-27T10:00:00+01:00", "2026-11-27T10:00:00Z", "2026-12-31T23:59:59.999-12:00", "1900-01-01T00:00:00+14:00", "2200-12-31T00:00:00Z"];
    private static readonly string[] BadTimes = ["9999-12-30T00:00:00Z", "0001-01-01T01:00:00Z", "1899-12-31T00:00:00Z", "2026-13-45T99:00:00Z", "next tuesday", ""];
    private static readonly string[] GoodZones = ["Asia/Shanghai", "China Standard Time", "Europe/Berlin", "Pacific/Kiritimati", "Etc/GMT+12", "UTC"];
    private static readonly string[] BadZones = ["Mars/Olympus_Mons", "", " ", "../../etc/passwd", "\u0000"];

    /// <summary>A field of a draft as JSON, whether it is valid, and for lists how many items it has.</summary>
    private sealed record Field(string Json, bool Valid, int Count = 0);

    private static Field TextField(string s, int maxChars) => new(Json.Str(s), !HasLoneSurrogate(s) && s.Length <= maxChars);

    /// <summary>Text within the limit (cut to it), or, to break it, a lone surrogate or one character too many.</summary>
    private static Gen<Field> TextOf(Gen<string> text, int maxChars, bool valid) => valid
        ? text.Select(s => TextField(ReplaceLoneSurrogates(s.Length > maxChars ? s[..maxChars] : s), maxChars))
        : Gen.Elements(true, false).SelectMany(surrogate => text.Select(s => TextField(surrogate ? s + "\uDC00" : s + new string('x', maxChars + 1 - Math.Min(s.Length, maxChars)), maxChars)));

    private static Gen<Field> Recipients(bool valid, Gen<bool> bigList, int bigMin = 200, int bigMax = 250)
    {
        var name = Gen.Frequency((6, Text(false).Select(s => ReplaceLoneSurrogates(s.Length > 200 ? s[..200] : s))), (1, Gen.Constant(new string('n', 2000))), (1, Gen.Constant("")));
        var one = Gen.Frequency(
            (6, from n in name from a in name select new Field($$"""{"name":{{Json.Str(n)}},"address":{{Json.Str(a)}}}""", true)),
            (1, Gen.Constant(new Field("{}", true))),
            (1, Gen.Constant(new Field("""{"address":"a@b.c","extra":[1,{"x":null}]}""", true))));
        var broken = Gen.Elements(new Field("null", false), new Field("\"just@a.string\"", false), new Field($$"""{"name":"{{new string('n', 2001)}}"}""", false),
            new Field("""{"name":"\ud800"}""", false), new Field("42", false));
        return from big in bigList
               from items in big ? Gen.Choose(bigMin, bigMax).Select(n => Enumerable.Repeat(new Field("""{"name":"客户","address":"k@x.cn"}""", true), n).ToList())
                                 : Gen.ListOf(one).Select(l => l.Take(6).ToList())
               from bad in broken
               let all = valid ? items : [.. items, bad]
               select new Field("[" + string.Join(",", all.Select(i => i.Json)) + "]", all.All(i => i.Valid), all.Count);
    }

    private static Gen<Field> OneOf(string[] good, string[] bad, bool valid) => valid
        ? Gen.Frequency((4, Gen.Elements(good).Select(s => new Field(Json.Str(s), true))), (1, Gen.Constant(new Field("null", true))))
        : Gen.Elements(bad).Select(s => new Field(Json.Str(s), false));

    private static Gen<(Field Body, string BodyType, string Shape)> Body(bool valid) => Gen.Frequency(
        (6, from body in TextOf(Text(allowLoneSurrogates: true), 500_000, valid) from html in Gen.Elements(true, false)
            select (body, html ? "html" : "text", html ? "unicode html" : "unicode text")),
        (3, from p in Gen.Elements(Pathological) from size in Gen.Frequency((4, Gen.Choose(1_000, 60_000)), (2, Gen.Choose(60_000, 190_000)), (1, Gen.Choose(190_000, 480_000)))
            from body in TextOf(Gen.Constant(p.Make(size)), 500_000, valid)
            select (body, p.Html ? "html" : "text", p.Name)));

    private static readonly string[] Breakable = ["kind", "subject", "body", "to", "cc", "referenceTime", "timeZone", "start", "durationMinutes", "recipientCount"];

    /// <summary>
    /// A whole request for /api/analyses or /api/invites/suggestions: three in four are valid drafts (message or
    /// event) and must be analyzed; the rest break exactly one field, or the request itself (<see cref="Broken"/>).
    /// </summary>
    public static Gen<FuzzRequest> Requests()
    {
        var draft =
            from endpoint in Gen.Frequency((8, Gen.Constant("/api/analyses")), (2, Gen.Constant("/api/invites/suggestions")))
            from broken in Gen.Frequency((3, Gen.Constant("")), (1, Gen.Elements(Breakable)))
            from isEvent in Gen.Frequency((5, Gen.Constant(false)), (3, Gen.Constant(true)))
            let kind = broken == "kind" ? new Field("\"letter\"", false) : new Field(isEvent ? "\"event\"" : "\"message\"", true)
            from subject in TextOf(Text(allowLoneSurrogates: true), 1000, broken != "subject")
            from body in Body(broken != "body")
            from to in Recipients(broken != "to", Gen.Constant(broken == "recipientCount"), 501, 520)
            from cc in Recipients(broken != "cc", Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true))))
            from reference in OneOf(GoodTimes, BadTimes, broken != "referenceTime")
            from zone in OneOf(GoodZones, BadZones, broken != "timeZone")
            from start in OneOf(GoodTimes, BadTimes, broken != "start" || !isEvent)
            from minutes in broken == "durationMinutes" ? Gen.Elements(new Field("0", false), new Field("100000", false), new Field("\"sixty\"", false), new Field("1e999", false))
                : Gen.Choose(15, 480).Select(m => new Field(m.ToString(System.Globalization.CultureInfo.InvariantCulture), true))
            let json = $$"""{"kind":{{kind.Json}},"subject":{{subject.Json}},"body":{{body.Body.Json}},"bodyType":"{{body.BodyType}}","to":{{to.Json}},"cc":{{cc.Json}},"attendees":{{(isEvent ? to.Json : "null")}},"start":{{(isEvent ? start.Json : "null")}},"referenceTime":{{reference.Json}},"timeZone":{{zone.Json}},"durationMinutes":{{minutes.Json}}}"""
            // durationMinutes is not a field of POST /api/analyses: ignored there whatever its value.
            let valid = kind.Valid && subject.Valid && body.Body.Valid && to.Valid && cc.Valid && reference.Valid && zone.Valid && start.Valid
                && (endpoint != "/api/invites/suggestions" || minutes.Valid)
                && to.Count * (isEvent ? 2 : 1) + cc.Count <= 500 && Encoding.UTF8.GetByteCount(json) <= 1024 * 1024
            select new FuzzRequest(endpoint, Encoding.UTF8.GetBytes(json), "application/json", broken.Length > 0 ? $"{body.Shape}, bad {broken}" : body.Shape, valid);

        return Gen.Frequency((9, draft), (2, draft.SelectMany(Broken)));
    }

    /// <summary>The same draft made invalid as a request: malformed, mistyped, mis-encoded or mislabelled.</summary>
    private static Gen<FuzzRequest> Broken(FuzzRequest r) => Gen.Choose(0, 9).SelectMany(how => Gen.Choose(0, Math.Max(0, r.Body.Length - 1)).Select(cut => how switch
    {
        0 => r with { Body = r.Body[..cut], Shape = "truncated json", ExpectOk = false },
        1 => r with { Body = [.. r.Body[..cut], 0xFF, 0xFE, 0xC0, .. r.Body[cut..]], Shape = "invalid utf-8", ExpectOk = false },
        2 => r with { ContentType = "text/plain", Shape = "text/plain", ExpectOk = false },
        3 => r with { ContentType = null, Shape = "no content type", ExpectOk = false },
        4 => r with { ContentType = "application/json; charset=latin1", Shape = "latin1 charset", ExpectOk = false },
        5 => r with { ContentType = "application/x-www-form-urlencoded", Shape = "form content type", ExpectOk = false },
        6 => r with { Body = Encoding.UTF8.GetBytes("[" + Encoding.UTF8.GetString(r.Body) + "]"), Shape = "array body", ExpectOk = false },
        7 => r with { Body = Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)), Shape = "deep json", ExpectOk = false },
        8 => r with { Body = Encoding.UTF8.GetBytes("""{"kind":"message","subject":{"nested":true},"body":[1,2],"to":"a@b.c"}"""), Shape = "wrong types", ExpectOk = false },
        _ => r with { Body = [0xEF, 0xBB, 0xBF, .. r.Body], Shape = "utf-8 bom " + r.Shape },
    }));

    private static bool HasLoneSurrogate(string s) => s != ReplaceLoneSurrogates(s);

    /// <summary>JSON text written by hand, so lone surrogates can be sent as \u escapes (System.Text.Json refuses to write them).</summary>
    public static class Json
    {
        public static string Str(string s)
        {
            var b = new StringBuilder(s.Length + 2).Append('"');
            foreach (var c in s)
            {
                if (c == '"') b.Append("\\\"");
                else if (c == '\\') b.Append("\\\\");
                else if (c < 0x20 || char.IsSurrogate(c)) b.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                else b.Append(c);
            }
            return b.Append('"').ToString();
        }
    }
}
