using System.Diagnostics;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Asks;
using OutlookCommit.Analysis.Dates;
using OutlookCommit.Analysis.Elements;
using OutlookCommit.Analysis.Lexicons;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Benchmarks;

/// <summary>
/// The pipeline of <see cref="DraftAnalyzer.Analyze"/> replayed stage by stage through the engine's public types, each
/// stage timed on its own (median of many runs, Stopwatch): a rough breakdown of where a draft's time goes.
/// Keep in step with DraftAnalyzer.Analyze.
/// </summary>
public sealed class Stages
{
    private readonly Lexicon _lexicon = new();
    private readonly IgnoredRangeFinder _ignored = new();
    private readonly DateFinder _dates;

    public Stages()
    {
        // The same time hint the engine uses, so this stage costs what it costs inside DraftAnalyzer.
        _dates = new DateFinder(new DateRules(_lexicon.Files), timeHint: (text, start, length) => _lexicon.IsMatch("timeHint", text, start, length));
        _dates.WarmUp(DateTimeOffset.Now);
    }

    public IReadOnlyList<(string Stage, double MedianMs)> Measure(Draft draft, int runs)
    {
        var document = DraftDocument.Read(draft, _ignored, _lexicon);
        var vague = VaguePhraseFinder.Find(document, _lexicon);
        var dated = DateElementFinder.Collect(document, _dates, out _);
        SentenceContext Fresh() => new(document, _lexicon, vague, dated);
        var rows = new List<(string, double)>
        {
            ("read (HTML to text, quotes/signatures, sentences, language)", Median(runs, () => DraftDocument.Read(draft, _ignored, _lexicon))),
            ("vague phrases", Median(runs, () => VaguePhraseFinder.Find(document, _lexicon))),
            ($"dates (DateFinder over the rep's {document.Sentences.Count} sentences, one call each, budgeted)", Median(runs, () => DateElementFinder.Collect(document, _dates, out _))),
            ("  for comparison: DateFinder over the same text in one call", Median(runs, () => _dates.Find(document.Text, document.Sentences[0].Start, document.Sentences[^1].End, draft.ReferenceTime))),
            ("elements + next-step type (fresh SentenceContext)", Median(runs, () =>
            {
                var context = new SentenceContext(document, _lexicon, vague, dated);
                var action = ActionFinder.Find(context);
                AttendeeFinder.Find(context);
                DateElementFinder.Find(context);
                ConfirmationFinder.Find(context);
                return NextStepClassifier.Classify(context, action.Present);
            })),
            ("  of which, alone on a fresh context: action", Median(runs, () => ActionFinder.Find(Fresh()))),
            ("  of which, alone on a fresh context: attendee", Median(runs, () => AttendeeFinder.Find(Fresh()))),
            ("  of which, alone on a fresh context: date element", Median(runs, () => DateElementFinder.Find(Fresh()))),
            ("  of which, alone on a fresh context: confirmation", Median(runs, () => ConfirmationFinder.Find(Fresh()))),
            ("  of which, alone on a fresh context: next-step type", Median(runs, () => NextStepClassifier.Classify(Fresh(), true))),
            ("ask detector", Median(runs, () => document.BodySentences.Count(s => AskDetector.Default.IsAsk(document[s])))),
        };
        return rows;
    }

    /// <summary>The costliest lexicon groups: each group matched alone over every sentence of the draft.</summary>
    public IReadOnlyList<(string Group, double MedianMs)> CostliestGroups(Draft draft, int runs, int top)
    {
        var document = DraftDocument.Read(draft, _ignored, _lexicon);
        return _lexicon.Files.SelectMany(f => f.Patterns.Keys).Distinct()
            .Select(group => (group, Median(runs, () => document.Sentences.Sum(s => _lexicon.Matches(group, document.Text, s.Start, s.End - s.Start).Count()))))
            .OrderByDescending(x => x.Item2)
            .Take(top)
            .ToList();
    }

    private static double Median<T>(int runs, Func<T> stage)
    {
        for (var i = 0; i < 3; i++) stage();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            GC.KeepAlive(stage());
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }
}
