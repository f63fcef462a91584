using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OutlookCommit.Api.Graph;
using OutlookCommit.Api.Identity;
using OutlookCommit.Api.Tests.Infrastructure;

namespace OutlookCommit.Api.Tests.Graph;

/// <summary>The on-behalf-of credential is reused per incoming token, so its token cache is reused too.</summary>
public sealed class OboCredentialSourceTests
{
    private static OboCredentialSource Source(string? secret = "s") => new(
        Options.Create(new AzureAdOptions { ClientId = ProductionFactory.ClientId, TenantId = "common", ClientSecret = secret }),
        Options.Create(new GraphOptions { CredentialCacheSize = 2 }),
        TimeProvider.System);

    private static HttpContext Request(string token)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "Bearer " + token;
        context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("tid", ProductionFactory.TenantA)], "test"));
        return context;
    }

    [Fact]
    public void The_same_assertion_gets_the_same_credential_and_another_gets_another()
    {
        using var source = Source();
        var alice = ProductionFactory.Token(oid: "a");
        var bob = ProductionFactory.Token(oid: "b");

        var first = source.GetCredential(Request(alice));
        Assert.Same(first, source.GetCredential(Request(alice)));
        Assert.NotSame(first, source.GetCredential(Request(bob)));
    }

    [Fact]
    public void Missing_settings_are_named()
    {
        using var source = Source(secret: null);
        Assert.Equal("AzureAd:ClientSecret", source.MissingSettings);
    }
}
