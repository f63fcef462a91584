using System.Net;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Api.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace OutlookCommit.Api.Tests.Graph;

/// <summary>Graph answering 200 with a body that is not what it promised: a ProblemDetails (never a 500), and the API stays healthy.</summary>
public sealed class MalformedGraphTests : IDisposable
{
    private const string MessagePath = "/v1.0/me/messages/AAMk-draft";
    private readonly GraphFactory _factory = new() { Analyzer = Mock.Of<IDraftAnalyzer>() };

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("application/json", "{\"subject\": \"Re: pricing\", \"body\": {\"content\": ", 502)] // cut off mid-object
    [InlineData("application/json", "not json at all", 502)]
    [InlineData("text/html", "<html><body>Service Unavailable</body></html>", 502)] // a proxy's error page
    [InlineData("application/json", "", 404)] // the SDK reads an empty body as no item
    public async Task A_malformed_graph_answer_is_a_problem_and_the_api_stays_healthy(string contentType, string body, int expected)
    {
        _factory.Graph.Given(Request.Create().WithPath(MessagePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(body));

        var response = await _factory.User().PostAsync("/api/analyses/graph", Samples.Json("""{"kind":"message","itemId":"AAMk-draft"}"""));

        Assert.True((int)response.StatusCode == expected,
            $"expected {expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var health = await _factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
