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

    /// <summary>The purposes a visit is only the place of (上门做一次技术交流 is the exchange).</summary>
    private static readonly NextStepType[] VisitYieldsTo =
        [NextStepType.TechnicalExchange, NextStepType.Introduction, NextStepType.ExecutiveMeeting];

    /// <summary>The purposes other than an executive meeting.</summary>
    private static readonly NextStepType[] PurposesBesideExecutive =
        [NextStepType.TechnicalExchange, NextStepType.Introduction, NextStepType.Visit];

    private const int SubjectWeight = 2;
    private const int ExecutivePairWeight = 3;

    /// <summary>"POC 测试报告", "security review findings": the cue is followed by a document noun, so it is the document's name.</summary>
    private static bool NamesADocument(SentenceContext context, int cueEnd, int sentenceEnd) =>
        context.Lexicon.IsMatch("documentNoun", context.Text, cueEnd, Math.Min(MaxDocumentNounGap, sentenceEnd - cueEnd));

    private const int MaxDocumentNounGap = 32;

    /// <summary>
    /// The sentences that can type the step, each with where its deferred part begins. Past sentences do not count,
    /// unless the next one reschedules them ("we had to cancel last Thursday's Zoom demo. I'll find another slot");
    /// a step put off for later counts from nowhere ("…, but that can wait") or only up to the words that put it off
    /// ("我的建议是先线上演示，看完再决定要不要做POC": the demo counts, the POC does not).
    /// </summary>
    private static List<Text.Sentence> SentencesAboutTheStep(SentenceContext context)
    {
        var sentences = context.Document.Sentences;
        var about = new List<Text.Sentence>();
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            var rescheduled = i + 1 < sentences.Count && context.IsMatch("rescheduleCue", sentences[i + 1]);
            if ((!rescheduled && context.IsAboutThePast(sentence)) || context.IsMatch("deferredSentence", sentence)) continue;
            about.Add(sentence);
        }
        return about;
    }

    /// <summary>"考察完分校区" (the visit is done), "POC 之后的 pricing" (the POC as a point in time): the cue is not the step.</summary>
    private static bool CueIsNotTheStep(SentenceContext context, int cueEnd, int sentenceEnd) =>
        context.Lexicon.IsMatch("cueNotTheStep", context.Text, cueEnd, Math.Min(MaxCueTailGap, sentenceEnd - cueEnd));

    private const int MaxCueTailGap = 8;

    /// <summary>
    /// Whether the words just before a cue, in its sentence, say it is not the step: it names a meeting already held
    /// ("Next steps after the workshop", 上次的交流), what a preparation is for ("data for the POC", "agenda for the
    /// workshop") or a purpose taken care of on the way ("再去一趟苏州工厂，…，顺便把 POC 的范围 finalize").
    /// </summary>
    private static bool LeadSaysNotTheStep(SentenceContext context, int sentenceStart, int cueStart) =>
        context.LeadMatches("cueAfterPast", sentenceStart, cueStart, SentenceContext.MaxCueLeadGap)
        || context.LeadMatches("cuePreparedFor", sentenceStart, cueStart, SentenceContext.MaxCueLeadGap)
        || context.LeadMatches("sidePurpose", sentenceStart, cueStart, MaxSidePurposeLead);

    private const int MaxSidePurposeLead = 48;

    /// <summary>The end of the word the cue starts with ("introduce" in "introduce our CEO to…").</summary>
    private static int IntroWordEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsLetter(text[i]) && !Text.LanguageDetector.IsHan(text[i])) i++;
        return i == start ? Math.Min(text.Length, start + 2) : i;
    }

    private static Dictionary<NextStepType, int> ScoreCues(SentenceContext context, IEnumerable<Text.Sentence> sentences, bool replySubject = false, bool withDeferred = false)
    {
        var sentenceHits = new List<(Text.Sentence Sentence, List<(NextStepType Type, int Start, int End)> Hits)>();
        foreach (var sentence in sentences)
        {
            if (!replySubject && context.IsReplySubject(sentence)) continue;
            var hits = context.Lexicon.NextStepPatterns
                .SelectMany(p => p.Pattern.Matches(context.Text, sentence.Start, sentence.End - sentence.Start)
                    .Where(m => (withDeferred || !context.IsDeferred(sentence, m.Index)) && !context.InsideVague(m.Index, m.Index + m.Length) && !CueIsNotTheStep(context, m.Index + m.Length, sentence.End)
                        && !LeadSaysNotTheStep(context, sentence.Start, m.Index))
                    .Select(m => (p.Type, Start: m.Index, End: m.Index + m.Length)))
                .ToList();
            // "send the POC test cases", "share the security review questionnaire": a cue inside the name of a
            // document being sent belongs to the document, not to the step.
            // "introduce our CEO to your COO": the rep introducing its own people is not the domain's introduction.
            hits.RemoveAll(h => h.Type == NextStepType.Introduction
                && context.Lexicon.IsMatch("repIntroduces", context.Text, IntroWordEnd(context.Text, h.Start), Math.Min(MaxCueTailGap * 4, sentence.End - IntroWordEnd(context.Text, h.Start))));
            var documents = hits.Where(h => h.Type == NextStepType.Materials).ToList();
            hits.RemoveAll(h => h.Type != NextStepType.Materials
                && (documents.Any(d => d.Start <= h.Start && h.End <= d.End) || NamesADocument(context, h.End, sentence.End)));
            sentenceHits.Add((sentence, hits));
        }
        DropReviewHeldOnline(context, sentenceHits);
        var scores = new Dictionary<NextStepType, int>();
        foreach (var (sentence, hits) in sentenceHits)
            foreach (var group in hits.GroupBy(h => h.Type))
                scores[group.Key] = scores.GetValueOrDefault(group.Key) + Math.Min(group.Count(), 2) * (sentence.IsSubject ? SubjectWeight : 1);
        return scores;
    }

    /// <summary>
    /// "方案评审（线上）", "方案评审改为线上：本周五…Teams 会议": a review of the proposal held online, with none of their
    /// engineers named, is the online meeting (labellers of five sets); in person, or "请贵司架构组参加", it is a
    /// technical exchange. Only the bare review is weighed this way: 技术方案评审 and 架构评审 are technical wherever held.
    /// </summary>
    private static void DropReviewHeldOnline(SentenceContext context, List<(Text.Sentence Sentence, List<(NextStepType Type, int Start, int End)> Hits)> sentenceHits)
    {
        bool IsBareReview((NextStepType Type, int Start, int End) h) =>
            h.Type == NextStepType.TechnicalExchange && context.Lexicon.IsMatch("bareProposalReview", context.Text, h.Start, h.End - h.Start);
        if (!sentenceHits.Any(s => s.Hits.Any(IsBareReview))) return;
        var online = OnlineMeetingCues(context);
        var heldOnline = LocationIsOnline(context) || sentenceHits.Any(s => online.IsMatch(context.Text, s.Sentence.Start, s.Sentence.End - s.Sentence.Start));
        if (!heldOnline || sentenceHits.Any(s => context.IsMatch("technicalAudience", s.Sentence))) return;
        foreach (var (_, hits) in sentenceHits) hits.RemoveAll(IsBareReview);
    }

    private static Lexicons.PatternGroup OnlineMeetingCues(SentenceContext context) =>
        context.Lexicon.NextStepPatterns.First(p => p.Type == NextStepType.OnlineMeeting).Pattern;

    private static bool LocationIsOnline(SentenceContext context)
    {
        var location = context.Document.Draft.Location;
        return !string.IsNullOrWhiteSpace(location) && OnlineMeetingCues(context).IsMatch(location, 0, location.Length);
    }

    /// <param name="asked">The sentences that ask the recipient to confirm (the confirmation evidence), if known.</param>
    public static NextStepType? Classify(SentenceContext context, bool hasAction, IReadOnlyList<TextSpan>? asked = null)
    {
        if (!hasAction) return null;
        var about = SentencesAboutTheStep(context);
        // "1. 出方案 2. 技术交流 3. 总经理拜访 … 眼下最要紧的是第一步：下周三前我把初步方案发给您", "The first thing I need is a
        // call with your product manager": the sentence the rep singles out among several steps types the draft.
        var singledOut = about.Where(s => context.IsMatch("focusStep", s)).ToList();
        if (singledOut.Count > 0 && Candidates(context, singledOut) is { Count: > 0 } focused) return Best(focused);
        // "下一步有三个方向：一是…，二是…" and "后面有机会，请我们刘总来拜访您": a menu of possible steps, a step offered for
        // some day or as a fallback, or a later step of a plan, types the draft only when no other sentence does.
        var overall = Candidates(context, about.Where(s => !context.IsMatch("optionsList", s) && !context.IsMatch("laterPossibly", s)
            && !IsUndatedLaterStep(context, s, asked)).ToList());
        if (overall.Count == 0) overall = Candidates(context, about);
        // "RE: Site visit for the walk-in cooler install" over "yep Tues 10am works, I'll bring Chris": a short reply
        // agreeing to the thread's step is typed by the thread's subject when its own text names none.
        if (overall.Count == 0) overall = Candidates(context, about, replySubject: true);
        // "等实施方案定稿后，我再去贵司拜访一次": when every step is put off, the one put off is still the draft's step.
        if (overall.Count == 0) overall = Candidates(context, about, withDeferred: true);
        // "A few things: 1) I'll send the questionnaire; 2) our CTO would like to meet your CIO this summer; 3) a deep-dive
        // with your network team. Could we do that deep-dive next Tuesday?": when several purposes are in play, the one
        // the rep asks the recipient to confirm (that sentence and the one before it) is the step.
        if (overall.Count > 1 && asked is { Count: > 0 })
        {
            // Only to choose between the purposes still in the running: a confirmation about a document's deadline
            // does not make the draft's meeting a materials step.
            var focal = ScoreCues(context, Focal(context, about, asked));
            var asks = overall.Keys.Where(t => Purposes.Contains(t) && focal.GetValueOrDefault(t) > 0).ToList();
            var top = asks.Count == 0 ? 0 : asks.Max(t => focal[t]);
            if (asks.Count(t => focal[t] == top) == 1) return asks.First(t => focal[t] == top);
        }
        return overall.Count == 0 ? null : Best(overall);
    }

    /// <summary>
    /// "② 您内部评估后，我们安排一次线上会议；③ 最后由我们 VP 拜访贵司高层": a later step of a plan, with no time of its own,
    /// is not the step asked for now (the first step, a later one that has its date, or the one the rep asks to confirm, is).
    /// </summary>
    private static bool IsUndatedLaterStep(SentenceContext context, Text.Sentence sentence, IReadOnlyList<TextSpan>? asked) =>
        context.IsMatch("laterInSequence", sentence)
        && !(asked ?? []).Any(a => a.Start < sentence.End && sentence.Start < a.End)
        && !context.HasResolvableDate(sentence);

    /// <summary>"Your engineering leads asked about rate limits. Our VP would walk them through the roadmap": the audience is named just before.</summary>
    private static bool AudienceReferredTo(SentenceContext context, Text.Sentence sentence)
    {
        if (!context.IsMatch("pronounParticipant", sentence)) return false;
        var sentences = context.Document.Sentences;
        for (var i = sentences.Count - 1; i >= 0; i--)
            if (sentences[i].End <= sentence.Start) return context.IsMatch("technicalAudience", sentences[i]);
        return false;
    }

    private static NextStepType Best(Dictionary<NextStepType, int> scores)
    {
        var best = scores.Values.Max();
        return Priority.First(t => scores.GetValueOrDefault(t) == best);
    }

    /// <summary>
    /// The sentences that ask for the confirmation, and before a short one that names a time but no step
    /// ("您看下周三下午2点可以吗？", "Does Tuesday at 2 work?") the sentence it refers back to.
    /// </summary>
    private static List<Text.Sentence> Focal(SentenceContext context, List<Text.Sentence> about, IReadOnlyList<TextSpan> asked)
    {
        var focal = new List<Text.Sentence>();
        for (var i = 0; i < about.Count; i++)
        {
            var s = about[i];
            if (!asked.Any(a => a.Start < s.End && s.Start < a.End)) continue;
            var refersBack = s.End - s.Start <= ShortQuestion && ScoreCues(context, [about[i]]).Count == 0
                && context.HasResolvableDate(s);
            if (refersBack && i > 0 && !about[i - 1].IsSubject && !focal.Contains(about[i - 1])) focal.Add(about[i - 1]);
            if (!focal.Contains(about[i])) focal.Add(about[i]);
        }
        return focal;
    }

    private const int ShortQuestion = 40;

    /// <summary>The types still in the running after the rules below, with their scores (empty: no type).</summary>
    private static Dictionary<NextStepType, int> Candidates(SentenceContext context, List<Text.Sentence> about, bool replySubject = false, bool withDeferred = false)
    {
        var scores = ScoreCues(context, about, replySubject, withDeferred);

        // Our executive and theirs in the same draft is an executive meeting, whatever else it mentions.
        bool Mentions(string group) => about.Any(s => context.Matches(group, s).Any(m => !context.IsDeferred(s, m.Index)));
        var ours = Mentions("ourExecutive");
        var greeting = context.Document.Greeting;
        var theirs = Mentions("yourExecutive")
            || context.Lexicon.IsMatch("addresseeExecutive", context.Text, greeting.Start, greeting.End - greeting.Start);
        // "Northwind's CEO … Litware's COO": two companies' executives named together are the pair, whichever side is ours.
        if ((ours && theirs) || Mentions("execPair")) scores[NextStepType.ExecutiveMeeting] = scores.GetValueOrDefault(NextStepType.ExecutiveMeeting) + ExecutivePairWeight;
        // "Our CEO will be in Tokyo and would like to meet Mr. Sato": our executive meeting someone there, with no technical
        // session, introduction or purposeful visit in play, is an executive meeting although the other side's title is
        // not written ("我们运营总监杜总去东莞仓看一下分拣线" stays a visit).
        else if (ours && !PurposesBesideExecutive.Any(scores.ContainsKey)
            && Mentions("execEncounter"))
            scores[NextStepType.ExecutiveMeeting] = scores.GetValueOrDefault(NextStepType.ExecutiveMeeting) + 1;

        if (LocationIsOnline(context)) scores[NextStepType.OnlineMeeting] = scores.GetValueOrDefault(NextStepType.OnlineMeeting) + 1;

        // A session, a review or a walkthrough with their engineers (SRE team, 信息科, IT 项目组) is a technical exchange
        // when nothing else names the step: neither a purpose nor documents to send. A demo or a call stays what it is.
        // An invite is one meeting, so there the session and the people may be in different lines.
        var technical = context.Document.Draft.Kind == DraftKind.Event
            ? Mentions("technicalActivity") && Mentions("technicalAudience")
            : about.Any(s => context.IsMatch("technicalActivity", s) && (context.IsMatch("technicalAudience", s) || AudienceReferredTo(context, s))
                && !context.Vague.Any(v => v.Kind == VagueKind.VagueTime && v.Start >= s.Start && v.End <= s.End));
        if (technical && !Purposes.Any(t => scores.GetValueOrDefault(t) > 0) && !scores.ContainsKey(NextStepType.Materials))
            scores[NextStepType.TechnicalExchange] = 1;

        // A phone call with a purpose (打个电话过一下条款) is an online meeting, but only when nothing else names the step.
        if (scores.Count == 0 && Mentions("remoteCall")) return new() { [NextStepType.OnlineMeeting] = 1 };
        // "我方商务邵婷到贵司财务部，递交盖章版合同": going over only to hand documents over is their delivery.
        if (scores.ContainsKey(NextStepType.Visit) && scores.ContainsKey(NextStepType.Materials) && Mentions("deliveryVisit")
            && !VisitYieldsTo.Any(scores.ContainsKey))
            scores.Remove(NextStepType.Visit);
        // Zoom, Teams or 腾讯会议 say how the step happens, not what it is: an architecture review on Zoom is a
        // technical exchange, an introduction on Teams an introduction. The format decides only when nothing else does.
        // Likewise documents prepared or revised around a workshop, a visit or an introduction are its preparation.
        // "I'll send a one-page scope summary by December 30 so you both have it in advance" of the call: the
        // document prepares the meeting, which is the step.
        // An online invite that goes through documents ("线上评审：修订版报价及服务条款") is the meeting; they are its agenda.
        var onlineInvite = context.Document.Draft.Kind == DraftKind.Event && scores.ContainsKey(NextStepType.OnlineMeeting);
        if (scores.ContainsKey(NextStepType.Materials) && (onlineInvite || Mentions("preparesForMeeting"))
            && (scores.ContainsKey(NextStepType.OnlineMeeting) || Mentions("remoteCall")))
        {
            scores.Remove(NextStepType.Materials);
            if (scores.Count == 0) return new() { [NextStepType.OnlineMeeting] = 1 };
        }
        if (Purposes.Any(t => scores.GetValueOrDefault(t) > 0))
        {
            scores.Remove(NextStepType.OnlineMeeting);
            scores.Remove(NextStepType.Materials);
        }
        // Coming on site says where a technical exchange, an introduction or an executive meeting happens: 上门做一次技术交流
        // is the exchange; "Michael could come to your Park Avenue office" is where our President meets your CEO.
        // "Site visit - RAH Emergency Dept, nurse call integration walk-through", "a joint visit … to present the range to
        // the biomedical engineering team": when the visit itself is named as the step, its technical purpose is what the
        // visit is for (labellers of four sets agree); "a session with your engineers at your office" stays the exchange.
        if (scores.ContainsKey(NextStepType.Visit) && scores.ContainsKey(NextStepType.TechnicalExchange) && Mentions("visitNoun")
            && !scores.ContainsKey(NextStepType.Introduction) && !scores.ContainsKey(NextStepType.ExecutiveMeeting))
            scores.Remove(NextStepType.TechnicalExchange);
        if (VisitYieldsTo.Any(t => scores.GetValueOrDefault(t) > 0))
            scores.Remove(NextStepType.Visit);
        return scores;
    }
}
