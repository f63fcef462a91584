using System.Net;
using System.Text.Json.Nodes;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Tests.Infrastructure;

namespace OutlookCommit.Api.Tests.Graph;

/// <summary>POST /api/invites/suggestions with Graph: the findMeetingTimes request and how its answer is passed on.</summary>
public sealed class InvitesGraphTests : IDisposable
{
    private readonly GraphFactory _factory = new();

    public InvitesGraphTests()
    {
        var engine = new Mock<IDraftAnalyzer>();
        engine.Setup(e => e.Analyze(It.IsAny<Draft>())).Returns<Draft>(d => Samples.Analysis(d.Subject!.Contains("技术") ? "zh" : "en"));
        _factory.Analyzer = engine.Object;
    }

    public void Dispose() => _factory.Dispose();

    private static string WithZone(string draft, string zone) =>
        JsonNode.Parse(draft)!.AsObject().Also(o => o["timeZone"] = zone).ToJsonString();

    [Fact]
    public async Task Candidates_come_from_findMeetingTimes_with_the_exact_request()
    {
        _factory.Json("POST", "/v1.0/me/findMeetingTimes", new
        {
            emptySuggestionsReason = "",
            meetingTimeSuggestions = new object[]
            {
                new
                {
                    confidence = 100.0,
                    organizerAvailability = "free",
                    suggestionReason = "Suggested because it is one of the nearest times when all attendees are available.",
                    attendeeAvailability = new[] { new { availability = "free", attendee = new { type = "required", emailAddress = new { address = "wang@kehu.cn" } } } },
                    meetingTimeSlot = new
                    {
                        start = new { dateTime = "2026-11-30T10:00:00.0000000", timeZone = "China Standard Time" },
                        end = new { dateTime = "2026-11-30T11:00:00.0000000", timeZone = "China Standard Time" },
                    },
                },
                new
                {
                    confidence = 50.0,
                    organizerAvailability = "free",
                    suggestionReason = "Suggested because it is one of the nearest times when the organizer is available.",
                    attendeeAvailability = new[] { new { availability = "tentative", attendee = new { type = "required", emailAddress = new { address = "wang@kehu.cn" } } } },
                    meetingTimeSlot = new
                    {
                        start = new { dateTime = "2026-11-30T14:00:00.0000000", timeZone = "China Standard Time" },
                        end = new { dateTime = "2026-11-30T15:00:00.0000000", timeZone = "China Standard Time" },
                    },
                },
            },
        });

        var json = await (await _factory.User().PostAsync("/api/invites/suggestions", Samples.Json(WithZone(Samples.ChineseDraft, "Asia/Shanghai")))).Json();

        var call = Assert.Single(_factory.Requests("/v1.0/me/findMeetingTimes"));
        Assert.Equal("POST", call.RequestMessage.Method);
        Assert.Equal($"Bearer {GraphFactory.GraphToken}", GraphFactory.Header(call, "Authorization"));
        Assert.Equal("outlook.timezone=\"China Standard Time\"", GraphFactory.Header(call, "Prefer"));
        var body = JsonNode.Parse(call.RequestMessage.Body!)!;
        Assert.Equal("required", (string?)body["attendees"]![0]!["type"]);
        Assert.Equal("wang@kehu.cn", (string?)body["attendees"]![0]!["emailAddress"]!["address"]);
        Assert.Equal("work", (string?)body["timeConstraint"]!["activityDomain"]);
        var slot = body["timeConstraint"]!["timeSlots"]![0]!;
        Assert.Equal("2026-11-30T00:00:00", (string?)slot["start"]!["dateTime"]); // next working day (Mon)
        Assert.Equal("2026-12-12T00:00:00", (string?)slot["end"]!["dateTime"]);   // after 10 working days
        Assert.Equal("China Standard Time", (string?)slot["start"]!["timeZone"]);
        Assert.Equal("PT1H", (string?)body["meetingDuration"]);
        Assert.Equal(5, (int)body["maxCandidates"]!);
        Assert.True((bool)body["returnSuggestionReasons"]!);
        Assert.False((bool)body["isOrganizerOptional"]!);

        Assert.True((bool)json["availabilityChecked"]!);
        Assert.Equal("zh", (string?)json["language"]);
        var candidates = json["candidates"]!.AsArray();
        Assert.Equal(2, candidates.Count);
        Assert.Equal(100, (double)candidates[0]!["confidence"]!);
        Assert.Equal("free", (string?)candidates[0]!["availability"]);
        Assert.Equal("tentative", (string?)candidates[1]!["availability"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8)),
            DateTimeOffset.Parse((string)candidates[0]!["start"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(json["emptySuggestionsReason"]);
    }

    [Fact]
    public async Task No_candidates_pass_on_graphs_reason_in_words()
    {
        _factory.Json("POST", "/v1.0/me/findMeetingTimes", new { emptySuggestionsReason = "AttendeesUnavailable", meetingTimeSuggestions = Array.Empty<object>() });

        var json = await (await _factory.User().PostAsync("/api/invites/suggestions",
            Samples.Json(WithZone(Samples.EnglishDraft, "Europe/Berlin").Replace("\"kind\"", "\"durationMinutes\":90,\"kind\"")))).Json();

        Assert.Empty(json["candidates"]!.AsArray());
        Assert.Equal("The attendees have no common free time in the next 10 working days.", (string?)json["emptySuggestionsReason"]);
        Assert.Equal(90, (int)json["durationMinutes"]!);
        Assert.StartsWith("Technical exchange: Technical deep-dive", (string?)json["subject"]);
        var body = JsonNode.Parse(Assert.Single(_factory.Requests("/v1.0/me/findMeetingTimes")).RequestMessage.Body!)!;
        Assert.Equal("PT1H30M", (string?)body["meetingDuration"]);
        Assert.Equal("W. Europe Standard Time", (string?)body["timeConstraint"]!["timeSlots"]![0]!["start"]!["timeZone"]);
    }

    [Fact]
    public async Task Throttled_findMeetingTimes_is_a_429_problem()
    {
        _factory.Graph.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v1.0/me/findMeetingTimes").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1")
                .WithHeader("Content-Type", "application/json").WithBodyAsJson(new { error = new { code = "TooManyRequests", message = "x" } }));

        var response = await _factory.User().PostAsync("/api/invites/suggestions", Samples.Json(Samples.EnglishDraft));

        await response.Problem(HttpStatusCode.TooManyRequests);
        Assert.Equal(2, _factory.Requests("/v1.0/me/findMeetingTimes").Count);
    }
}

internal static class Fluent
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
