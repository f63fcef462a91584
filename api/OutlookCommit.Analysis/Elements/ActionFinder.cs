using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Analysis.Elements;

/// <summary>The action element: a specific next step, an activity with an object. The subject line counts.</summary>
public static class ActionFinder
{
    private const int MaxGapAfterFrame = 40;
    private const int MaxDoneTail = 8;

    /// <summary>
    /// The general shape of a step: a request or commitment ("could you", "I'll", 请, 我们会) followed by a
    /// concrete verb and a real object ("add his analysts to the workspace", 把样机寄出) — not "get back to you".
    /// </summary>
    private static TextSpan? FindCommittedStep(SentenceContext context, Text.Sentence sentence)
    {
        var text = context.Text;
        foreach (var frame in context.Matches("commitFrame", sentence))
        {
            var from = frame.Index + frame.Length;
            var window = Math.Min(sentence.End, from + MaxGapAfterFrame) - from;
            if (window <= 0) continue;
            foreach (var verb in context.Lexicon.Matches("concreteVerb", text, from, window))
            {
                var objectStart = verb.Index + verb.Length;
                if (!HasRealObject(context, objectStart, sentence.End)) continue;
                if (context.OverlapsVague(frame.Index, Math.Min(sentence.End, objectStart + 12), VagueKind.VagueAction)) continue;
                return context.Span(frame.Index, Math.Min(sentence.End, objectStart + 30));
            }
        }
        return null;
    }

    /// <summary>A one-word subject ("Demo", 汇报) names a topic, not a step.</summary>
    private static bool IsBareSubject(SentenceContext context, Text.Sentence sentence)
    {
        if (!sentence.IsSubject) return false;
        var text = context.Text.AsSpan(sentence.Start, sentence.End - sentence.Start);
        int han = 0, words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (Text.LanguageDetector.IsHan(c)) han++;
            var letter = char.IsAsciiLetter(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        if (words > 1 || han > 4) return false;
        // An invite's subject is the meeting's name: 方案评审, 方案汇报 or 技术交流 on an invite names the step;
        // 周会, 沟通 or 电话沟通 do not.
        return !(context.Document.Draft.Kind == DraftKind.Event && han == 4 && NamesAStep(context, sentence));
    }

    /// <summary>方案评审, 技术交流, 方案汇报 name a step; 电话沟通 (a weak step) and 周会 do not.</summary>
    private static bool NamesAStep(SentenceContext context, Text.Sentence sentence) =>
        context.IsMatch("action", sentence) && !context.IsMatch("weakAction", sentence) && !NamesOnlyTheMedium(context, sentence);

    /// <summary>An invite titled 腾讯会议 or "Teams meeting" names the tool, not the step.</summary>
    private static bool NamesOnlyTheMedium(SentenceContext context, Text.Sentence sentence)
    {
        var types = context.Lexicon.NextStepPatterns
            .Where(p => p.Pattern.IsMatch(context.Text, sentence.Start, sentence.End - sentence.Start))
            .Select(p => p.Type).ToList();
        return types.Count > 0 && types.All(t => t == NextStepType.OnlineMeeting);
    }

    private static bool IsTopic(SentenceContext context, Text.Sentence sentence, int at)
    {
        var from = Math.Max(sentence.Start, at - 24);
        return context.Lexicon.IsMatch("topicPrefix", context.Text[from..at]);
    }

    /// <summary>The first content word after the verb is a thing, not a pronoun, filler or vague word.</summary>
    private static bool HasRealObject(SentenceContext context, int start, int end)
    {
        var text = context.Text;
        var i = start;
        while (i < end)
        {
            while (i < end && !char.IsLetterOrDigit(text[i])) i++;
            if (i >= end) return false;
            if (Text.LanguageDetector.IsHan(text[i]))
            {
                var rest = text[i..Math.Min(end, i + 6)];
                return !context.Lexicon.IsMatch("emptyObject", rest) && !context.OverlapsVague(i, Math.Min(end, i + 2));
            }
            var wordStart = i;
            while (i < end && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '-')) i++;
            var word = text[wordStart..i];
            // "review internally and get back to you": the object ends where the clause does.
            if (word.ToLowerInvariant() is "and" or "or" or "then" or "but" or "so") return false;
            if (word.Length < 3 || word.EndsWith("ly", StringComparison.OrdinalIgnoreCase)) continue;
            if (context.Lexicon.IsMatch("emptyObject", word)) { if (IsStopWord(word)) continue; return false; }
            return !context.OverlapsVague(wordStart, i);
        }
        return false;
    }

    /// <summary>Function words are skipped on the way to the object; empty nouns ("it", "time") end the search.</summary>
    private static bool IsStopWord(string word) => word.ToLowerInvariant() is
        "the" or "and" or "for" or "with" or "your" or "our" or "their" or "his" or "its" or "all" or "both"
        or "one" or "few" or "couple" or "about" or "into" or "onto" or "from" or "over" or "next" or "there" or "here";

    public static ElementReport Find(SentenceContext context)
    {
        var evidence = new List<TextSpan>();
        var vagueDraft = context.Vague.Any(v => v.Kind == VagueKind.VagueAction);
        foreach (var sentence in context.Document.Sentences)
        {
            if (context.IsAboutThePast(sentence) || context.IsReplySubject(sentence) || IsBareSubject(context, sentence)) continue;
            // "Join Zoom Meeting", "王明 邀请您参加腾讯会议": the calendar tool's text, not a step the rep wrote.
            if (context.IsMatch("meetingBoilerplate", sentence)) continue;
            // "附件是我们准备的初步方案" / "Attached is the proposal": the document arrives with this email; it is no step.
            // Only that clause: "附件是…测算表，麻烦你下周一前转给财务的Grace看一下" still asks for a step.
            var delivered = context.IsMatch("deliveredNow", sentence)
                ? context.ClausesOf(sentence).Where(c => context.Lexicon.IsMatch("deliveredNow", context.Text, c.Start, c.End - c.Start)).ToList()
                : [];
            var vagueSentence = context.Vague.Any(v => v.Kind == VagueKind.VagueAction && v.Start >= sentence.Start && v.End <= sentence.End);
            // "我们董事长想专程来拜访一下您": a visit is a courtesy, but our executive making it is the step itself.
            var byOurExecutive = context.IsMatch("ourExecutive", sentence);
            foreach (var m in context.Matches("action", sentence))
            {
                if (delivered.Any(c => c.Start <= m.Index && m.Index < c.End)) continue;
                // "7月8日演示之后，…想跟您再约个时间深入聊聊", "Following our demo on Tuesday, …": an activity already done,
                // or named as a point in time, is no step.
                if (context.LeadMatches("cueAfterPast", sentence.Start, m.Index, SentenceContext.MaxCueLeadGap)) continue;
                if (context.Lexicon.IsMatch("actionAlreadyDone", context.Text, m.Index + m.Length, Math.Min(MaxDoneTail, sentence.End - m.Index - m.Length))) continue;
                if (!byOurExecutive && context.OverlapsVague(m.Index, m.Index + m.Length, VagueKind.VagueAction)) continue;
                // "Let's reconnect on the pilot": beside a vague verb, an activity is only the topic.
                if (vagueSentence && IsTopic(context, sentence, m.Index)) continue;
                evidence.Add(context.Span(m.Index, m.Index + m.Length));
            }
            // A call or a meal is a step only in a draft that is not about "touching base" (碰一下, 聊聊, catch up)
            // and when it has a time ("改天请您吃个饭" is a pleasantry).
            var vagueTime = context.Vague.Any(v => v.Kind == VagueKind.VagueTime && v.Start >= sentence.Start && v.End <= sentence.End);
            if (delivered.Count > 0) continue;
            if (!vagueDraft && !vagueTime)
                foreach (var m in context.Matches("weakAction", sentence))
                    evidence.Add(context.Span(m.Index, m.Index + m.Length));
            // "Please do pass on our thanks to Dr Reid": a request that only passes on thanks commits to nothing.
            if (evidence.Count == 0 && !context.IsMatch("thanksPassedOn", sentence) && FindCommittedStep(context, sentence) is { } step) evidence.Add(step);
        }
        if (evidence.Count > 0) return new ElementReport { Present = true, Evidence = evidence };
        var vague = context.FirstVague(VagueKind.VagueAction) ?? context.FirstVague(VagueKind.VagueAsk);
        return new ElementReport
        {
            Present = false,
            Reason = vague is null ? context.Reason("actionMissing") : context.Reason("actionVague", vague.Text),
        };
    }
}
