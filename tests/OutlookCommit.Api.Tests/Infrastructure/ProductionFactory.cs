using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace OutlookCommit.Api.Tests.Infrastructure;

/// <summary>
/// The API in production mode (AzureAd configured) that trusts a signing key of the test's own instead of
/// Entra ID's published keys, so tests can issue tokens of every kind.
/// </summary>
public class ProductionFactory : ApiFactory
{
    public const string ClientId = "6f1c3c1e-5d7a-4b8e-9a43-2f0e7c1d9b10";
    public const string TenantA = "11111111-1111-1111-1111-111111111111";
    public const string TenantB = "22222222-2222-2222-2222-222222222222";

    public static readonly SymmetricSecurityKey SigningKey = new(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray()) { KeyId = "test-key" };

    public ProductionFactory(string tenant = "common")
    {
        Settings["AzureAd:ClientId"] = ClientId;
        Settings["AzureAd:TenantId"] = tenant;
        Settings["AzureAd:ClientSecret"] = "test-secret";
        Replace.Add(services => services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.Configuration = new OpenIdConnectConfiguration(); // no metadata download
            o.TokenValidationParameters.IssuerSigningKey = SigningKey;
        }));
    }

    /// <summary>A v2 access token as Entra ID would issue it for the add-in, with overrides.</summary>
    public static string Token(
        string tenant = TenantA, string oid = "aaaaaaaa-0000-0000-0000-000000000001", string? issuerTenant = null,
        string audience = ClientId, string scope = "access_as_user", DateTime? expires = null, SecurityKey? key = null)
    {
        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"https://login.microsoftonline.com/{issuerTenant ?? tenant}/v2.0",
            Audience = audience,
            IssuedAt = expiry.AddHours(-1),
            NotBefore = expiry.AddHours(-1),
            Expires = expiry,
            Subject = new ClaimsIdentity(
            [
                new Claim("tid", tenant),
                new Claim("oid", oid),
                new Claim("scp", scope),
                new Claim("name", "Test User"),
                new Claim("ver", "2.0"),
            ]),
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }

    public HttpClient ClientFor(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
