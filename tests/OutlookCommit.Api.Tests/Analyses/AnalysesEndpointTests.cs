using System.Net;
using System.Text.Json.Nodes;
using OutlookCommit.Api.Tests.Infrastructure;

namespace OutlookCommit.Api.Tests.Analyses;

/// <summary>POST /api/analyses with the real engine: every dev case gets a well-formed analysis.</summary>
public sealed class AnalysesEndpointTests(RealEngineFactory factory) : IClassFixture<RealEngineFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> DevCases()
    {
        var data = new TheoryData<string>();
        var path = Path.Combine(AppContext.BaseDirectory, "dev-cases.jsonl");
        foreach (var line in File.Exists(path) ? File.ReadLines(path) : [])
            if (!string.IsNullOrWhiteSpace(line))
                data.Add(line);
        if (data.Count == 0)
            data.Add(Samples.EnglishDraft.ReplaceLineEndings(" "));
        return data;
    }

    [Theory]
    [MemberData(nameof(DevCases))]
    public async Task Each_dev_case_line_is_accepted_as_it_is_and_analyzed(string line)
    {
        var json = await (await _client.PostAsync("/api/analyses", Samples.Json(line))).Json();
        AssertWellFormed(json);
    }

    [Theory]
    [InlineData(Samples.EnglishDraft, "en")]
    [InlineData(Samples.ChineseDraft, "zh")]
    public async Task English_and_chinese_drafts_are_answered_in_their_language(string draft, string language)
    {
        var json = await (await _client.PostAsync("/api/analyses", Samples.Json(draft))).Json();
        AssertWellFormed(json);
        Assert.Equal(language, (string?)json["language"]);
        Assert.Equal(language, (string?)json["closingTemplate"]!["language"]);
    }

    [Fact]
    public async Task An_event_without_a_reference_time_is_analyzed_now()
    {
        var json = await (await _client.PostAsync("/api/analyses", Samples.Json("""
            {"kind":"event","subject":"Architecture review with your IT team","body":"<p>Agenda: migration plan</p>","bodyType":"html",
             "attendees":[{"name":"Raj Patel","address":"raj@customer.example"}],
             "start":"2026-12-01T14:00:00+01:00","end":"2026-12-01T15:30:00+01:00","timeZone":"Europe/Berlin"}
            """))).Json();
        AssertWellFormed(json);
    }

    private static void AssertWellFormed(JsonNode json)
    {
        Assert.Contains((string?)json["outcome"], new[] { "continuation", "advance", "closedLoop" });
        foreach (var element in new[] { "action", "attendee", "date", "confirmation" })
            Assert.NotNull(json["elements"]![element]!["present"]);
        var text = (string)json["analyzedText"]!;
        foreach (var phrase in json["vaguePhrases"]!.AsArray())
            Assert.InRange((int)phrase!["end"]!, (int)phrase["start"]!, text.Length);
        Assert.False(string.IsNullOrEmpty((string?)json["closingTemplate"]!["text"]));
    }
}

/// <summary>The API with the real engine, shared by a test class (the engine warms up once).</summary>
public sealed class RealEngineFactory : ApiFactory;
