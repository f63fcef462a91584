using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Api.Tests.Infrastructure;

public static class Samples
{
    public static DraftAnalysis Analysis(string language = "en") => new()
    {
        Language = language,
        AnalyzedText = "Subject\n\nBody",
        BodyStart = 9,
        Ignored = [],
        Truncated = false,
        Elements = new Elements(
            new ElementReport { Present = true },
            new ElementReport { Present = false, Reason = "No one is named." },
            new DateElementReport { Present = true },
            new ElementReport { Present = false }),
        Outcome = Outcome.Continuation,
        NextStep = NextStepType.TechnicalExchange,
        VaguePhrases = [],
        Asks = [],
        ClosingTemplate = new ClosingTemplate(language, NextStepType.TechnicalExchange, "text", "<p>html</p>"),
    };

    public const string EnglishDraft = """
        {"kind":"message","subject":"Technical deep-dive","body":"Hi Anna, could your data engineering team join a 90-minute deep-dive next Tuesday at 2pm? Can you confirm by Monday?","bodyType":"text",
         "to":[{"name":"Anna Lee","address":"anna@customer.example"}],"cc":[],"referenceTime":"2026-11-27T10:00:00+01:00"}
        """;

    public const string ChineseDraft = """
        {"kind":"message","subject":"技术交流会","body":"王主任，下周三下午3点我们请售前专家到贵司做一次技术交流，您看能否约上技术团队？这个时间可以吗？","bodyType":"text",
         "to":[{"name":"王主任","address":"wang@kehu.cn"}],"referenceTime":"2026-11-27T10:00:00+08:00"}
        """;

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(object value) => new(JsonSerializer.Serialize(value, AnalysisJson.Options), Encoding.UTF8, "application/json");

    /// <summary>Asserts a ProblemDetails answer with the status and returns its JSON.</summary>
    public static async Task<JsonObject> Problem(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, (int)json["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)json["title"]), text);
        return json;
    }

    public static async Task<JsonNode> Json(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public static HttpRequestMessage Post(string path, HttpContent content, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }
}
