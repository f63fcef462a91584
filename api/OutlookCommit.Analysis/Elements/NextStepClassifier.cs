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

    /// <summary>The types that say what the step is for; the medium (online meeting) and documents (materials) do not.</summary>
    public static readonly NextStepType[] Purposes =
        [NextStepType.ExecutiveMeeting, NextStepType.Introduction, NextStepType.TechnicalExchange, NextStepType.Visit];

    private const int SubjectWeight = 2;
    private const int ExecutivePairWeight = 3;

    /// <summary>"POC 测试报告", "security review findings": the cue is followed by a document noun, so it is the document's name.</summary>
    private static bool NamesADocument(SentenceContext context, int cueEnd, int sentenceEnd) =>
        context.Lexicon.IsMatch("documentNoun", context.Text, cueEnd, Math.Min(MaxDocumentNounGap, sentenceEnd - cueEnd));

    private const int MaxDocumentNounGap = 32;

    /// <summary>Past sentences and steps put off for later ("if it makes sense, our VP could meet your CMO in January") do not type this step.</summary>
    private static bool IsAboutTheStep(SentenceContext context, Text.Sentence sentence) =>
        !context.IsAboutThePast(sentence) && !context.IsMatch("deferredStep", sentence);

    public static NextStepType? Classify(SentenceContext context, bool hasAction)
    {
        if (!hasAction) return null;
        var scores = new Dictionary<NextStepType, int>();
        foreach (var sentence in context.Document.Sentences)
        {
            if (!IsAboutTheStep(context, sentence) || context.IsReplySubject(sentence)) continue;
            var hits = context.Lexicon.NextStepPatterns
                .SelectMany(p => p.Pattern.Matches(context.Text, sentence.Start, sentence.End - sentence.Start)
                    .Where(m => !context.InsideVague(m.Index, m.Index + m.Length))
                    .Select(m => (p.Type, Start: m.Index, End: m.Index + m.Length)))
                .ToList();
            // "send the POC test cases", "share the security review questionnaire": a cue inside the name of a
            // document being sent belongs to the document, not to the step.
            var documents = hits.Where(h => h.Type == NextStepType.Materials).ToList();
            hits.RemoveAll(h => h.Type != NextStepType.Materials
                && (documents.Any(d => d.Start <= h.Start && h.End <= d.End) || NamesADocument(context, h.End, sentence.End)));
            foreach (var group in hits.GroupBy(h => h.Type))
                scores[group.Key] = scores.GetValueOrDefault(group.Key) + Math.Min(group.Count(), 2) * (sentence.IsSubject ? SubjectWeight : 1);
        }
        // Our executive and theirs in the same draft is an executive meeting, whatever else it mentions.
        var ours = context.Document.Sentences.Any(s => IsAboutTheStep(context, s) && context.IsMatch("ourExecutive", s));
        var greeting = context.Document.Greeting;
        var theirs = context.Document.Sentences.Any(s => IsAboutTheStep(context, s) && context.IsMatch("yourExecutive", s))
            || context.Lexicon.IsMatch("addresseeExecutive", context.Text, greeting.Start, greeting.End - greeting.Start);
        if (ours && theirs) scores[NextStepType.ExecutiveMeeting] = scores.GetValueOrDefault(NextStepType.ExecutiveMeeting) + ExecutivePairWeight;

        var location = context.Document.Draft.Location;
        if (!string.IsNullOrWhiteSpace(location))
            foreach (var (type, pattern) in context.Lexicon.NextStepPatterns)
                if (type == NextStepType.OnlineMeeting && pattern.IsMatch(location, 0, location.Length))
                    scores[type] = scores.GetValueOrDefault(type) + 1;

        // A session, a review or a walkthrough with their engineers (SRE team, 信息科, IT 项目组) is a technical exchange
        // when nothing else names the step: neither a purpose nor documents to send. A demo or a call stays what it is.
        if (!Purposes.Any(t => scores.GetValueOrDefault(t) > 0) && !scores.ContainsKey(NextStepType.Materials) && context.Document.Sentences.Any(s =>
                IsAboutTheStep(context, s) && context.IsMatch("technicalActivity", s) && context.IsMatch("technicalAudience", s)))
            scores[NextStepType.TechnicalExchange] = 1;

        // A phone call with a purpose (打个电话过一下条款) is an online meeting, but only when nothing else names the step.
        if (scores.Count == 0 && context.Document.Sentences.Any(s => IsAboutTheStep(context, s) && context.IsMatch("remoteCall", s)))
            return NextStepType.OnlineMeeting;
        if (scores.Count == 0) return null;
        // Zoom, Teams or 腾讯会议 say how the step happens, not what it is: an architecture review on Zoom is a
        // technical exchange, an introduction on Teams an introduction. The format decides only when nothing else does.
        // Likewise documents prepared or revised around a workshop, a visit or an introduction are its preparation.
        if (Purposes.Any(t => scores.GetValueOrDefault(t) > 0))
        {
            scores.Remove(NextStepType.OnlineMeeting);
            scores.Remove(NextStepType.Materials);
        }
        var best = scores.Values.Max();
        return Priority.First(t => scores.GetValueOrDefault(t) == best);
    }
}
