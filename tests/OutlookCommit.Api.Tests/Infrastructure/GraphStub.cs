using Azure.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutlookCommit.Api.Graph;
using WireMock.Logging;
using Request = WireMock.RequestBuilders.Request;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace OutlookCommit.Api.Tests.Infrastructure;

/// <summary>
/// Production mode with Microsoft Graph replaced by a loopback WireMock server. The on-behalf-of credential is
/// swapped for a fake that hands out a fixed Graph token, so the stub can check the Authorization header.
/// </summary>
public sealed class GraphFactory : ProductionFactory
{
    public const string GraphToken = "graph-token-for-tests";

    public WireMockServer Graph { get; } = WireMockServer.Start();

    public GraphFactory(int timeoutSeconds = 15, int maxRetries = 1, TokenCredential? credential = null)
    {
        Assert.StartsWith("http://localhost:", Graph.Url);
        Settings["Graph:BaseUrl"] = Graph.Url + "/v1.0";
        Settings["Graph:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Graph:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Graph:RetryDelaySeconds"] = "1";
        Replace.Add(services =>
        {
            services.RemoveAll<IGraphCredentialSource>();
            services.AddSingleton<IGraphCredentialSource>(new FakeCredentialSource(credential ?? new FakeCredential()));
        });
    }

    public HttpClient User() => ClientFor(Token());

    public void Json(string method, string path, object body, int status = 200)
    {
        Graph.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBodyAsJson(body));
    }

    public IReadOnlyList<ILogEntry> Requests(string path) =>
        Graph.LogEntries.Where(e => e.RequestMessage.Path == path).ToArray();

    public static string Query(ILogEntry entry) => Uri.UnescapeDataString(entry.RequestMessage.RawQuery ?? "").TrimStart('?');

    public static string Header(ILogEntry entry, string name) =>
        entry.RequestMessage.Headers!.First(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value.ToString();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Graph.Stop();
        Graph.Dispose();
    }

    private sealed class FakeCredentialSource(TokenCredential credential) : IGraphCredentialSource
    {
        public string? MissingSettings => null;
        public TokenCredential GetCredential(HttpContext context) => credential;
    }

    /// <summary>An on-behalf-of exchange that Entra ID refuses with this message.</summary>
    public sealed class FailingCredential(string message) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new Azure.Identity.AuthenticationFailedException(message);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new Azure.Identity.AuthenticationFailedException(message);
    }

    private sealed class FakeCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GraphToken, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
