using System.Collections.Frozen;
using System.Text.Json;

namespace OutlookCommit.Analysis.Asks;

/// <summary>Receives the features of one sentence. A feature's name is <c>prefix + a</c>, or <c>prefix + a + "|" + b</c>.</summary>
internal interface IAskFeatureSink
{
    void Add(ReadOnlySpan<char> prefix, ReadOnlySpan<char> a, ReadOnlySpan<char> b);
}

/// <summary>
/// Turns an English sentence into the sparse binary features of the ask model: lowercase word
/// unigrams and bigrams, the sentence's first words, and hand-made features from the phrase
/// categories of <c>Lexicons/asks-en.json</c> (opening "please", "could you", an imperative verb,
/// "let me know", a trailing '?', and so on). The same code feeds training (names) and scoring
/// (hashes), so the two can't drift apart. Allocation-free apart from what the sink does.
/// </summary>
internal sealed partial class EnglishAskFeatures
{
    /// <summary>Only this many characters of a sentence are read; the rest is ignored.</summary>
    public const int MaxChars = 1000;

    private const int MaxTokens = 400;
    private const int BufferChars = MaxChars + 64;
    private const byte FlagOpen = 1;
    private const byte FlagClause = 2;

    private const string Bos = "<s>";
    private const string Eos = "</s>";
    private const string NumToken = "<num>";
    private const string UrlToken = "<url>";
    private const string EmailToken = "<email>";
    private const string HandleToken = "<handle>";

    private readonly Phrase[][] phrasesByFirst;
    private readonly FrozenDictionary<ulong, int> firstTokenIndex;
    private readonly FrozenSet<ulong> skipLeading;
    private readonly Category[] categories;
    private readonly int youCategory;
    private readonly int subjectCategory;
    private readonly int pastCategory;

    private sealed record Category(string Name, bool Anywhere, string OpenName, string ClauseName, string AnyName);

    private sealed record Phrase(ulong[] Tokens, int Category, string Text);

    private EnglishAskFeatures(Category[] categories, Phrase[][] phrasesByFirst, FrozenDictionary<ulong, int> firstTokenIndex, FrozenSet<ulong> skipLeading)
    {
        this.categories = categories;
        this.phrasesByFirst = phrasesByFirst;
        this.firstTokenIndex = firstTokenIndex;
        this.skipLeading = skipLeading;
        youCategory = Array.FindIndex(categories, c => c.Name == "you");
        subjectCategory = Array.FindIndex(categories, c => c.Name == "subject");
        pastCategory = Array.FindIndex(categories, c => c.Name == "past");
    }

    /// <summary>Reads the lexicon JSON (see <c>Lexicons/asks-en.json</c>).</summary>
    public static EnglishAskFeatures Load(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;

        var skip = new HashSet<ulong>();
        foreach (var w in root.GetProperty("skipLeading").EnumerateArray())
        {
            foreach (var tok in TokenizePhrase(w.GetString() ?? string.Empty))
            {
                skip.Add(tok);
            }
        }

        var cats = new List<Category>();
        var byFirst = new Dictionary<ulong, List<Phrase>>();
        foreach (var c in root.GetProperty("categories").EnumerateArray())
        {
            string name = c.GetProperty("name").GetString() ?? throw new InvalidDataException("category without a name");
            bool anywhere = c.TryGetProperty("where", out var where) && where.GetString() == "anywhere";
            int index = cats.Count;
            cats.Add(new Category(name, anywhere, "open_" + name, "clause_" + name, "any_" + name));
            foreach (var p in c.GetProperty("phrases").EnumerateArray())
            {
                string text = p.GetString() ?? string.Empty;
                ulong[] toks = TokenizePhrase(text);
                if (toks.Length == 0)
                {
                    continue;
                }
                if (!byFirst.TryGetValue(toks[0], out var list))
                {
                    byFirst[toks[0]] = list = [];
                }
                list.Add(new Phrase(toks, index, string.Join(' ', TokenTexts(text))));
            }
        }

        var firstIndex = new Dictionary<ulong, int>();
        var arrays = new Phrase[byFirst.Count][];
        int i = 0;
        foreach (var (first, list) in byFirst)
        {
            // Longer phrases first, so the order of matches does not depend on the file's order.
            arrays[i] = [.. list.OrderByDescending(p => p.Tokens.Length).ThenBy(p => p.Category)];
            firstIndex[first] = i++;
        }

        if (cats.Count > 64)
        {
            throw new InvalidDataException("asks-en.json: at most 64 categories");
        }
        return new EnglishAskFeatures([.. cats], arrays, firstIndex.ToFrozenDictionary(), skip.ToFrozenSet());
    }

    private static ulong[] TokenizePhrase(string text) =>
        [.. TokenTexts(text).Select(token => AskFeatureHash.Of(token.AsSpan()))];

    private static List<string> TokenTexts(string text)
    {
        var result = new List<string>();
        Span<char> buf = stackalloc char[BufferChars];
        Span<int> starts = stackalloc int[MaxTokens];
        Span<int> lens = stackalloc int[MaxTokens];
        var stats = default(Stats);
        int n = Tokenize(text.AsSpan(0, Math.Min(text.Length, MaxChars)), buf, starts, lens, ref stats);
        for (int i = 0; i < n; i++)
        {
            result.Add(buf.Slice(starts[i], lens[i]).ToString());
        }
        return result;
    }

    private struct Stats
    {
        public int Words;
        public int Capitalized;
        public int AllCaps;
    }

    /// <summary>Emits every feature of <paramref name="sentence"/> to <paramref name="sink"/>.</summary>
    public void Extract<TSink>(ReadOnlySpan<char> sentence, ref TSink sink)
        where TSink : IAskFeatureSink
    {
        if (sentence.Length > MaxChars)
        {
            sentence = sentence[..MaxChars];
        }

        Span<char> buf = stackalloc char[BufferChars];
        Span<int> starts = stackalloc int[MaxTokens];
        Span<int> lens = stackalloc int[MaxTokens];
        Span<ulong> hashes = stackalloc ulong[MaxTokens];
        Span<byte> flags = stackalloc byte[MaxTokens];
        var stats = default(Stats);
        int n = Tokenize(sentence, buf, starts, lens, ref stats);
        for (int i = 0; i < n; i++)
        {
            hashes[i] = AskFeatureHash.Of(buf.Slice(starts[i], lens[i]));
        }
        flags[..n].Clear();

        // Word n-grams.
        scoped ReadOnlySpan<char> prev = Bos;
        for (int i = 0; i < n; i++)
        {
            var tok = buf.Slice(starts[i], lens[i]);
            sink.Add("u:", tok, default);
            sink.Add("b:", prev, tok);
            prev = tok;
        }
        sink.Add("b:", prev, Eos);

        // Where the sentence and its clauses begin: skip "and", "hi", ... and a short vocative ("John, ...").
        int open = SkipLeading(0, n, buf, starts, lens, hashes);
        if (open < n)
        {
            flags[open] |= FlagOpen;
            var first = buf.Slice(starts[open], lens[open]);
            sink.Add("s:", first, default);
            sink.Add("s2:", first, open + 1 < n ? buf.Slice(starts[open + 1], lens[open + 1]) : Eos);
        }
        for (int i = 0; i < n; i++)
        {
            if (IsClauseBreak(buf.Slice(starts[i], lens[i])))
            {
                int next = SkipLeading(i + 1, n, buf, starts, lens, hashes);
                if (next < n)
                {
                    // A comma within the first few words ends a greeting or vocative: what follows opens the sentence.
                    flags[next] |= i <= 3 && i >= open ? FlagOpen : FlagClause;
                }
            }
        }

        // Phrase categories.
        bool sawYou = false;
        bool subjectPast = false;
        int subjectEnd = -1;
        for (int i = 0; i < n; i++)
        {
            if (i == subjectEnd && !subjectPast)
            {
                var tok = buf.Slice(starts[i], lens[i]);
                if (tok.Length >= 4 && tok.EndsWith("ed"))
                {
                    subjectPast = true;
                }
            }
            if (!firstTokenIndex.TryGetValue(hashes[i], out int bucket))
            {
                continue;
            }
            ulong seenCategories = 0;
            foreach (var phrase in phrasesByFirst[bucket])
            {
                var toks = phrase.Tokens;
                if (i + toks.Length > n || !hashes.Slice(i, toks.Length).SequenceEqual(toks))
                {
                    continue;
                }
                var cat = categories[phrase.Category];
                if (phrase.Category == youCategory)
                {
                    sawYou = true;
                }
                else if (phrase.Category == subjectCategory)
                {
                    subjectEnd = i + toks.Length;
                }
                else if (phrase.Category == pastCategory && i == subjectEnd)
                {
                    subjectPast = true;
                }
                // Longer phrases come first: the longest match of each category speaks for it.
                ulong bit = 1UL << (phrase.Category & 63);
                bool firstOfCategory = (seenCategories & bit) == 0;
                seenCategories |= bit;
                if (!firstOfCategory)
                {
                    if (cat.Anywhere && toks.Length >= 2)
                    {
                        sink.Add("P:", phrase.Text, default);
                    }
                    continue;
                }
                if ((flags[i] & FlagOpen) != 0)
                {
                    sink.Add("F:", cat.OpenName, default);
                }
                else if ((flags[i] & FlagClause) != 0)
                {
                    sink.Add("F:", cat.ClauseName, default);
                }
                if (cat.Anywhere)
                {
                    sink.Add("F:", cat.AnyName, default);
                    sink.Add("P:", phrase.Text, default);
                }
            }
        }

        if (subjectPast)
        {
            sink.Add("F:", "subj_past", default);
        }

        // Shape of the sentence.
        int last = n - 1;
        var lastTok = last >= 0 ? buf.Slice(starts[last], lens[last]) : default;
        bool endsQuestion = lastTok.SequenceEqual("?");
        bool hasQuestion = buf[..(n > 0 ? starts[last] + lens[last] : 0)].Contains('?');
        if (endsQuestion)
        {
            sink.Add("F:", "end_q", default);
        }
        else if (hasQuestion)
        {
            sink.Add("F:", "mid_q", default);
        }
        if (lastTok.SequenceEqual("!"))
        {
            sink.Add("F:", "end_excl", default);
        }
        if (lastTok.SequenceEqual(":"))
        {
            sink.Add("F:", "end_colon", default);
        }
        if (!sawYou)
        {
            sink.Add("F:", endsQuestion ? "q_no_you" : "no_you", default);
        }
        else if (endsQuestion)
        {
            sink.Add("F:", "q_you", default);
        }
        sink.Add("F:", stats.Words switch
        {
            0 => "len0",
            <= 3 => "len3",
            <= 6 => "len6",
            <= 12 => "len12",
            <= 24 => "len24",
            <= 40 => "len40",
            _ => "len_long",
        }, default);
        if (stats.Words >= 3 && stats.Capitalized * 10 >= stats.Words * 7)
        {
            sink.Add("F:", "titlecase", default);
        }
        if (stats.Words >= 2 && stats.AllCaps * 10 >= stats.Words * 6)
        {
            sink.Add("F:", "allcaps", default);
        }
    }

    private int SkipLeading(int i, int n, Span<char> buf, Span<int> starts, Span<int> lens, Span<ulong> hashes)
    {
        while (i < n && (skipLeading.Contains(hashes[i]) || IsClauseBreak(buf.Slice(starts[i], lens[i]))))
        {
            i++;
        }
        return i;
    }

    private static bool IsClauseBreak(ReadOnlySpan<char> tok) => tok.Length == 1 && (tok[0] == ',' || tok[0] == ':');
}
