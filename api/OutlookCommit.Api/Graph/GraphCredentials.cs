using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using OutlookCommit.Api.Identity;

namespace OutlookCommit.Api.Graph;

/// <summary>The credential Graph calls use for the signed-in user of a request.</summary>
public interface IGraphCredentialSource
{
    /// <summary>Null when the settings the exchange needs are missing; then names them.</summary>
    string? MissingSettings { get; }

    TokenCredential GetCredential(HttpContext context);
}

/// <summary>
/// On-behalf-of: exchanges the caller's access token for a Graph token. Each <see cref="OnBehalfOfCredential"/>
/// keeps its own token cache, so credentials are cached by a hash of the incoming token (bounded, and
/// expiring when that token does) — otherwise every Graph call would request a new token.
/// </summary>
public sealed class OboCredentialSource : IGraphCredentialSource, IDisposable
{
    private readonly AzureAdOptions _azureAd;
    private readonly MemoryCache _cache;
    private readonly TimeProvider _time;

    public OboCredentialSource(IOptions<AzureAdOptions> azureAd, IOptions<GraphOptions> graph, TimeProvider time)
    {
        _azureAd = azureAd.Value;
        _time = time;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = graph.Value.CredentialCacheSize });
    }

    public string? MissingSettings => !_azureAd.IsConfigured
        ? IdentityMode.EnablingSettings
        : string.IsNullOrWhiteSpace(_azureAd.ClientSecret) ? "AzureAd:ClientSecret" : null;

    public TokenCredential GetCredential(HttpContext context)
    {
        var assertion = BearerToken(context)
            ?? throw new InvalidOperationException("Graph was called on a request without a bearer token.");
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(assertion)));
        if (_cache.TryGetValue(key, out TokenCredential? cached) && cached is not null)
            return cached;

        var tenant = context.User.FindFirst("tid")?.Value ?? _azureAd.TenantId!;
        var credential = new OnBehalfOfCredential(tenant, _azureAd.ClientId, _azureAd.ClientSecret, assertion,
            new OnBehalfOfCredentialOptions { AuthorityHost = new Uri(_azureAd.Instance) });

        var expires = new JsonWebToken(assertion).ValidTo;
        var until = expires > _time.GetUtcNow().UtcDateTime ? new DateTimeOffset(expires, TimeSpan.Zero) : _time.GetUtcNow().AddMinutes(5);
        _cache.Set(key, (TokenCredential)credential, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = until });
        return credential;
    }

    public static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    public void Dispose() => _cache.Dispose();
}
