using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace OutlookCommit.Api.Hosting;

/// <summary>Health, OpenAPI, the API reference, the add-in's files and the Office well-known file.</summary>
public static class PlatformApi
{
    public sealed record AllowedOrigins(IReadOnlyList<string> Allowed);

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealth }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
            app.MapScalarApiReference("/scalar").AllowAnonymous();

        app.MapGet("/.well-known/microsoft-officeaddins-allowed.json", GetAllowedOrigins)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The origins Office may treat as this add-in's own (for nested app auth and Smart Alerts).</summary>
    public static Ok<AllowedOrigins> GetAllowedOrigins(HttpRequest request, IOptions<AddinOptions> options)
    {
        var configured = options.Value.Origins;
        IReadOnlyList<string> origins = configured.Length > 0
            ? configured
            : [$"{request.Scheme}://{request.Host}"];
        return TypedResults.Ok(new AllowedOrigins(origins));
    }

    /// <summary>Serves the add-in's build (index.html at /) when the folder exists; otherwise nothing.</summary>
    public static WebApplication UseAddinFiles(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<AddinOptions>>().Value;
        var path = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, options.DistPath));
        if (!Directory.Exists(path))
        {
            app.Logger.LogInformation("Add-in files not found at {Path}; the pane is not served", path);
            return app;
        }

        var files = new PhysicalFileProvider(path);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = ctx =>
            {
                // index.html and the manifest-referenced pages must not be cached across deployments.
                if (ctx.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                    ctx.Context.Response.Headers.CacheControl = "no-cache";
            },
        });
        return app;
    }

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, durationMs = (int)e.Value.Duration.TotalMilliseconds }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
