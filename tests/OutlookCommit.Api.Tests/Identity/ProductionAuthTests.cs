using System.Net;
using Microsoft.IdentityModel.Tokens;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Tests.Infrastructure;
using static OutlookCommit.Api.Tests.Infrastructure.ProductionFactory;

namespace OutlookCommit.Api.Tests.Identity;

/// <summary>Production mode: bearer tokens for this API with the access_as_user scope, one ledger per tid + oid.</summary>
public sealed class ProductionAuthTests : IDisposable
{
    private readonly ProductionFactory _factory = new();

    public ProductionAuthTests()
    {
        var engine = new Mock<IDraftAnalyzer>();
        engine.Setup(e => e.Analyze(It.IsAny<Draft>())).Returns(Samples.Analysis());
        _factory.Analyzer = engine.Object;
    }

    public void Dispose() => _factory.Dispose();

    private Task<HttpResponseMessage> Analyze(string? token) =>
        (token is null ? _factory.CreateClient() : _factory.ClientFor(token)).PostAsync("/api/analyses", Samples.Json(Samples.EnglishDraft));

    [Fact]
    public async Task A_valid_token_is_accepted()
    {
        await (await Analyze(Token())).Json();
    }

    [Theory]
    [InlineData("api://6f1c3c1e-5d7a-4b8e-9a43-2f0e7c1d9b10")]
    [InlineData("api://commit.contoso.com/6f1c3c1e-5d7a-4b8e-9a43-2f0e7c1d9b10")]
    public async Task App_id_uri_audiences_are_accepted(string audience)
    {
        await (await Analyze(Token(audience: audience))).Json();
    }

    [Fact]
    public async Task A_missing_token_is_401_with_a_bearer_challenge()
    {
        var response = await Analyze(null);
        var problem = await response.Problem(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Authorization header", (string?)problem["detail"]);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var problem = await (await Analyze(Token(expires: DateTime.UtcNow.AddMinutes(-10)))).Problem(HttpStatusCode.Unauthorized);
        Assert.Contains("expired", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("00000003-0000-0000-c000-000000000000")] // Graph's audience
    [InlineData("api://evil.example/other-client")]
    [InlineData("api://6f1c3c1e-5d7a-4b8e-9a43-2f0e7c1d9b10-not")]
    public async Task A_token_for_another_audience_is_401(string audience)
    {
        var problem = await (await Analyze(Token(audience: audience))).Problem(HttpStatusCode.Unauthorized);
        Assert.Contains("another application", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("User.Read")]
    [InlineData("access_as_admin Mail.Read")]
    public async Task A_token_without_the_scope_is_403(string scope)
    {
        var problem = await (await Analyze(Token(scope: scope))).Problem(HttpStatusCode.Forbidden);
        Assert.Contains("access_as_user", (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_token_whose_issuer_names_another_tenant_than_its_tid_is_401()
    {
        var problem = await (await Analyze(Token(tenant: TenantA, issuerTenant: TenantB))).Problem(HttpStatusCode.Unauthorized);
        Assert.Contains("issuer", (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var other = new SymmetricSecurityKey(Enumerable.Repeat((byte)42, 32).ToArray()) { KeyId = "other" };
        await (await Analyze(Token(key: other))).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Health_openapi_and_the_well_known_file_need_no_token()
    {
        var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/.well-known/microsoft-officeaddins-allowed.json")).StatusCode);
        await (await client.GetAsync("/api/commitments")).Problem(HttpStatusCode.Unauthorized);
    }

    // Ledger isolation between users and tenants: Reliability/IdentityIsolationTests.
}

/// <summary>A single-tenant registration accepts only its own tenant's users.</summary>
public sealed class SingleTenantAuthTests : IDisposable
{
    private readonly ProductionFactory _factory = new(TenantA) { Analyzer = Mock.Of<IDraftAnalyzer>() };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Its_own_tenant_is_accepted_and_another_is_401()
    {
        await (await _factory.ClientFor(Token(tenant: TenantA)).GetAsync("/api/commitments")).Json();
        await (await _factory.ClientFor(Token(tenant: TenantB)).GetAsync("/api/commitments")).Problem(HttpStatusCode.Unauthorized);
    }
}
