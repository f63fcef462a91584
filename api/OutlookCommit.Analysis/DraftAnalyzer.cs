using OutlookCommit.Analysis.Asks;
using OutlookCommit.Analysis.Dates;
using OutlookCommit.Analysis.Elements;
using OutlookCommit.Analysis.Lexicons;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Templates;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis;

/// <summary>
/// The engine. Build one per process: construction reads the lexicons and loads the date models (about a second);
/// after the warm-up the lexicon's patterns are compiled in the background (<see cref="PatternsCompiled"/>); drafts
/// analyzed before that get the same answers, more slowly.
/// </summary>
public sealed class DraftAnalyzer : IDraftAnalyzer
{
    private readonly Lexicon _lexicon;
    private readonly IgnoredRangeFinder _ignored;
    private readonly DateFinder _dates;
    private readonly ClosingTemplateBuilder _templates;
    private readonly AskDetector _asks;

    /// <summary>How many clauses' recognizer results an analyzer remembers by default (a few MB at most).</summary>
    public const int DefaultRecognizerCacheEntries = 20_000;

    public DraftAnalyzer() : this(DefaultRecognizerCacheEntries) { }

    /// <param name="recognizerCacheEntries">
    /// Clauses whose date-recognizer results are remembered for re-analyses of the same draft while it is being
    /// written; 0 turns the cache off (every analysis pays the full cost, as the benchmarks measure).
    /// </param>
    public DraftAnalyzer(int recognizerCacheEntries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recognizerCacheEntries);
        // The date models and the compiled lexicon are the slow parts of start-up; build them side by side.
        var models = Task.Run(DateFinder.Models.Load);
        var asks = Task.Run(() => AskDetector.Default);
        _lexicon = new Lexicon(compiled: false);
        _ignored = new IgnoredRangeFinder();
        _templates = new ClosingTemplateBuilder();
        var lexicon = _lexicon;
        _dates = new DateFinder(new DateRules(_lexicon.Files), models.GetAwaiter().GetResult(),
            (text, start, length) => lexicon.IsMatch("timeHint", text, start, length),
            recognizerCacheEntries == 0 ? null : new RecognizerCache(recognizerCacheEntries));
        _asks = asks.GetAwaiter().GetResult();
        _compile = new Lazy<Task>(() => Task.Run(lexicon.CompileForSpeed));
    }

    private readonly Lazy<Task> _compile;
    private volatile bool _warmingUp;

    /// <summary>
    /// Completes when the lexicon matches with compiled regexes (benchmarks wait for it; requests need not). The compile
    /// starts after <see cref="WarmUp"/> (or with the first analysis), so it does not slow the warm-up that a server
    /// waits for before it listens.
    /// </summary>
    public Task PatternsCompiled => _compile.Value;

    /// <summary>
    /// Runs drafts that take every stage's first-time paths (HTML, quotes, signatures, English and Chinese dates of
    /// each kind, time zones, durations, deadlines), so the first real request pays no JIT.
    /// </summary>
    public void WarmUp()
    {
        var now = DateTimeOffset.Now;
        _dates.WarmUp(now);
        Draft[] drafts =
        [
            new() { Subject = "Workshop with your engineers", Body = "Hi Omar,\n\nNext step as agreed: a two-hour architecture workshop with your lead engineers, Chloe and Ravi, on Wednesday, December 9 at 1pm CT at your Dallas office. I'll send the pre-read by Monday, December 7, within 48 hours at the latest.\n\nCan you confirm by Thursday that they are available?\n\nThanks,\nAmy\nTel: +1 415 555 0100", ReferenceTime = now },
            new() { Subject = "RE: pricing", BodyType = BodyType.Html, Body = "<div>Sounds good, let's touch base soon.</div><div id=\"divRplyFwdMsg\"><b>From:</b> Ken</div><blockquote><p>Please send the revised pricing by December 1.</p></blockquote>", To = [new EmailAddress("Ken Adams", "ken@x.com")], ReferenceTime = now },
            new() { Subject = "技术交流", Body = "张总，下周三下午3点和贵司技术团队做一次技术交流，48小时之内我把方案发给您和信息部的王主任，本周五下班前请您确认一下，您看可以吗？\n\n-----原始邮件-----\n发件人: 张总\n发送时间: 2026年11月26日 15:00\n过两天再碰一碰。", ReferenceTime = now },
            new() { Kind = DraftKind.Event, Subject = "Teams demo", Body = "please confirm 这个时间 OK 吗", Attendees = [new EmailAddress("王工", "wang@kehu.cn")], Start = now.AddDays(3), End = now.AddDays(3).AddHours(1), ReferenceTime = now },
        ];
        _warmingUp = true;
        try { foreach (var draft in drafts) Analyze(draft); }
        finally { _warmingUp = false; }
        _ = PatternsCompiled;
    }

    public DraftAnalysis Analyze(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!_warmingUp && !_compile.IsValueCreated) _ = PatternsCompiled;
        if (draft.ReferenceTime == default) draft = draft with { ReferenceTime = DateTimeOffset.Now };

        var document = DraftDocument.Read(draft, _ignored, _lexicon);
        var vague = VaguePhraseFinder.Find(document, _lexicon);
        var context = new SentenceContext(document, _lexicon, vague, DateElementFinder.Collect(document, _dates, out var datesCut));

        var action = ActionFinder.Find(context);
        var attendee = AttendeeFinder.Find(context);
        var date = DateElementFinder.Find(context);
        var confirmation = ConfirmationFinder.Find(context, hasStepOrTime: action.Present || date.Present);
        var nextStep = NextStepClassifier.Classify(context, action.Present, confirmation.Evidence);

        var outcome = action.Present && attendee.Present && date.Present
            ? confirmation.Present ? Outcome.ClosedLoop : Outcome.Advance
            : Outcome.Continuation;

        var asks = document.BodySentences
            .Where(s => _asks.IsAsk(document[s]))
            .Select(s => new TextSpan(s.Start, s.End, document[s]))
            .ToList();

        var analysis = new DraftAnalysis
        {
            Language = document.Language,
            AnalyzedText = document.Text,
            BodyStart = document.BodyStart,
            Ignored = document.Ignored,
            Truncated = document.Truncated || datesCut,
            Elements = new Model.Elements(action, attendee, date, confirmation),
            Outcome = outcome,
            NextStep = nextStep,
            VaguePhrases = vague,
            Asks = asks,
            ClosingTemplate = _templates.Build(document.Language, nextStep, TemplateAttendees(draft, attendee), date.Resolved),
        };
        return document.Folded ? AsWritten(analysis, document.OriginalText, document.Text) : analysis;
    }

    /// <summary>
    /// A draft in traditional Chinese, or with typographic apostrophes, is matched folded (<see cref="Text.MatchingText"/>);
    /// what the rep sees (the analyzed text and every piece of evidence) is given back as written. Offsets are the same in both.
    /// </summary>
    private static DraftAnalysis AsWritten(DraftAnalysis analysis, string original, string folded)
    {
        TextSpan Span(TextSpan s) => s with { Text = original[s.Start..s.End] };
        // The resolved time's words carry no offsets; folding keeps every offset, so they are where the folded text has them.
        ResolvedTime? Resolved(ResolvedTime? r) =>
            r is null || r.Text.Length == 0 || folded.IndexOf(r.Text, StringComparison.Ordinal) is not (>= 0 and var at) ? r
            : r with { Text = original.Substring(at, r.Text.Length) };
        List<TextSpan> Spans(IReadOnlyList<TextSpan> spans) => spans.Select(Span).ToList();
        var e = analysis.Elements;
        return analysis with
        {
            AnalyzedText = original,
            Elements = new Model.Elements(
                e.Action with { Evidence = Spans(e.Action.Evidence) },
                e.Attendee with { Evidence = Spans(e.Attendee.Evidence) },
                e.Date with { Evidence = Spans(e.Date.Evidence), Resolved = Resolved(e.Date.Resolved) },
                e.Confirmation with { Evidence = Spans(e.Confirmation.Evidence) }),
            VaguePhrases = analysis.VaguePhrases.Select(v => v with { Text = original[v.Start..v.End] }).ToList(),
            Asks = Spans(analysis.Asks),
        };
    }

    /// <summary>Who the template names: the people the draft already names, else the cc line, else the invite.</summary>
    private static List<string> TemplateAttendees(Draft draft, ElementReport attendee)
    {
        var named = attendee.Evidence.Select(e => e.Text.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Take(4).ToList();
        if (named.Count > 0) return named;
        var others = draft.Kind == DraftKind.Event ? draft.Everyone : draft.Cc ?? [];
        return others.Select(a => a.DisplayName).Where(n => n.Length > 0).Distinct().Take(4).ToList();
    }
}
