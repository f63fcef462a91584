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
            var hits = context.Lexicon.NextStepPatterns
                .SelectMany(p => p.Pattern.Matches(context.Text, sentence.Start, sentence.End - sentence.Start)
                    .Where(m => !context.InsideVague(m.Index, m.Index + m.Length))
                    .Select(m => (p.Type, Start: m.Index, End: m.Index + m.Length)))
                .ToList();
            // "send the POC test cases", "share the security review questionnaire": a cue inside the name of a
            // document being sent belongs to the document, not to the step.
            var documents = hits.Where(h => h.Type == NextStepType.Materials).ToList();
            hits.RemoveAll(h => h.Type != NextStepType.Materials && documents.Any(d => d.Start <= h.Start && h.End <= d.End));
            foreach (var group in hits.GroupBy(h => h.Type))
                scores[group.Key] = scores.GetValueOrDefault(group.Key) + Math.Min(group.Count(), 2) * (sentence.IsSubject ? SubjectWeight : 1);
        }
        // Our executive and theirs in the same draft is an executive meeting, whatever else it mentions.
        var ours = context.Document.Sentences.Any(s => !context.IsAboutThePast(s) && context.IsMatch("ourExecutive", s));
        var greeting = context.Document.Greeting;
        var theirs = context.Document.Sentences.Any(s => !context.IsAboutThePast(s) && context.IsMatch("yourExecutive", s))
            || context.Lexicon.IsMatch("addresseeExecutive", context.Text, greeting.Start, greeting.End - greeting.Start);
        if (ours && theirs) scores[NextStepType.ExecutiveMeeting] = scores.GetValueOrDefault(NextStepType.ExecutiveMeeting) + ExecutivePairWeight;

        var location = context.Document.Draft.Location;
        if (!string.IsNullOrWhiteSpace(location))
            foreach (var (type, pattern) in context.Lexicon.NextStepPatterns)
                if (type == NextStepType.OnlineMeeting && pattern.IsMatch(location, 0, location.Length))
                    scores[type] = scores.GetValueOrDefault(type) + 1;

        if (scores.Count == 0) return null;
        var best = scores.Values.Max();
        return Priority.First(t => scores.GetValueOrDefault(t) == best);
    }
}
