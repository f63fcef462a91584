using OutlookCommit.Analysis.Dates;
using OutlookCommit.Analysis.Lexicons;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis.Elements;

/// <summary>A time expression and the sentence it stands in.</summary>
public readonly record struct DatedSentence(DateMention Mention, Sentence Sentence);

/// <summary>What every element finder needs: the document, the lexicon and the vague phrases already found.</summary>
public sealed class SentenceContext(DraftDocument document, Lexicon lexicon, IReadOnlyList<VaguePhrase> vague, IReadOnlyList<DatedSentence> dates)
{
    public DraftDocument Document { get; } = document;
    public Lexicon Lexicon { get; } = lexicon;
    public IReadOnlyList<VaguePhrase> Vague { get; } = vague;
    /// <summary>Every time expression in the rep's sentences, with its sentence.</summary>
    public IReadOnlyList<DatedSentence> Dates { get; } = dates;
    private readonly Dictionary<int, bool> _aboutThePast = [];

    public string Text => Document.Text;

    /// <summary>
    /// The closing template's unfilled blanks ("[date and time]", 【日期】): until the rep fills them they are
    /// placeholders, not evidence.
    /// </summary>
    private static readonly System.Text.RegularExpressions.Regex BlankPattern =
        new(@"\[[^\[\]\n]{1,40}\]|【[^【】\n]{1,20}】", System.Text.RegularExpressions.RegexOptions.CultureInvariant, EmbeddedData.RegexTimeout);

    private List<(int Start, int End)>? _blanks;

    public bool OverlapsBlank(int start, int end)
    {
        _blanks ??= SafeRegex.Matches(BlankPattern, Text).Select(m => (m.Index, m.Index + m.Length)).ToList();
        return _blanks.Any(b => b.Item1 < end && start < b.Item2);
    }

    public bool HasBlank(Sentence s) => OverlapsBlank(s.Start, s.End);

    private readonly Dictionary<(string Group, int Start), List<System.Text.RegularExpressions.Match>> _matches = [];

    /// <summary>A group's matches in a sentence, computed once: several finders ask the same question.</summary>
    public IReadOnlyList<System.Text.RegularExpressions.Match> Matches(string group, Sentence s)
    {
        if (!_matches.TryGetValue((group, s.Start), out var found))
            _matches[(group, s.Start)] = found = Lexicon.Matches(group, Text, s.Start, s.End - s.Start).ToList();
        return found;
    }

    public bool IsMatch(string group, Sentence s) => Matches(group, s).Count > 0;

    /// <summary>How far before a cue its lead is read ("Following our demo on Tuesday, …", 根据上次的…).</summary>
    public const int MaxCueLeadGap = 24;

    /// <summary>Whether the words just before a cue, within its sentence and at most <paramref name="maxLead"/> back, match the group.</summary>
    public bool LeadMatches(string group, int sentenceStart, int cueStart, int maxLead)
    {
        var from = Math.Max(sentenceStart, cueStart - maxLead);
        return Lexicon.IsMatch(group, Text, from, cueStart - from);
    }

    /// <summary>Whether the sentence names a time that resolves ahead (a day, a window of about a week, a clock time).</summary>
    public bool HasResolvableDate(Sentence s) => Dates.Any(d => d.Sentence.Start == s.Start && d.Mention.Quality == DateQuality.Resolvable);

    private readonly Dictionary<int, List<(int Start, int End)>> _deferred = [];

    /// <summary>
    /// The parts of a sentence that are not the step asked for now: everything after a cue that puts it off ("看完再
    /// 决定", "once the pilot is done"), and each clause that sets its own step aside ("当面拜访等您回来再约", "We can
    /// revisit the visit in January", "Since an on-site visit isn't realistic…") or says it already happened ("The
    /// online demo went well"). A set-aside clause that points back ("…想登门拜访您，这个我们另外约") or follows a side
    /// topic ("至于我们总经理来拜访您这件事，等…再安排") takes the clause before it along.
    /// </summary>
    public IReadOnlyList<(int Start, int End)> DeferredParts(Sentence s)
    {
        if (_deferred.TryGetValue(s.Start, out var known)) return known;
        var parts = new List<(int Start, int End)>();
        if (Matches("deferredStep", s).FirstOrDefault() is { } cue) parts.Add((cue.Index, s.End));
        var clauses = ClausesOf(s);
        for (var i = 0; i < clauses.Count; i++)
        {
            var (start, end) = clauses[i];
            if (!Lexicon.IsMatch("setAsideClause", Text, start, end - start)) continue;
            parts.Add((start, end));
            if (i == 0) continue;
            var previous = clauses[i - 1];
            // "一是双方高层见面，等项目立项以后再安排": a set-aside clause naming no step of its own puts off the one before it.
            if (Lexicon.IsMatch("setAsideBackReference", Text, start, end - start)
                || Lexicon.IsMatch("sideTopic", Text, previous.Start, previous.End - previous.Start)
                || !Lexicon.IsMatch("action", Text, start, end - start))
                parts.Add(previous);
        }
        _deferred[s.Start] = parts;
        return parts;
    }

    /// <summary>Whether the text at <paramref name="index"/> of sentence <paramref name="s"/> is not the step asked for now.</summary>
    public bool IsDeferred(Sentence s, int index) => DeferredParts(s).Any(p => p.Start <= index && index < p.End);

    private readonly Dictionary<int, List<(int Start, int End)>> _clauses = [];

    /// <summary>A sentence's clauses: cut at commas, semicolons, colons and dashes (both scripts).</summary>
    public IReadOnlyList<(int Start, int End)> ClausesOf(Sentence s)
    {
        if (_clauses.TryGetValue(s.Start, out var known)) return known;
        var clauses = new List<(int Start, int End)>();
        var start = s.Start;
        for (var i = s.Start; i < s.End; i++)
        {
            var c = Text[i];
            var cut = c is '，' or '；' or ';' or '：' or '—' or '–' or '、' or '（' or '）'
                || (c is ',' or ':' && (i + 1 >= s.End || !char.IsAsciiDigit(Text[i + 1])));
            if (!cut) continue;
            if (i > start) clauses.Add((start, i));
            start = i + 1;
        }
        if (s.End > start) clauses.Add((start, s.End));
        _clauses[s.Start] = clauses;
        return clauses;
    }

    /// <summary>
    /// A sentence about what already happened ("Thanks for your time today", 今天聊得很好, a sentence dated in the
    /// past) is not the next step, unless it also looks forward.
    /// </summary>
    public bool IsAboutThePast(Sentence s)
    {
        if (_aboutThePast.TryGetValue(s.Start, out var known)) return known;
        // Only a specific past time dates a sentence: "Q2 results" or "this year" says nothing about when it is set.
        // "三号库" (store No. 3), "in three days instead of eight": numbering and comparisons are not times.
        var notATime = Matches("notATimeContext", s);
        var dated = Dates.Where(d => d.Sentence.Start == s.Start && (d.Mention.To is not { } to || to - d.Mention.From <= DateFinder.MaxWindow))
            .Where(d => !notATime.Any(m => m.Index < d.Mention.End && d.Mention.Start < m.Index + m.Length))
            .Select(d => d.Mention.Quality).ToList();
        var datedInThePast = dated.Contains(DateQuality.Past) && !dated.Contains(DateQuality.Resolvable);
        var result = (datedInThePast || IsMatch("pastContext", s)) && !IsMatch("futureCue", s)
            && (datedInThePast || !HasFutureClause(s));
        _aboutThePast[s.Start] = result;
        return result;
    }

    /// <summary>
    /// "上次交流后您提的三个问题，我们整理了答复，本周三（4月14日）下班前发给您": the past words open the sentence, but a
    /// later clause of its own sets a time ahead.
    /// </summary>
    private bool HasFutureClause(Sentence s)
    {
        var dates = Dates.Where(d => d.Sentence.Start == s.Start && d.Mention.Quality == DateQuality.Resolvable).ToList();
        if (dates.Count == 0) return false;
        var clauses = ClausesOf(s);
        for (var i = 1; i < clauses.Count; i++)
        {
            var (start, end) = clauses[i];
            if (!dates.Any(d => d.Mention.Start >= start && d.Mention.Start < end)) continue;
            bool Has(string group, (int Start, int End) c) => Lexicon.IsMatch(group, Text, c.Start, c.End - c.Start);
            // The clause sets its own step ("…下班前发给您"), not only a time ("…with your CTO, Alex, today").
            if (Has("pastContext", clauses[i]) || !clauses.Take(i).Any(c => Has("pastContext", c))) continue;
            if (Has("concreteVerb", clauses[i]) || Has("action", clauses[i])) return true;
        }
        return false;
    }

    /// <summary>A reply's or forward's subject is the other side's topic, not the rep's next step.</summary>
    /// <remarks>A forwarded invite ("FW: Concrete mix submittal review") still carries the meeting's own name.</remarks>
    public bool IsReplySubject(Sentence s) => s.IsSubject && Document.Draft.Kind != DraftKind.Event && IsMatch("replySubject", s);

    public bool InsideVague(int start, int end, VagueKind? kind = null) =>
        Vague.Any(v => (kind is null || v.Kind == kind) && v.Start <= start && end <= v.End);

    public bool OverlapsVague(int start, int end, VagueKind? kind = null) =>
        Vague.Any(v => (kind is null || v.Kind == kind) && v.Start < end && start < v.End);

    public VaguePhrase? FirstVague(VagueKind kind) => Vague.FirstOrDefault(v => v.Kind == kind);

    /// <summary>
    /// Evidence [start, end), narrowed so it never splits a surrogate pair: finders cut at fixed lengths ("the verb and
    /// 30 characters"), and a cut inside an emoji left half of it in the evidence (found by the API fuzz run).
    /// </summary>
    public TextSpan Span(int start, int end)
    {
        if (start < end && char.IsLowSurrogate(Text[start]) && start > 0 && char.IsHighSurrogate(Text[start - 1])) start++;
        if (end > start && char.IsHighSurrogate(Text[end - 1]) && end < Text.Length && char.IsLowSurrogate(Text[end])) end--;
        return new(start, end, Text[start..end]);
    }

    public string Reason(string key, string? phrase = null) => Lexicon.Reason(Document.Language, key, phrase);
}
