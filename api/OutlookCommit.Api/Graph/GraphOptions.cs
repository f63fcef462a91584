using System.ComponentModel.DataAnnotations;

namespace OutlookCommit.Api.Graph;

/// <summary>How the API calls Microsoft Graph (production mode only).</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>Graph's root with version; tests point it at a loopback stub.</summary>
    [Required, Url] public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";
    /// <summary>Budget for one Graph call including retries; past it the API answers 504.</summary>
    [Range(1, 120)] public int TimeoutSeconds { get; set; } = 10;
    /// <summary>Retries on 429/503/504 (the SDK's retry handler, honouring Retry-After).</summary>
    [Range(0, 10)] public int MaxRetries { get; set; } = 2;
    [Range(0, 60)] public int RetryDelaySeconds { get; set; } = 2;
    /// <summary>How many users' on-behalf-of credentials (each with its token cache) are kept.</summary>
    [Range(1, 1_000_000)] public int CredentialCacheSize { get; set; } = 10_000;

    public string Host => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "";
}
