using System.Net;
using System.Text;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Tests.Infrastructure;

namespace OutlookCommit.Api.Tests.Analyses;

/// <summary>Bad input to POST /api/analyses: always a ProblemDetails that says what was wrong, never a 500.</summary>
public sealed class AnalysesValidationTests : IDisposable
{
    private readonly ApiFactory _factory = new();
    private readonly Mock<IDraftAnalyzer> _engine = new();
    private readonly HttpClient _client;

    public AnalysesValidationTests()
    {
        _engine.Setup(e => e.Analyze(It.IsAny<Draft>())).Returns(Samples.Analysis());
        _factory.Analyzer = _engine.Object;
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    private Task<HttpResponseMessage> Post(string json) => _client.PostAsync("/api/analyses", Samples.Json(json));

    [Fact]
    public async Task A_valid_draft_reaches_the_engine_with_its_fields_and_answers_camelCase()
    {
        Draft? seen = null;
        _engine.Setup(e => e.Analyze(It.IsAny<Draft>())).Callback<Draft>(d => seen = d).Returns(Samples.Analysis());

        var json = await (await Post(Samples.EnglishDraft)).Json();

        Assert.Equal("continuation", (string?)json["outcome"]);
        Assert.Equal("technicalExchange", (string?)json["nextStep"]);
        Assert.False((bool)json["elements"]!["attendee"]!["present"]!);
        Assert.NotNull(seen);
        Assert.Equal(DraftKind.Message, seen.Kind);
        Assert.Equal("anna@customer.example", seen.To![0].Address);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(1)), seen.ReferenceTime);
        Assert.Equal(TimeSpan.FromHours(1), seen.ReferenceTime.Offset);
    }

    [Theory]
    [InlineData("Asia/Shanghai", 8)]
    [InlineData("China Standard Time", 8)]
    [InlineData("Europe/Berlin", 1)]
    [InlineData("W. Europe Standard Time", 1)]
    public async Task Without_a_reference_time_now_is_taken_in_the_given_time_zone(string zone, int hours)
    {
        Draft? seen = null;
        _engine.Setup(e => e.Analyze(It.IsAny<Draft>())).Callback<Draft>(d => seen = d).Returns(Samples.Analysis());

        var response = await Post($$"""{"kind":"message","subject":"x","body":"y","timeZone":"{{zone}}"}""");

        await response.Json();
        Assert.Equal(_factory.Clock.GetUtcNow(), seen!.ReferenceTime);
        Assert.Equal(TimeSpan.FromHours(hours), seen.ReferenceTime.Offset);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var problem = await (await Post("""{"kind":"message","subject": """)).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("not valid", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("""{"kind":"message","to":"anna@customer.example"}""", "$.to")]
    [InlineData("""{"kind":"message","subject":42}""", "$.subject")]
    [InlineData("""{"kind":"letter","subject":"x"}""", "$.kind")]
    [InlineData("""{"kind":"event","start":"next tuesday"}""", "$.start")]
    [InlineData("""{"kind":"message","referenceTime":"2026-13-45T99:00:00Z"}""", "$.referenceTime")]
    [InlineData("""{"kind":"message","bodyType":"pdf"}""", "$.bodyType")]
    public async Task Wrong_types_unknown_values_and_invalid_dates_name_the_field(string json, string path)
    {
        var problem = await (await Post(json)).Problem(HttpStatusCode.BadRequest);
        Assert.Contains(path, (string?)problem["detail"]);
        _engine.Verify(e => e.Analyze(It.IsAny<Draft>()), Times.Never);
    }

    [Theory]
    [InlineData("""{"subject":"x"}""", "kind")]
    [InlineData("""{"kind":"message","timeZone":"Mars/Olympus_Mons"}""", "timeZone")]
    [InlineData("""{"kind":"event","start":"2026-12-01T10:00:00Z","end":"2026-12-01T09:00:00Z"}""", "end")]
    [InlineData("""{"kind":"message","to":[null]}""", "to[0]")]
    public async Task Missing_and_inconsistent_fields_are_listed_in_errors(string json, string field)
    {
        var problem = await (await Post(json)).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Ten_thousand_recipients_are_refused()
    {
        var to = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $$"""{"address":"p{{i}}@x.example"}"""));
        var problem = await (await Post($$"""{"kind":"message","subject":"x","to":[{{to}}]}""")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("10000 recipients", (string?)problem["errors"]!["to"]![0]);
        _engine.Verify(e => e.Analyze(It.IsAny<Draft>()), Times.Never);
    }

    [Fact]
    public async Task Too_long_fields_are_refused()
    {
        var subject = new string('a', 1001);
        var problem = await (await Post($$"""{"kind":"message","subject":"{{subject}}"}""")).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["subject"]);
    }

    [Fact]
    public async Task A_two_megabyte_body_is_a_413_problem()
    {
        var body = new string('x', 2 * 1024 * 1024);
        var response = await Post($$"""{"kind":"message","body":"{{body}}"}""");
        await response.Problem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_large_body_without_content_length_is_also_a_413()
    {
        var body = new string('x', 2 * 1024 * 1024);
        var content = new StreamContent(new NonSeekable(Encoding.UTF8.GetBytes($$"""{"kind":"message","body":"{{body}}"}""")));
        content.Headers.ContentType = new("application/json");
        var response = await _client.PostAsync("/api/analyses", content);
        await response.Problem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415_problem()
    {
        var response = await _client.PostAsync("/api/analyses", new StringContent(Samples.EnglishDraft, Encoding.UTF8, "text/plain"));
        await response.Problem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_empty_body_is_a_400_problem()
    {
        var response = await _client.PostAsync("/api/analyses", new StringContent("", Encoding.UTF8, "application/json"));
        await response.Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_engine_failure_is_a_500_problem_and_the_log_has_no_draft_text()
    {
        _engine.Setup(e => e.Analyze(It.IsAny<Draft>())).Throws(new InvalidOperationException("boom: Technical deep-dive anna@customer.example"));

        var problem = await (await Post(Samples.EnglishDraft)).Problem(HttpStatusCode.InternalServerError);

        Assert.DoesNotContain("boom", problem.ToJsonString());
        var logs = string.Join("\n", _factory.Logs.GetSnapshot().Select(r => r.Message + r.Exception));
        Assert.Contains("InvalidOperationException", logs);
        Assert.DoesNotContain("deep-dive", logs);
        Assert.DoesNotContain("anna@customer.example", logs);
    }

    private sealed class NonSeekable(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
