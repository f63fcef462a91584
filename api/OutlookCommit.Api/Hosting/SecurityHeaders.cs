using Microsoft.Extensions.Options;
using OutlookCommit.Api.Identity;

namespace OutlookCommit.Api.Hosting;

/// <summary>
/// Security headers on every answer, errors included. The pane's pages get a Content-Security-Policy that lets
/// Office.js load and Outlook frame them; everything else (JSON, ProblemDetails, files) may load nothing and be
/// framed by no one, and /api answers are never cached since they carry the rep's drafts and ledger.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<AddinOptions> addin, IOptions<AzureAdOptions> azureAd)
{
    /// <summary>For JSON and files: nothing loads, nothing frames.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Where Outlook hosts add-in panes in a frame: Outlook on the web (office.com, office365.com, the
    /// cloud.microsoft domain it moves to, outlook.live.com for consumer accounts), new Outlook for Windows (the
    /// same web app), the Microsoft 365 app, and Office's add-in frames (officeapps.live.com). Desktop and mobile
    /// Outlook show the pane as a top-level page, which frame-ancestors does not restrict.
    /// </summary>
    public static readonly string[] OutlookFrameAncestors =
    [
        "https://outlook.office.com",
        "https://outlook.office365.com",
        "https://outlook.live.com",
        "https://outlook.cloud.microsoft",
        "https://*.office.com",
        "https://*.office365.com",
        "https://*.outlook.com",
        "https://*.cloud.microsoft",
        "https://*.microsoft365.com",
        "https://*.officeapps.live.com",
    ];

    /// <summary>Office.js and the scripts it loads; the telemetry endpoint Office.js reports to.</summary>
    private const string OfficeScripts = "https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com";
    private const string OfficeTelemetry = "https://browser.pipe.aria.microsoft.com";

    private readonly string _panePolicy = PanePolicy(addin.Value, azureAd.Value);

    public Task InvokeAsync(HttpContext context)
    {
        // On starting, so the headers are there whoever writes the answer (endpoint, static files, error handler).
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    }

    private void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // The Development-only API reference page brings its own scripts and styles.
        if (context.Request.Path.StartsWithSegments("/scalar"))
            return;

        var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        headers.ContentSecurityPolicy = html ? _panePolicy : ApiPolicy;
        if (!html)
            headers.XFrameOptions = "DENY"; // for browsers without frame-ancestors; never on the pane, which Outlook frames
        if (context.Request.Path.StartsWithSegments("/api"))
            headers.CacheControl = "no-store";
    }

    /// <summary>
    /// The pane (index.html) and the send-check page (commands.html): scripts from this origin and Office.js;
    /// inline styles, which the pane's boot style and Fluent UI's runtime styles need (no inline script is allowed);
    /// calls to this API, to Entra ID for MSAL sign-in, and Office.js's own requests.
    /// </summary>
    public static string PanePolicy(AddinOptions addin, AzureAdOptions azureAd)
    {
        var login = LoginOrigin(azureAd.Instance);
        var ancestors = string.Join(' ', ["'self'", .. OutlookFrameAncestors, .. addin.Origins, .. addin.FrameAncestors]);
        return string.Join("; ",
            "default-src 'self'",
            $"script-src 'self' {OfficeScripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            $"connect-src 'self' {login} https://appsforoffice.microsoft.com {OfficeTelemetry}",
            $"frame-src 'self' {login}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            $"frame-ancestors {ancestors}");
    }

    /// <summary>Entra ID's public cloud (the add-in's MSAL authority), and the configured instance when it differs.</summary>
    private static string LoginOrigin(string instance)
    {
        const string publicCloud = "https://login.microsoftonline.com";
        return Uri.TryCreate(instance, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            && uri.GetLeftPart(UriPartial.Authority) is var configured && !configured.Equals(publicCloud, StringComparison.OrdinalIgnoreCase)
            ? $"{publicCloud} {configured}"
            : publicCloud;
    }
}
