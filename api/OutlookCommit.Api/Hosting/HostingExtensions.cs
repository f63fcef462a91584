using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.Json;
using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Api.Hosting;

/// <summary>Request limits for every draft the API reads.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Largest request body accepted on /api (bytes); larger bodies get 413.</summary>
    [Range(1024, 64 * 1024 * 1024)] public long MaxBodyBytes { get; set; } = 1024 * 1024;
    [Range(1, 100_000)] public int MaxRecipients { get; set; } = 500;
    [Range(1, 100_000)] public int MaxSubjectChars { get; set; } = 1000;
    [Range(1, 10_000_000)] public int MaxBodyChars { get; set; } = 500_000;
    /// <summary>Any other text field: names, addresses, location, commitment text.</summary>
    [Range(1, 100_000)] public int MaxFieldChars { get; set; } = 2000;
}

/// <summary>Where the add-in's built files are and which origins the API answers for.</summary>
public sealed class AddinOptions
{
    public const string Section = "Addin";

    /// <summary>The add-in's build output, relative to the content root or absolute. Missing folder: nothing is served.</summary>
    public string DistPath { get; set; } = "../../addin/dist";

    /// <summary>
    /// The origins this API is served from (e.g. https://commit.contoso.com). Listed in
    /// /.well-known/microsoft-officeaddins-allowed.json and allowed by CORS. Empty: the request's own origin.
    /// </summary>
    public string[] Origins { get; set; } = [];

    /// <summary>
    /// Further origins that may show the pane in a frame, beyond Outlook's own hosts (see
    /// <see cref="SecurityHeadersMiddleware.OutlookFrameAncestors"/>), e.g. if Microsoft moves Outlook on the web again.
    /// </summary>
    public string[] FrameAncestors { get; set; } = [];

    /// <summary>A value that goes into a header as one CSP source: no spaces, no separators.</summary>
    internal static bool IsSingleSource(string value) =>
        value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c is ';' or ',' or '\'' or '"');
}

public static class HostingExtensions
{
    public const string CorsPolicy = "outlook";

    /// <summary>
    /// A feature's route group under /api: signed-in callers only, reachable from the Outlook hosts. Every feature
    /// maps through here so none can forget the authorization or the CORS policy.
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix)
            .WithTags(tag)
            .RequireAuthorization()
            .RequireCors(CorsPolicy);

    /// <summary>Outlook's web hosts; the add-in's own origin is added from configuration.</summary>
    public static readonly string[] OutlookOrigins =
    [
        "https://outlook.office.com",
        "https://outlook.office365.com",
        "https://outlook.live.com",
        "https://*.officeapps.live.com",
    ];

    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<JsonOptions>(o => AnalysisJson.Configure(o.SerializerOptions));
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AddinOptions>().BindConfiguration(AddinOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            .Validate(o => o.Origins.Concat(o.FrameAncestors).All(AddinOptions.IsSingleSource),
                "Addin:Origins and Addin:FrameAncestors take one origin per entry (e.g. https://commit.contoso.com), without spaces or separators.");
        // Kestrel's Server header only tells a scanner what to try.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<GlobalExceptionHandler>();
        // Binding failures (malformed JSON, wrong types, wrong content type) throw, so the exception handler
        // can answer them with a ProblemDetails that says what was wrong instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        var origins = builder.Configuration.GetSection(AddinOptions.Section).Get<AddinOptions>()?.Origins ?? [];
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .WithOrigins([.. OutlookOrigins, .. origins])
            .SetIsOriginAllowedToAllowWildcardSubdomains()
            .AllowAnyHeader()
            .WithMethods("GET", "POST", "PATCH")
            .WithExposedHeaders("Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));

        services.AddOpenApi();
        services.AddHealthChecks();
        return builder;
    }

    public static WebApplication UseHosting(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLimitMiddleware>();
        app.UseCors(CorsPolicy);
        app.UseAddinFiles();
        return app;
    }
}
