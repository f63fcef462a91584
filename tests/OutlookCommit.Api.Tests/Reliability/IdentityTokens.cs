using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static OutlookCommit.Api.Tests.Infrastructure.ProductionFactory;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// Access tokens of every kind a production deployment must refuse, each with the status it must get, built
/// claim by claim so a test can take out or change exactly one thing of an otherwise valid v2 token.
/// </summary>
public static class IdentityTokens
{
    /// <summary>How one kind of caller authenticates a request, and what the API must answer.</summary>
    public sealed record Variant(string Name, HttpStatusCode Expected, Action<HttpRequestMessage> Apply)
    {
        public override string ToString() => Name;
    }

    public const string UserOid = "aaaaaaaa-0000-0000-0000-000000000001";

    /// <summary>The claims Entra ID puts in a v2 access token for the add-in's user, valid for an hour.</summary>
    public static Dictionary<string, object> ValidClaims(string tenant = TenantA, string oid = UserOid)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Dictionary<string, object>
        {
            ["iss"] = $"https://login.microsoftonline.com/{tenant}/v2.0",
            ["aud"] = ClientId,
            ["tid"] = tenant,
            ["oid"] = oid,
            ["scp"] = "access_as_user",
            ["ver"] = "2.0",
            ["name"] = "Test User",
            ["iat"] = now - 60,
            ["nbf"] = now - 60,
            ["exp"] = now + 3600,
        };
    }

    public static string Signed(Dictionary<string, object> claims, SecurityKey? key = null) =>
        new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(claims),
            new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.HmacSha256));

    /// <summary>A token with "alg":"none" and no signature, as an attacker would forge it.</summary>
    public static string Unsigned(Dictionary<string, object> claims) =>
        $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{Base64Url(JsonSerializer.Serialize(claims))}.";

    /// <summary>A genuine token whose payload was edited afterwards (the signature no longer matches).</summary>
    public static string Tampered(Dictionary<string, object> signedClaims, Dictionary<string, object> editedClaims)
    {
        var parts = Signed(signedClaims).Split('.');
        return $"{parts[0]}.{Base64Url(JsonSerializer.Serialize(editedClaims))}.{parts[2]}";
    }

    public static Dictionary<string, object> With(this Dictionary<string, object> claims, string name, object? value)
    {
        var copy = new Dictionary<string, object>(claims);
        if (value is null)
            copy.Remove(name);
        else
            copy[name] = value;
        return copy;
    }

    /// <summary>
    /// Every way to call without being a signed-in user of an allowed tenant with the access_as_user scope.
    /// <paramref name="foreignTenant"/> is a tenant the configuration does not allow.
    /// </summary>
    public static IReadOnlyList<Variant> Refused(string foreignTenant)
    {
        var valid = ValidClaims();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return
        [
            new("no Authorization header", HttpStatusCode.Unauthorized, _ => { }),
            new("empty bearer", HttpStatusCode.Unauthorized, r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer ")),
            new("not a JWT", HttpStatusCode.Unauthorized, r => Bearer(r, "not-a-jwt")),
            new("expired 10 minutes ago", HttpStatusCode.Unauthorized, r => Bearer(r, Signed(valid.With("exp", now - 600).With("iat", now - 4200).With("nbf", now - 4200)))),
            new("not valid for 10 more minutes", HttpStatusCode.Unauthorized, r => Bearer(r, Signed(valid.With("nbf", now + 600)))),
            new("signed with another key", HttpStatusCode.Unauthorized, r => Bearer(r, Signed(valid, new SymmetricSecurityKey(Bytes(42)) { KeyId = "other" }))),
            new("signed with another key under the trusted key id", HttpStatusCode.Unauthorized, r => Bearer(r, Signed(valid, new SymmetricSecurityKey(Bytes(43)) { KeyId = SigningKey.KeyId }))),
            new("alg none, unsigned", HttpStatusCode.Unauthorized, r => Bearer(r, Unsigned(valid))),
            new("payload edited after signing (scope raised)", HttpStatusCode.Unauthorized, r => Bearer(r, Tampered(valid.With("scp", "User.Read"), valid))),
            new("audience of Microsoft Graph", HttpStatusCode.Unauthorized, r => Bearer(r, Signed(valid.With("aud", "00000003-0000-0000-c000-000000000000")))),
            new("audience of another app", HttpStatusCode.Unauthorized, r => Bearer(r, Signed(valid.With("aud", $"api://evil.example/{Guid.NewGuid()}")))),
            new("issuer of another tenant than its tid", HttpStatusCode.Unauthorized, r => Bearer(r, Signed(valid.With("iss", $"https://login.microsoftonline.com/{TenantB}/v2.0")))),
            new("v1 issuer (sts.windows.net)", HttpStatusCode.Unauthorized, r => Bearer(r, Signed(valid.With("iss", $"https://sts.windows.net/{TenantA}/").With("ver", "1.0")))),
            new("issuer of another cloud", HttpStatusCode.Unauthorized, r => Bearer(r, Signed(valid.With("iss", $"https://login.evil.example/{TenantA}/v2.0")))),
            new("tenant not allowed", HttpStatusCode.Unauthorized, r => Bearer(r, Signed(ValidClaims(foreignTenant)))),
            new("no oid", HttpStatusCode.Unauthorized, r => Bearer(r, Signed(valid.With("oid", null)))),
            new("no tid", HttpStatusCode.Unauthorized, r => Bearer(r, Signed(valid.With("tid", null)))),
            new("scope of another API (User.Read)", HttpStatusCode.Forbidden, r => Bearer(r, Signed(valid.With("scp", "User.Read Mail.Read")))),
            new("scope name as a prefix (access_as_user_admin)", HttpStatusCode.Forbidden, r => Bearer(r, Signed(valid.With("scp", "access_as_user_admin")))),
            new("app-only token: no scp, the scope name as a role", HttpStatusCode.Forbidden, r => Bearer(r, Signed(valid.With("scp", null).With("roles", new[] { "access_as_user" }).With("idtyp", "app")))),
            new("valid token in the query string only", HttpStatusCode.Unauthorized, r => r.RequestUri = WithQuery(r.RequestUri!, "access_token=" + Signed(valid))),
            new("valid token under the Basic scheme", HttpStatusCode.Unauthorized, r => r.Headers.Authorization = new AuthenticationHeaderValue("Basic", Signed(valid))),
        ];
    }

    public static void Bearer(HttpRequestMessage request, string token) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

    private static Uri WithQuery(Uri uri, string query) =>
        new(uri.OriginalString + (uri.OriginalString.Contains('?') ? "&" : "?") + query, UriKind.RelativeOrAbsolute);

    private static byte[] Bytes(byte value) => Enumerable.Repeat(value, 32).ToArray();

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}
