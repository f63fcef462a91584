namespace OutlookCommit.Api.Identity;

/// <summary>
/// The Entra ID app registration of the API. When <see cref="ClientId"/> and <see cref="TenantId"/> are set the API
/// runs in production mode (bearer tokens, several users); otherwise in local mode (loopback, one user).
/// </summary>
public sealed class AzureAdOptions
{
    public const string Section = "AzureAd";
    public const string RequiredScope = "access_as_user";

    public string Instance { get; set; } = "https://login.microsoftonline.com/";
    /// <summary>A tenant id, or <c>common</c> / <c>organizations</c> for a multi-tenant app.</summary>
    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    /// <summary>For the on-behalf-of exchange that reads mail and calendars through Graph.</summary>
    public string? ClientSecret { get; set; }
    /// <summary>Optional: the only tenants whose users may call the API (multi-tenant apps).</summary>
    public string[] AllowedTenants { get; set; } = [];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(TenantId);

    public bool IsMultiTenant => TenantId is "common" or "organizations";

    public string Authority => $"{Instance.TrimEnd('/')}/{TenantId}/v2.0";

    /// <summary>The v2 issuer with the tenant placeholder that <c>AadIssuerValidator</c> fills from the token's tid.</summary>
    public string IssuerTemplate => $"{Instance.TrimEnd('/')}/{{tenantid}}/v2.0";

    /// <summary>The client id itself, api://{clientId}, or an app id URI of the form api://{host}/{clientId}.</summary>
    public bool IsValidAudience(string audience) =>
        ClientId is { Length: > 0 } id
        && (audience == id
            || audience == $"api://{id}"
            || (audience.StartsWith("api://", StringComparison.Ordinal) && audience.EndsWith("/" + id, StringComparison.Ordinal)));
}
