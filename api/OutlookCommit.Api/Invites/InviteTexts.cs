using System.Text.RegularExpressions;
using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Api.Invites;

/// <summary>The technical-exchange invite's subject and agenda, in the draft's language.</summary>
public static partial class InviteTexts
{
    public static bool IsChinese(DraftAnalysis analysis) => analysis.Language is "zh" or "mixed";

    public static string Subject(string? draftSubject, bool chinese)
    {
        var topic = ReplyPrefix().Replace(draftSubject ?? "", "").Trim();
        if (chinese)
            return topic.Length == 0 ? "技术交流会" : topic.Contains("技术交流", StringComparison.Ordinal) ? topic : $"技术交流会：{topic}";
        return topic.Length == 0 ? "Technical exchange" : $"Technical exchange: {topic}";
    }

    public static string Agenda(int minutes, bool chinese) => chinese
        ? $"""
           会议议程（{minutes} 分钟）：
           1. 双方介绍与本次交流的目标
           2. 贵方技术团队介绍现有架构与需求
           3. 我方售前专家讲解技术方案，深入讨论重点问题
           4. 问题与解答
           5. 确认下一步：具体事项、负责人和时间
           """
        : $"""
           Agenda ({minutes} minutes):
           1. Introductions and the goal of this session
           2. Your technical team: current architecture and requirements
           3. Our presales expert: solution deep-dive on the key questions
           4. Questions and answers
           5. Agree the next step: what, who, and by when
           """;

    /// <summary>Graph's emptySuggestionsReason in words.</summary>
    public static string? EmptyReason(string? reason, bool chinese) => reason switch
    {
        null or "" => null,
        "AttendeesUnavailable" => chinese ? "未来 10 个工作日内，所有参会人没有共同的空闲时间。" : "The attendees have no common free time in the next 10 working days.",
        "AttendeesUnavailableOrUnknown" => chinese ? "部分参会人忙碌，或其日历无法读取（例如外部客户）。" : "Some attendees are busy, or their calendars cannot be read (for example, people outside your organization).",
        "LocationsUnavailable" => chinese ? "没有可用的会议地点。" : "No meeting location is available.",
        "OrganizerUnavailable" => chinese ? "您在未来 10 个工作日的工作时间内没有空闲。" : "You have no free time in your working hours over the next 10 working days.",
        _ => chinese ? $"Microsoft Graph 未找到合适时间（{reason}）。" : $"Microsoft Graph found no suitable time ({reason}).",
    };

    [GeneratedRegex(@"^\s*((re|fw|fwd|aw|wg)\s*:\s*|(回复|答复|转发)\s*[:：]\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPrefix();
}
