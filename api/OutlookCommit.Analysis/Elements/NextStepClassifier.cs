using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Analysis.Elements;

/// <summary>
/// The next step's type: the type whose cues weigh most in the rep's own text (the subject weighs double).
/// Ties go to the type that says most about the deal's progress, in <see cref="Priority"/> order.
/// </summary>
public static class NextStepClassifier
{
    public static readonly NextStepType[] Priority =
    [
        NextStepType.ExecutiveMeeting, NextStepType.Introduction, NextStepType.TechnicalExchange,
        NextStepType.Visit, NextStepType.OnlineMeeting, NextStepType.Materials,
    ];

    private const int SubjectWeight = 2;
    private const int ExecutivePairWeight = 3;

    public static NextStepType? Classify(SentenceContext context, bool hasAction)
    {
        if (!hasAction) return null;
        var scores = new Dictionary<NextStepType, int>();
        foreach (var sentence in context.Document.Sentences)
        {
            if (context.IsAboutThePast(sentence) || context.IsReplySubject(sentence)) continue;
            foreach (var (type, pattern) in context.Lexicon.NextStepPatterns)
            {
                var hits = Text.SafeRegex.Matches(pattern, context.Text, sentence.Start, sentence.End - sentence.Start)
                    .Count(m => !context.InsideVague(m.Index, m.Index + m.Length));
                if (hits == 0) continue;
                scores[type] = scores.GetValueOrDefault(type) + Math.Min(hits, 2) * (sentence.IsSubject ? SubjectWeight : 1);
            }
        }
        // Our executive and theirs in the same draft is an executive meeting, whatever else it mentions.
        var ours = context.Document.Sentences.Any(s => !context.IsAboutThePast(s) && context.IsMatch("ourExecutive", s));
        var theirs = context.Document.Sentences.Any(s => !context.IsAboutThePast(s) && context.IsMatch("yourExecutive", s));
        if (ours && theirs) scores[NextStepType.ExecutiveMeeting] = scores.GetValueOrDefault(NextStepType.ExecutiveMeeting) + ExecutivePairWeight;

        var location = context.Document.Draft.Location;
        if (!string.IsNullOrWhiteSpace(location))
            foreach (var (type, pattern) in context.Lexicon.NextStepPatterns)
                if (type == NextStepType.OnlineMeeting && Text.SafeRegex.IsMatch(pattern, location))
                    scores[type] = scores.GetValueOrDefault(type) + 1;

        if (scores.Count == 0) return null;
        var best = scores.Values.Max();
        return Priority.First(t => scores.GetValueOrDefault(t) == best);
    }
}
