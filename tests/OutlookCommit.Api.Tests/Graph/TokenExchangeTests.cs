using System.Net;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Api.Tests.Infrastructure;

namespace OutlookCommit.Api.Tests.Graph;

/// <summary>When Entra ID refuses the on-behalf-of exchange, the add-in learns whether to ask for consent.</summary>
public sealed class TokenExchangeTests
{
    [Theory]
    [InlineData("OnBehalfOfCredential authentication failed: AADSTS65001: The user or administrator has not consented to use the application.", HttpStatusCode.Forbidden)]
    [InlineData("OnBehalfOfCredential authentication failed: invalid_grant AADSTS50013: Assertion failed signature validation.", HttpStatusCode.Forbidden)]
    [InlineData("OnBehalfOfCredential authentication failed: AADSTS7000215: Invalid client secret provided.", HttpStatusCode.BadGateway)]
    public async Task A_refused_exchange_is_a_problem_and_graph_is_never_called(string message, HttpStatusCode status)
    {
        using var factory = new GraphFactory(credential: new GraphFactory.FailingCredential(message)) { Analyzer = Mock.Of<IDraftAnalyzer>() };

        var response = await factory.User().PostAsync("/api/analyses/graph", Samples.Json("""{"kind":"message","itemId":"AAMk-draft"}"""));

        var problem = await response.Problem(status);
        if (status == HttpStatusCode.Forbidden)
            Assert.Equal("urn:outlookcommit:problem:graph-consent", (string?)problem["type"]);
        Assert.DoesNotContain("AADSTS", problem.ToJsonString());
        Assert.Empty(factory.Graph.LogEntries);
    }
}
