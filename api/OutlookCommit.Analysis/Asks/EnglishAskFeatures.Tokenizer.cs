namespace OutlookCommit.Analysis.Asks;

/// <summary>The tokenizer of the English ask features: lowercase tokens and placeholder classes.</summary>
internal sealed partial class EnglishAskFeatures
{
    /// <summary>
    /// Splits into lowercase tokens written into <paramref name="buf"/>: words (with inner
    /// apostrophes), <c>&lt;num&gt;</c> for anything with a digit, <c>&lt;url&gt;</c>,
    /// <c>&lt;email&gt;</c>, <c>&lt;handle&gt;</c>, and the punctuation tokens <c>? ! , :</c>
    /// (';' counts as ','; a run of the same mark is one token).
    /// </summary>
    private static int Tokenize(ReadOnlySpan<char> text, Span<char> buf, Span<int> starts, Span<int> lens, ref Stats stats)
    {
        int n = 0;
        int used = 0;
        int i = 0;
        while (i < text.Length && n < MaxTokens)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                i++;
                continue;
            }
            int end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && !char.IsControl(text[end]))
            {
                end++;
            }
            var chunk = text[i..end];
            string? special = ClassifyChunk(chunk);
            if (special is not null)
            {
                if (!Emit(special, buf, starts, lens, ref n, ref used))
                {
                    break;
                }
                // Keep the sentence-final mark of "…see $LINK?" or "…at a@b.com." visible.
                char tail = chunk[^1];
                if (tail is '?' or '!' or ':' or ',')
                {
                    EmitPunct(tail, buf, starts, lens, ref n, ref used);
                }
                i = end;
                continue;
            }

            int k = 0;
            while (k < chunk.Length && n < MaxTokens)
            {
                char ch = chunk[k];
                if (char.IsLetterOrDigit(ch))
                {
                    int ws = k;
                    bool digit = false;
                    while (k < chunk.Length)
                    {
                        char d = chunk[k];
                        if (char.IsLetterOrDigit(d))
                        {
                            digit |= char.IsDigit(d);
                            k++;
                        }
                        else if ((d == '\'' || d == '\u2019') && k + 1 < chunk.Length && char.IsLetter(chunk[k + 1]) && k > ws)
                        {
                            k++;
                        }
                        else
                        {
                            break;
                        }
                    }
                    var word = chunk[ws..k];
                    if (digit)
                    {
                        if (!Emit(NumToken, buf, starts, lens, ref n, ref used))
                        {
                            return n;
                        }
                        continue;
                    }
                    if (used + word.Length > buf.Length)
                    {
                        return n;
                    }
                    stats.Words++;
                    bool upperFirst = char.IsUpper(word[0]);
                    if (upperFirst)
                    {
                        stats.Capitalized++;
                        if (word.Length >= 2 && IsAllUpper(word))
                        {
                            stats.AllCaps++;
                        }
                    }
                    var dest = buf.Slice(used, word.Length);
                    for (int j = 0; j < word.Length; j++)
                    {
                        char w = word[j];
                        dest[j] = w == '\u2019' ? '\'' : char.ToLowerInvariant(w);
                    }
                    starts[n] = used;
                    lens[n] = word.Length;
                    used += word.Length;
                    n++;
                }
                else
                {
                    if (ch is '?' or '!' or ',' or ':' or ';' or '\uFF1F' or '\uFF01' or '\uFF0C' or '\uFF1A' or '\uFF1B')
                    {
                        EmitPunct(ch, buf, starts, lens, ref n, ref used);
                    }
                    k++;
                }
            }
            i = end;
        }
        return n;
    }

    private static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }
        return true;
    }

    private static string? ClassifyChunk(ReadOnlySpan<char> chunk)
    {
        var trimmed = chunk.TrimStart("<([\"'");
        if (trimmed.StartsWith("http:", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("$link", StringComparison.OrdinalIgnoreCase)
            || trimmed.Contains("://", StringComparison.Ordinal))
        {
            return UrlToken;
        }
        int at = trimmed.IndexOf('@');
        if (at == 0 && trimmed.Length > 1 && char.IsLetterOrDigit(trimmed[1]))
        {
            return HandleToken;
        }
        if (at > 0 && at < trimmed.Length - 1 && trimmed[(at + 1)..].Contains('.'))
        {
            return EmailToken;
        }
        return null;
    }

    private static void EmitPunct(char ch, Span<char> buf, Span<int> starts, Span<int> lens, ref int n, ref int used)
    {
        char p = ch switch
        {
            '\uFF1F' => '?',
            '\uFF01' => '!',
            '\uFF0C' or ';' or '\uFF1B' => ',',
            '\uFF1A' => ':',
            _ => ch,
        };
        if (n > 0 && lens[n - 1] == 1 && buf[starts[n - 1]] == p)
        {
            return;
        }
        Emit(p == '?' ? "?" : p == '!' ? "!" : p == ',' ? "," : ":", buf, starts, lens, ref n, ref used);
    }

    private static bool Emit(string token, Span<char> buf, Span<int> starts, Span<int> lens, ref int n, ref int used)
    {
        if (n >= MaxTokens || used + token.Length > buf.Length)
        {
            return false;
        }
        token.AsSpan().CopyTo(buf[used..]);
        starts[n] = used;
        lens[n] = token.Length;
        used += token.Length;
        n++;
        return true;
    }
}
