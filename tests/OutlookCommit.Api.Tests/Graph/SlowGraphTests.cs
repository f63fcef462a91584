using System.Net;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Api.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace OutlookCommit.Api.Tests.Graph;

/// <summary>A Graph that does not answer: a 504 within the call budget (3 s here), and the API stays healthy.</summary>
public sealed class SlowGraphTests : IDisposable
{
    private const string MessagePath = "/v1.0/me/messages/AAMk-draft";
    private readonly GraphFactory _factory = new(timeoutSeconds: 3) { Analyzer = Mock.Of<IDraftAnalyzer>() };

    public void Dispose() => _factory.Dispose();

    private Task<HttpResponseMessage> AnalyzeMessage() =>
        _factory.User().PostAsync("/api/analyses/graph", Samples.Json("""{"kind":"message","itemId":"AAMk-draft"}"""));

    private async Task WarmGraph()
    {
        _factory.Json("GET", "/v1.0/me/messages/AAMk-warm", new { error = new { code = "ErrorItemNotFound", message = "x" } }, 404);
        await _factory.User().PostAsync("/api/analyses/graph", Samples.Json("""{"kind":"message","itemId":"AAMk-warm"}"""));
    }

    [Fact]
    public async Task A_slow_graph_is_a_504_within_the_budget_and_the_api_stays_healthy()
    {
        await WarmGraph();
        _factory.Graph.Given(Request.Create().WithPath(MessagePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(10)).WithBodyAsJson(new { subject = "late" }));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var problem = await (await AnalyzeMessage()).Problem(HttpStatusCode.GatewayTimeout);

        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(9));
        Assert.Contains("3 seconds", (string?)problem["detail"]);
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClient().GetAsync("/health")).StatusCode);
    }

}
