using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Tests.Infrastructure;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// Every limit and every kind of unreadable request on the three endpoints that take a body: each is a 4xx
/// ProblemDetails whose detail (or errors) says what to fix, and none reaches the engine or the database.
/// (POST /api/analyses's own recipient and length limits are in AnalysesValidationTests.)
/// </summary>
public sealed class RequestLimitSweepTests : IDisposable
{
    private readonly ApiFactory _factory = new();
    private readonly Mock<IDraftAnalyzer> _engine = new();
    private readonly HttpClient _client;

    public RequestLimitSweepTests()
    {
        _engine.Setup(e => e.Analyze(It.IsAny<Draft>())).Returns(Samples.Analysis());
        _factory.Analyzer = _engine.Object;
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    public static TheoryData<string> Endpoints() => new() { "/api/analyses", "/api/commitments", "/api/invites/suggestions" };

    /// <summary>A valid body for the endpoint, with one field replaced.</summary>
    private static string Valid(string endpoint, string? field = null, JsonNode? value = null)
    {
        var body = endpoint == "/api/commitments"
            ? new JsonObject { ["what"] = "Deep-dive", ["who"] = new JsonArray("anna@customer.example"), ["subject"] = "Re: deep-dive" }
            : new JsonObject { ["kind"] = "message", ["subject"] = "Deep-dive", ["body"] = "Could your team join on Tuesday?", ["to"] = new JsonArray() };
        if (field is not null) body[field] = value;
        return body.ToJsonString();
    }

    private async Task<JsonObject> Refused(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.Problem(status);
        Assert.True(!string.IsNullOrWhiteSpace((string?)problem["detail"]) || problem["errors"] is JsonObject, $"no detail: {problem.ToJsonString()}");
        _engine.Verify(e => e.Analyze(It.IsAny<Draft>()), Times.Never);
        Assert.Empty((await (await _client.GetAsync("/api/commitments")).Json())["items"]!.AsArray());
        return problem;
    }

    [Theory, MemberData(nameof(Endpoints))]
    public async Task A_body_over_the_byte_limit_is_a_413_declared_or_streamed(string endpoint)
    {
        var big = Valid(endpoint, "subject", new string('x', 2 * 1024 * 1024));
        var declared = await Refused(await _client.PostAsync(endpoint, Samples.Json(big)), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("larger than 1048576 bytes", (string?)declared["detail"]);

        var streamed = new StreamContent(new UnknownLength(Encoding.UTF8.GetBytes(big)));
        streamed.Headers.ContentType = new("application/json");
        await Refused(await _client.PostAsync(endpoint, streamed), HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("/api/analyses", "text/plain")]
    [InlineData("/api/commitments", "application/x-www-form-urlencoded")]
    [InlineData("/api/invites/suggestions", "multipart/form-data; boundary=x")]
    [InlineData("/api/analyses", "application/json; charset=latin1")]
    [InlineData("/api/commitments", "application/json; charset=utf-16")]
    [InlineData("/api/invites/suggestions", "application/xml")]
    [InlineData("/api/commitments", null)]
    // Charsets ASP.NET does not know made its JSON reader throw: these were 500s.
    [InlineData("/api/commitments", "application/json; charset=UTF8")]
    [InlineData("/api/analyses", "application/json; charset=foo")]
    public async Task A_body_that_is_not_utf8_json_is_a_415_that_says_what_to_send(string endpoint, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Valid(endpoint)));
        if (contentType is not null) content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        var problem = await Refused(await _client.PostAsync(endpoint, content), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/problem+json")]
    public async Task Json_content_types_in_utf8_are_accepted(string contentType)
    {
        var content = new StringContent(Valid("/api/commitments"), Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        await (await _client.PostAsync("/api/commitments", content)).Json(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("/api/analyses", """{"kind":"message","subject": """)]
    [InlineData("/api/commitments", """{"what":"x",}""")]
    [InlineData("/api/invites/suggestions", "{'kind':'message'}")]
    [InlineData("/api/commitments", "\"just a string\"")]
    [InlineData("/api/analyses", "[{\"kind\":\"message\"}]")]
    [InlineData("/api/invites/suggestions", "null")]
    public async Task Malformed_or_non_object_json_is_a_400(string endpoint, string json) =>
        await Refused(await _client.PostAsync(endpoint, Samples.Json(json)), HttpStatusCode.BadRequest);

    [Theory]
    [InlineData("/api/commitments", "what", "[\"x\"]", "$.what")]
    [InlineData("/api/commitments", "who", "\"anna@customer.example\"", "$.who")]
    [InlineData("/api/commitments", "who", "[42]", "$.who")]
    [InlineData("/api/commitments", "due", "\"next week\"", "$.due")]
    [InlineData("/api/commitments", "nextStep", "\"lunch\"", "$.nextStep")]
    [InlineData("/api/invites/suggestions", "durationMinutes", "\"sixty\"", "$.durationMinutes")]
    [InlineData("/api/invites/suggestions", "to", "{\"address\":\"a@b.c\"}", "$.to")]
    [InlineData("/api/invites/suggestions", "subject", "{\"text\":\"x\"}", "$.subject")]
    [InlineData("/api/analyses", "body", "12345", "$.body")]
    [InlineData("/api/analyses", "referenceTime", "1700000000", "$.referenceTime")]
    public async Task A_wrong_json_type_names_its_field(string endpoint, string field, string value, string path)
    {
        var problem = await Refused(await _client.PostAsync(endpoint, Samples.Json(Valid(endpoint, field, JsonNode.Parse(value)))), HttpStatusCode.BadRequest);
        Assert.Contains(path, (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("/api/commitments", "what", 2001, "what")]
    [InlineData("/api/commitments", "subject", 1001, "subject")]
    [InlineData("/api/commitments", "sourceMessageId", 513, "sourceMessageId")]
    [InlineData("/api/commitments", "conversationId", 513, "conversationId")]
    [InlineData("/api/invites/suggestions", "subject", 1001, "subject")]
    [InlineData("/api/invites/suggestions", "location", 2001, "location")]
    public async Task A_field_over_its_length_limit_is_listed_in_errors(string endpoint, string field, int length, string key)
    {
        var problem = await Refused(await _client.PostAsync(endpoint, Samples.Json(Valid(endpoint, field, new string('x', length)))), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![key]);
    }

    [Fact]
    public async Task Too_many_people_or_too_long_names_are_refused_on_commitments_and_invites()
    {
        var many = new JsonArray(Enumerable.Range(0, 501).Select(i => (JsonNode)$"p{i}@x.example").ToArray());
        await Refused(await _client.PostAsync("/api/commitments", Samples.Json(Valid("/api/commitments", "who", many))), HttpStatusCode.BadRequest);
        var longName = new JsonArray(new JsonObject { ["name"] = new string('n', 2001), ["address"] = "a@b.c" });
        await Refused(await _client.PostAsync("/api/commitments", Samples.Json(Valid("/api/commitments", "who", longName.DeepClone()))), HttpStatusCode.BadRequest);

        var people = new JsonArray(Enumerable.Range(0, 501).Select(i => (JsonNode)new JsonObject { ["address"] = $"p{i}@x.example" }).ToArray());
        var problem = await Refused(await _client.PostAsync("/api/invites/suggestions", Samples.Json(Valid("/api/invites/suggestions", "cc", people))), HttpStatusCode.BadRequest);
        Assert.Contains("501 recipients", (string?)problem["errors"]!["to"]![0]);
        problem = await Refused(await _client.PostAsync("/api/invites/suggestions", Samples.Json(Valid("/api/invites/suggestions", "to", longName))), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["to[0]"]);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(481)]
    public async Task An_invite_duration_outside_15_to_480_minutes_is_refused(int minutes)
    {
        var problem = await Refused(await _client.PostAsync("/api/invites/suggestions", Samples.Json(Valid("/api/invites/suggestions", "durationMinutes", minutes))), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["durationMinutes"]);
    }

    /// <summary>
    /// New limit: a year outside 1900–2200 is a client's bug. Before it, a reference time in 9999 made the engine's
    /// date arithmetic overflow and the API answer 500.
    /// </summary>
    [Theory]
    [InlineData("/api/analyses", "referenceTime", "9999-12-30T00:00:00Z")]
    [InlineData("/api/analyses", "referenceTime", "0001-01-01T01:00:00Z")]
    [InlineData("/api/analyses", "start", "2201-01-01T10:00:00+08:00")]
    [InlineData("/api/analyses", "end", "1899-12-31T23:00:00Z")]
    [InlineData("/api/invites/suggestions", "referenceTime", "9999-12-31T00:00:00+00:00")]
    public async Task Dates_outside_the_years_1900_to_2200_are_refused(string endpoint, string field, string value)
    {
        var problem = await Refused(await _client.PostAsync(endpoint, Samples.Json(Valid(endpoint, field, value))), HttpStatusCode.BadRequest);
        Assert.Contains("between 1900 and 2200", (string?)problem["errors"]![field]![0]);
    }

    [Theory]
    [InlineData("""{"done":"yes"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"done":true""", HttpStatusCode.BadRequest)]
    public async Task A_bad_patch_body_is_refused(string json, HttpStatusCode status)
    {
        var id = (string)(await (await _client.PostAsync("/api/commitments", Samples.Json(Valid("/api/commitments")))).Json(HttpStatusCode.Created))["id"]!;
        var problem = await (await _client.PatchAsync($"/api/commitments/{id}", Samples.Json(json))).Problem(status);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        var wrongType = await (await _client.PatchAsync($"/api/commitments/{id}", new StringContent("""{"done":true}""", Encoding.UTF8, "text/plain"))).Problem(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", (string?)wrongType["detail"]);
        Assert.Equal("open", (string?)(await (await _client.GetAsync($"/api/commitments/{id}")).Json())["status"]);
    }

    private sealed class UnknownLength(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
