using System.Net;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace OutlookCommit.Api.Tests.Graph;

/// <summary>POST /api/analyses/graph against a Graph stub: the exact requests, and every failure Graph can give.</summary>
public sealed class GraphAnalysesTests : IDisposable
{
    private const string MessagePath = "/v1.0/me/messages/AAMk-draft";
    private readonly GraphFactory _factory = new();
    private readonly Mock<IDraftAnalyzer> _engine = new();
    private readonly List<Draft> _analyzed = [];

    public GraphAnalysesTests()
    {
        // The rep's draft answers the pricing ask; the customer's message has two asks.
        _engine.Setup(e => e.Analyze(It.IsAny<Draft>())).Returns<Draft>(d =>
        {
            _analyzed.Add(d);
            return d.Subject == "Customer: questions"
                ? Samples.Analysis() with { Asks = [new TextSpan(0, 10, "Can you send the revised pricing by Friday?"), new TextSpan(11, 20, "Could you include a migration timeline?")] }
                : Samples.Analysis() with { AnalyzedText = "Re: questions\n\nHi Anna, the revised pricing is attached. Can your team join a deep-dive on Tuesday?" };
        });
        _factory.Analyzer = _engine.Object;
    }

    public void Dispose() => _factory.Dispose();

    private Task<HttpResponseMessage> AnalyzeMessage() =>
        _factory.User().PostAsync("/api/analyses/graph", Samples.Json("""{"kind":"message","itemId":"AAMk-draft"}"""));

    /// <summary>One Graph round trip first, so timing-sensitive tests do not pay for the first call's JIT.</summary>
    private async Task WarmGraph()
    {
        _factory.Json("GET", "/v1.0/me/messages/AAMk-warm", new { error = new { code = "ErrorItemNotFound", message = "x" } }, 404);
        await _factory.User().PostAsync("/api/analyses/graph", Samples.Json("""{"kind":"message","itemId":"AAMk-warm"}"""));
    }

    private void StubDraftAndConversation()
    {
        _factory.Json("GET", MessagePath, new
        {
            subject = "Re: questions",
            body = new { contentType = "html", content = "<p>Hi Anna, the revised pricing is attached.</p>" },
            toRecipients = new[] { new { emailAddress = new { name = "Anna Lee", address = "anna@customer.example" } } },
            ccRecipients = Array.Empty<object>(),
            isDraft = true,
            conversationId = "conv-1",
            createdDateTime = "2026-11-26T09:00:00Z",
        });
        _factory.Json("GET", "/v1.0/me/messages", new
        {
            value = new object[]
            {
                new { subject = "Customer: older", from = Sender("anna@customer.example"), receivedDateTime = "2026-11-20T08:00:00Z", isDraft = false, body = new { contentType = "text", content = "Old." } },
                new { subject = "Customer: questions", from = Sender("anna@customer.example"), receivedDateTime = "2026-11-25T08:00:00Z", isDraft = false, body = new { contentType = "text", content = "Questions." } },
                new { subject = "Ours", from = Sender("rep@vendor.example"), receivedDateTime = "2026-11-24T08:00:00Z", isDraft = false, body = new { contentType = "text", content = "Ours." } },
                new { subject = "Re: questions", from = Sender("rep@vendor.example"), receivedDateTime = "2026-11-26T09:00:00Z", isDraft = true, body = new { contentType = "text", content = "Draft." } },
            },
        });
    }

    private static object Sender(string address) => new { emailAddress = new { name = address, address } };

    [Fact]
    public async Task A_message_is_read_with_select_and_its_conversation_with_a_filter_and_no_orderby()
    {
        StubDraftAndConversation();

        var json = await (await AnalyzeMessage()).Json();

        var get = Assert.Single(_factory.Requests(MessagePath));
        Assert.Equal("GET", get.RequestMessage.Method);
        Assert.Equal("$select=subject,body,toRecipients,ccRecipients,isDraft,conversationId,createdDateTime", GraphFactory.Query(get));
        Assert.Equal($"Bearer {GraphFactory.GraphToken}", GraphFactory.Header(get, "Authorization"));

        var list = Assert.Single(_factory.Requests("/v1.0/me/messages"));
        var query = GraphFactory.Query(list);
        Assert.Contains("$filter=conversationId eq 'conv-1'", query);
        Assert.DoesNotContain("$orderby", query);
        Assert.Contains("$select=from,receivedDateTime,isDraft,subject,body", query);
        Assert.Equal($"Bearer {GraphFactory.GraphToken}", GraphFactory.Header(list, "Authorization"));

        // The draft went to the engine as Graph gave it; the customer's newest message was found client-side.
        Assert.Equal(BodyType.Html, _analyzed[0].BodyType);
        Assert.Equal("anna@customer.example", _analyzed[0].To![0].Address);
        Assert.Equal("Customer: questions", _analyzed[1].Subject);
        Assert.Equal("conv-1", (string?)json["item"]!["conversationId"]);
        Assert.Equal("anna@customer.example", (string?)json["customerMessage"]!["from"]!["address"]);
        Assert.Equal(["Could you include a migration timeline?"], json["unansweredAsks"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public async Task An_event_is_read_in_the_callers_time_zone()
    {
        _factory.Json("GET", "/v1.0/me/events/AAMk-event", new
        {
            subject = "技术交流会",
            body = new { contentType = "text", content = "议程" },
            attendees = new object[]
            {
                new { type = "required", emailAddress = new { name = "王主任", address = "wang@kehu.cn" } },
                new { type = "optional", emailAddress = new { name = "李工", address = "li@kehu.cn" } },
            },
            start = new { dateTime = "2026-12-02T15:00:00.0000000", timeZone = "China Standard Time" },
            end = new { dateTime = "2026-12-02T16:00:00.0000000", timeZone = "China Standard Time" },
            location = new { displayName = "贵司会议室" },
            isDraft = true,
        });

        await (await _factory.User().PostAsync("/api/analyses/graph", Samples.Json("""{"kind":"event","itemId":"AAMk-event","timeZone":"Asia/Shanghai"}"""))).Json();

        var get = Assert.Single(_factory.Requests("/v1.0/me/events/AAMk-event"));
        Assert.Equal("outlook.timezone=\"China Standard Time\"", GraphFactory.Header(get, "Prefer"));
        Assert.StartsWith("$select=subject,body,attendees,start,end,location", GraphFactory.Query(get));
        var draft = Assert.Single(_analyzed);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.FromHours(8)), draft.Start);
        Assert.Equal(TimeSpan.FromHours(8), draft.ReferenceTime.Offset);
        Assert.Equal("wang@kehu.cn", Assert.Single(draft.Attendees!).Address);
        Assert.Equal("li@kehu.cn", Assert.Single(draft.OptionalAttendees!).Address);
        Assert.Equal("贵司会议室", draft.Location);
    }

    [Fact]
    public async Task A_missing_item_is_404()
    {
        _factory.Json("GET", MessagePath, new { error = new { code = "ErrorItemNotFound", message = "The specified object was not found in the store." } }, 404);
        var problem = await (await AnalyzeMessage()).Problem(HttpStatusCode.NotFound);
        Assert.Contains("POST /api/analyses", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Throttling_is_retried_then_answered_429_with_retry_after()
    {
        await WarmGraph();
        _factory.Graph.Given(Request.Create().WithPath(MessagePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1")
                .WithHeader("Content-Type", "application/json").WithBodyAsJson(new { error = new { code = "TooManyRequests", message = "Slow down" } }));

        var response = await AnalyzeMessage();

        var problem = await response.Problem(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Contains("Retry after 1 seconds", (string?)problem["detail"]);
        Assert.Equal(2, _factory.Requests(MessagePath).Count); // the first try and one retry
        Assert.Equal("1", GraphFactory.Header(_factory.Requests(MessagePath)[1], "Retry-Attempt"));
    }

    [Fact]
    public async Task Throttling_that_clears_is_retried_transparently()
    {
        await WarmGraph();
        _factory.Graph.Given(Request.Create().WithPath(MessagePath).UsingGet()).InScenario("throttle").WillSetStateTo("cleared")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        _factory.Graph.Given(Request.Create().WithPath(MessagePath).UsingGet()).InScenario("throttle").WhenStateIs("cleared")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBodyAsJson(new { subject = "s", body = new { contentType = "text", content = "b" }, isDraft = true }));

        await (await AnalyzeMessage()).Json();
        Assert.Equal(2, _factory.Requests(MessagePath).Count);
    }

    [Fact]
    public async Task Graph_unavailable_after_retries_is_503_with_retry_after()
    {
        await WarmGraph();
        _factory.Graph.Given(Request.Create().WithPath(MessagePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "2")
                .WithHeader("Content-Type", "application/json").WithBodyAsJson(new { error = new { code = "ServiceUnavailable", message = "busy" } }));

        var response = await AnalyzeMessage();

        await response.Problem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        Assert.Equal(2, _factory.Requests(MessagePath).Count);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_budget_is_not_waited_for()
    {
        await WarmGraph();
        _factory.Graph.Given(Request.Create().WithPath(MessagePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30")
                .WithHeader("Content-Type", "application/json").WithBodyAsJson(new { error = new { code = "TooManyRequests", message = "Slow down" } }));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await AnalyzeMessage();

        await response.Problem(HttpStatusCode.TooManyRequests);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Single(_factory.Requests(MessagePath));
    }

    [Fact]
    public async Task A_graph_server_error_is_502_and_not_retried()
    {
        _factory.Json("GET", MessagePath, new { error = new { code = "InternalServerError", message = "oops" } }, 500);

        var problem = await (await AnalyzeMessage()).Problem(HttpStatusCode.BadGateway);

        Assert.Contains("500", (string?)problem["detail"]);
        Assert.Single(_factory.Requests(MessagePath));
    }

    [Fact]
    public async Task Graph_refusing_access_asks_for_consent()
    {
        _factory.Json("GET", MessagePath, new { error = new { code = "ErrorAccessDenied", message = "Access is denied." } }, 403);
        var problem = await (await AnalyzeMessage()).Problem(HttpStatusCode.Forbidden);
        Assert.Contains("Mail.Read", (string?)problem["detail"]);
        Assert.Equal("urn:outlookcommit:problem:graph-consent", (string?)problem["type"]);
    }

    [Theory]
    [InlineData("""{"itemId":"x"}""", "kind")]
    [InlineData("""{"kind":"message"}""", "itemId")]
    [InlineData("""{"kind":"event","itemId":"x","timeZone":"Nowhere/Else"}""", "timeZone")]
    public async Task Bad_requests_never_reach_graph(string body, string field)
    {
        var problem = await (await _factory.User().PostAsync("/api/analyses/graph", Samples.Json(body))).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Empty(_factory.Graph.LogEntries);
    }
}
