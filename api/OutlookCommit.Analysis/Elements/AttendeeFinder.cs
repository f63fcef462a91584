using System.Text.RegularExpressions;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Analysis.Text;

namespace OutlookCommit.Analysis.Elements;

/// <summary>
/// The attendee element: someone besides the sender and the addressee takes part in the next step — a person
/// by name or title, or a specific team or role. For an invite, at least one attendee is on it.
/// </summary>
public static class AttendeeFinder
{
    public static ElementReport Find(SentenceContext context)
    {
        var draft = context.Document.Draft;
        var evidence = FindMentions(context);
        if (draft.Kind == DraftKind.Event)
        {
            // Only required attendees take part for sure; optional ones may not come.
            var onInvite = (draft.Attendees ?? []).Any(a => !string.IsNullOrWhiteSpace(a.DisplayName));
            return onInvite
                ? new ElementReport { Present = true, Evidence = evidence }
                : new ElementReport { Present = false, Evidence = [], Reason = context.Reason("attendeeEventMissing") };
        }
        if (evidence.Count > 0) return new ElementReport { Present = true, Evidence = evidence };

        var generic = context.Document.Sentences
            .SelectMany(s => context.Matches("attendeeGeneric", s))
            .FirstOrDefault();
        return new ElementReport
        {
            Present = false,
            Reason = generic is null ? context.Reason("attendeeMissing") : context.Reason("attendeeGeneric", generic.Value),
        };
    }

    private static List<TextSpan> FindMentions(SentenceContext context)
    {
        var document = context.Document;
        var addressee = AddresseeWords(document.Draft);
        var found = new List<TextSpan>();
        var sentences = document.Sentences;
        var inPlan = false;
        var otherStep = sentences.Any(s => !s.IsSubject && !context.IsMatch("laterPossibly", s) && !context.IsAboutThePast(s)
            && context.Matches("action", s).Any(m => !context.IsDeferred(s, m.Index)));
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            // "Proposed next step:" followed by bullets: every bullet is part of the plan, whatever its tense.
            var planned = inPlan && context.IsMatch("planBullet", sentence);
            inPlan = planned || context.IsMatch("planHeader", sentence);
            // "We had to cancel the review with Ray and Tasha. Let's reschedule it": the people carry over to the new date.
            var rescheduled = i + 1 < sentences.Count && context.IsMatch("rescheduleCue", sentences[i + 1]);
            // "Your Finance Director, Harriet Cole, owns the budget. Could you introduce me to her?": the step names
            // its participant by a pronoun; the person is in the sentence before.
            var referredTo = i + 1 < sentences.Count && !sentences[i + 1].IsSubject
                && context.IsMatch("pronounParticipant", sentences[i + 1]) && LooksForward(context, sentences[i + 1]);
            if (!rescheduled && !planned && !referredTo && (context.IsAboutThePast(sentence) || !LooksForward(context, sentence))) continue;
            if (context.IsReplySubject(sentence)) continue;
            // "I'm out until Monday; for urgent matters contact Rita Gomez": a stand-in, not a participant.
            if (context.IsMatch("absenceContext", sentence)) continue;
            // "第三步，如果价格上需要拍板，我们老板可以过去拜访": people of a fallback step take part only if it is the only step.
            if (otherStep && context.IsMatch("laterPossibly", sentence) && !context.IsMatch("confirmation", sentence)) continue;
            var generic = context.Matches("attendeeGeneric", sentence).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
            // "二是待预算口径明确后，我们再安排与财务处的沟通": people of a step put off for later, when another step is asked for now.
            bool Excluded(int start, int end) =>
                (otherStep && context.IsDeferred(sentence, start))
                || context.OverlapsBlank(start, end)
                || (start < document.Greeting.End && document.Greeting.Start < end)
                || generic.Any(g => g.Index < end && start < g.End)
                // "Any update from procurement?": people inside a vague ask are not part of a step.
                || context.InsideVague(start, end, VagueKind.VagueAsk)
                || IsGreetedOnly(context, sentence, start)
                || found.Any(f => f.Start < end && start < f.End);

            foreach (var m in context.Matches("attendeeRole", sentence))
            {
                var name = m.Groups["name"];
                if (name.Success && IsAddressee(name.Value, addressee, surnameOnly: true)) continue;
                if (name.Success && !LanguageDetector.IsHan(name.Value[0]) && !IsPersonName(context, name.Value)) continue;
                if (Excluded(m.Index, m.Index + m.Length)) continue;
                found.Add(context.Span(m.Index, m.Index + m.Length));
            }
            foreach (var m in context.Matches("attendeeName", sentence))
            {
                var name = m.Groups["name"];
                if (!name.Success || !IsPersonName(context, name.Value) || IsAddressee(name.Value, addressee, surnameOnly: false)) continue;
                if (IsPossessive(context, name.Index + name.Length)) continue; // "Fabrikam's line": a thing, not a person
                if (Excluded(name.Index, name.Index + name.Length)) continue;
                found.Add(context.Span(name.Index, name.Index + name.Length));
            }
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>"Please pass my thanks to Jorge", 代我向刘总问好: the person is greeted or thanked, not part of the step.</summary>
    private static bool IsGreetedOnly(SentenceContext context, Sentence sentence, int start) =>
        context.Matches("thanksPassedOn", sentence).Any(m => m.Index < start && start - (m.Index + m.Length) <= MaxGreetingLead);

    private const int MaxGreetingLead = 50;

    /// <summary>
    /// People take part in the next step only in sentences about it: a sentence with an action, a time, a
    /// request or a commitment. "I've cc'd my manager" or "a note from our product team" names no participant.
    /// </summary>
    private static bool LooksForward(SentenceContext context, Sentence sentence) =>
        context.IsMatch("action", sentence)
        || (!sentence.IsSubject && context.Text[sentence.Start..sentence.End].TrimEnd() is [.., '?' or '？'])
        || context.HasResolvableDate(sentence)
        || context.IsMatch("commitFrame", sentence)
        || context.IsMatch("futureCue", sentence)
        || context.IsMatch("confirmation", sentence);

    private static bool IsPossessive(SentenceContext context, int end)
    {
        var text = context.Text;
        if (!(end + 1 < text.Length && text[end] is '\'' or '’' && text[end + 1] is 's' or 'S')) return false;
        // "Aisha's in SG", "Raj's joining": 's for "is"/"has" before a preposition or a verb form (lexicon data).
        var from = end + 2;
        return !context.Lexicon.IsMatch("contractionFollower", text, from, Math.Min(20, text.Length - from));
    }

    /// <summary>
    /// Every word of the name is a possible name word; with a lowercase particle ("Jan de Vries") the surname decides,
    /// since a first name may also be a word the lexicon refuses alone ("Jan" the month).
    /// </summary>
    private static bool IsPersonName(SentenceContext context, string name)
    {
        var parts = name.Split(' ', '-');
        var named = parts.Where(part => part.Length > 0 && char.IsUpper(part[0])).ToList();
        var checkedParts = named.Count < parts.Length ? named.TakeLast(1) : parts;
        return named.Count > 0 && checkedParts.All(part => part.Length > 1 && !context.Lexicon.IsMatch("notAName", part));
    }

    /// <summary>Words that refer to the people the draft is addressed to: name parts, address local part, company.</summary>
    private static HashSet<string> AddresseeWords(Draft draft)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in draft.Addressees)
        {
            foreach (var part in Regex.Split(person.Name ?? "", @"[\s,.()]+", RegexOptions.None, TimeSpan.FromMilliseconds(50)))
                if (part.Length > 0) words.Add(part);
            var address = person.Address ?? "";
            var at = address.IndexOf('@');
            if (at > 0)
            {
                foreach (var part in address[..at].Split('.', '_', '-')) if (part.Length > 1) words.Add(part);
                var domain = address[(at + 1)..].Split('.');
                if (domain.Length > 0 && domain[0].Length > 1) words.Add(domain[0]);
            }
        }
        return words;
    }

    /// <summary>
    /// English names match on any word; a Chinese title (张总, 韩工) matches the addressee by surname, since
    /// the To line often has the full name while the text uses the title.
    /// </summary>
    private static bool IsAddressee(string mention, HashSet<string> addressee, bool surnameOnly)
    {
        if (mention.Length == 0) return false;
        if (surnameOnly && LanguageDetector.IsHan(mention[0]))
            return addressee.Any(w => w.Length > 0 && LanguageDetector.IsHan(w[0]) && w[0] == mention[0]);
        return mention.Split(' ', '-').Any(addressee.Contains);
    }
}
