using OutlookCommit.Analysis.Asks;
using OutlookCommit.Analysis.Dates;
using OutlookCommit.Analysis.Elements;
using OutlookCommit.Analysis.Lexicons;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Templates;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis;

/// <summary>The engine. Build one per process: construction compiles the lexicons and loads the date models.</summary>
public sealed class DraftAnalyzer : IDraftAnalyzer
{
    private readonly Lexicon _lexicon;
    private readonly IgnoredRangeFinder _ignored;
    private readonly DateFinder _dates;
    private readonly ClosingTemplateBuilder _templates;
    private readonly AskDetector _asks;

    public DraftAnalyzer()
    {
        _lexicon = new Lexicon();
        _ignored = new IgnoredRangeFinder();
        _dates = new DateFinder(new DateRules(_lexicon.Files));
        _templates = new ClosingTemplateBuilder();
        _asks = AskDetector.Default;
    }

    public void WarmUp()
    {
        var now = DateTimeOffset.Now;
        _dates.WarmUp(now);
        Analyze(new Draft { Subject = "Workshop", Body = "Hi Ann, could we hold a workshop with your IT team next Tuesday at 2pm? Does that work?", ReferenceTime = now });
        Analyze(new Draft { Subject = "技术交流", Body = "张总，下周三下午3点和贵司技术团队做一次技术交流，您看可以吗？", ReferenceTime = now });
    }

    public DraftAnalysis Analyze(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.ReferenceTime == default) draft = draft with { ReferenceTime = DateTimeOffset.Now };

        var document = DraftDocument.Read(draft, _ignored, _lexicon);
        var vague = VaguePhraseFinder.Find(document, _lexicon);
        var context = new SentenceContext(document, _lexicon, vague, DateElementFinder.Collect(document, _dates, out var datesCut));

        var action = ActionFinder.Find(context);
        var attendee = AttendeeFinder.Find(context);
        var date = DateElementFinder.Find(context);
        var confirmation = ConfirmationFinder.Find(context);
        var nextStep = NextStepClassifier.Classify(context, action.Present);

        var outcome = action.Present && attendee.Present && date.Present
            ? confirmation.Present ? Outcome.ClosedLoop : Outcome.Advance
            : Outcome.Continuation;

        var asks = document.BodySentences
            .Where(s => _asks.IsAsk(document[s]))
            .Select(s => new TextSpan(s.Start, s.End, document[s]))
            .ToList();

        return new DraftAnalysis
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
