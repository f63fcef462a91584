using System.Globalization;
using Microsoft.Graph;
using Microsoft.Graph.Me.FindMeetingTimes;
using Microsoft.Graph.Models;

namespace OutlookCommit.Api.Graph;

/// <summary>The Graph reads and the one Graph query the API makes, each through <see cref="GraphAccess.RunAsync"/>.</summary>
public sealed class GraphMail(GraphAccess access, GraphServiceClient client)
{
    public static readonly string[] MessageFields = ["subject", "body", "toRecipients", "ccRecipients", "isDraft", "conversationId", "createdDateTime"];
    public static readonly string[] EventFields = ["subject", "body", "attendees", "start", "end", "location", "isDraft", "createdDateTime"];
    public static readonly string[] ConversationFields = ["from", "receivedDateTime", "isDraft", "subject", "body"];

    public Task<Message?> GetMessageAsync(string id, CancellationToken ct) =>
        access.RunAsync("the message", t => client.Me.Messages[id].GetAsync(r => r.QueryParameters.Select = MessageFields, t), ct);

    /// <summary>The event with start and end in <paramref name="timeZone"/> (a Windows or IANA id Graph accepts).</summary>
    public Task<Event?> GetEventAsync(string id, string timeZone, CancellationToken ct) =>
        access.RunAsync("the event", t => client.Me.Events[id].GetAsync(r =>
        {
            r.QueryParameters.Select = EventFields;
            r.Headers.Add("Prefer", $"outlook.timezone=\"{timeZone}\"");
        }, t), ct);

    /// <summary>
    /// The messages of a conversation, newest first. Graph rejects filtering on conversationId combined with
    /// ordering (InefficientFilter), so the filter goes to Graph and the sort is done here.
    /// </summary>
    public async Task<IReadOnlyList<Message>> GetConversationAsync(string conversationId, CancellationToken ct)
    {
        var page = await access.RunAsync("the conversation", t => client.Me.Messages.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"conversationId eq '{conversationId.Replace("'", "''", StringComparison.Ordinal)}'";
            r.QueryParameters.Select = ConversationFields;
            r.QueryParameters.Top = 50;
            r.Headers.Add("Prefer", "outlook.body-content-type=\"text\"");
        }, t), ct);
        return (page?.Value ?? [])
            .OrderByDescending(m => m.ReceivedDateTime ?? DateTimeOffset.MinValue)
            .ToArray();
    }

    /// <summary>The signed-in user's own addresses, to tell their messages from the customer's.</summary>
    public async Task<HashSet<string>> GetMyAddressesAsync(CancellationToken ct)
    {
        var me = await access.RunAsync("your profile", t => client.Me.GetAsync(r => r.QueryParameters.Select = ["mail", "userPrincipalName"], t), ct);
        return new HashSet<string>(new[] { me?.Mail, me?.UserPrincipalName }.OfType<string>(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>When someone other than the user last wrote in the conversation; null if no one has.</summary>
    public async Task<DateTimeOffset?> LastReplyFromOthersAsync(string conversationId, HashSet<string> me, CancellationToken ct)
    {
        var messages = await GetConversationAsync(conversationId, ct);
        return messages
            .Where(m => m.IsDraft != true && m.From?.EmailAddress?.Address is { } from && !me.Contains(from))
            .Select(m => m.ReceivedDateTime)
            .FirstOrDefault();
    }

    public Task<MeetingTimeSuggestionsResult?> FindMeetingTimesAsync(FindMeetingTimesPostRequestBody body, string timeZone, CancellationToken ct) =>
        access.RunAsync("free times", t => client.Me.FindMeetingTimes.PostAsync(body, r =>
            r.Headers.Add("Prefer", $"outlook.timezone=\"{timeZone}\""), t), ct);

    /// <summary>The zone's Windows name where one exists (what Graph's Prefer: outlook.timezone expects).</summary>
    public static string GraphZoneId(TimeZoneInfo zone) =>
        TimeZoneInfo.TryConvertIanaIdToWindowsId(zone.Id, out var windows) ? windows : zone.Id;

    /// <summary>A Graph date-time in a named zone as an offset time.</summary>
    public static DateTimeOffset? ToOffset(DateTimeTimeZone? value, TimeZoneInfo fallback)
    {
        if (value?.DateTime is not { } text || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;
        var zone = value.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var z) ? z : fallback;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
