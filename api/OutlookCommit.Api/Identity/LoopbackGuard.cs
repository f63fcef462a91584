using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OutlookCommit.Api.Identity;

/// <summary>An address local mode was asked to listen on, and the setting that asked for it.</summary>
public sealed record RequestedAddress(string Setting, string Address);

/// <summary>
/// Where Kestrel will listen, read from the settings it reads and with its precedence: Kestrel:Endpoints win over
/// URLS (unless PreferHostingUrls), URLS win over HTTP_PORTS/HTTPS_PORTS (which bind every interface).
/// </summary>
public static class LocalModeBinding
{
    public static IReadOnlyList<RequestedAddress> RequestedAddresses(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Where(e => !string.IsNullOrWhiteSpace(e["Url"]))
            .Select(e => new RequestedAddress($"Kestrel:Endpoints:{e.Key}:Url", e["Url"]!.Trim()))
            .ToArray();
        var urls = Split(configuration[WebHostDefaults.ServerUrlsKey])
            .Select(u => new RequestedAddress("URLS (ASPNETCORE_URLS, --urls)", u))
            .ToArray();
        var preferUrls = string.Equals(configuration[WebHostDefaults.PreferHostingUrlsKey], "true", StringComparison.OrdinalIgnoreCase);

        if (endpoints.Length > 0 && !(preferUrls && urls.Length > 0))
            return endpoints;
        if (urls.Length > 0)
            return urls;
        return
        [
            .. Split(configuration[WebHostDefaults.HttpPortsKey]).Select(p => new RequestedAddress("HTTP_PORTS (ASPNETCORE_HTTP_PORTS)", $"http://*:{p}")),
            .. Split(configuration[WebHostDefaults.HttpsPortsKey]).Select(p => new RequestedAddress("HTTPS_PORTS (ASPNETCORE_HTTPS_PORTS)", $"https://*:{p}")),
        ];
    }

    /// <summary>The requested addresses that are not loopback-only.</summary>
    public static IReadOnlyList<RequestedAddress> Exposed(IEnumerable<RequestedAddress> addresses) =>
        addresses.Where(a => !IsLoopbackUrl(a.Address)).ToArray();

    /// <summary>
    /// localhost, 127.0.0.0/8 or ::1. Wildcards (*, +), 0.0.0.0, [::], host names, Unix sockets and named pipes are
    /// not: the first four reach the network, and a socket or pipe can be relayed to it by another process.
    /// </summary>
    public static bool IsLoopbackUrl(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://wildcard").Replace("://+", "://wildcard"), UriKind.Absolute, out var uri))
            return false;
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    public static string Explain(IReadOnlyList<RequestedAddress> exposed) =>
        "OutlookCommit runs in local mode, which has no sign-in, so it listens on this machine only (loopback); but it was asked to listen on " +
        string.Join(", ", exposed.Select(a => $"{a.Address} (by {a.Setting})")) + ". " +
        "Either listen on loopback only (e.g. --urls http://localhost:5180), or turn on production mode with Entra ID sign-in " +
        $"by setting {IdentityMode.EnablingSettings} (see docs/deploy.md). The API was not started.";

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Thrown at start when local mode would be reachable from the network; Program turns it into exit code 78.</summary>
public sealed class LocalModeExposedException(string message) : Exception(message)
{
    /// <summary>EX_CONFIG: a configuration error, so service managers do not restart in a loop hoping it passes.</summary>
    public const int ExitCode = 78;

    public static bool IsIn(Exception e) =>
        e is LocalModeExposedException || (e is AggregateException a && a.InnerExceptions.Any(IsIn));
}

/// <summary>
/// Local mode must never listen beyond loopback. Checked before the server binds, from every setting that tells
/// Kestrel where to listen, and again once it listens, from the addresses it actually bound (which also covers
/// endpoints configured in code). Either check fails the host's start, so the process ends without serving.
/// </summary>
internal sealed class LoopbackGuard(IServer server, IConfiguration configuration, ILogger<LoopbackGuard> logger) : IHostedLifecycleService
{
    // Registered before the other hosted services, so this runs before the database migration and the warm-up.
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        // An in-memory test server listens nowhere and has no addresses.
        if (server.Features.Get<IServerAddressesFeature>() is not null)
            Refuse(LocalModeBinding.Exposed(LocalModeBinding.RequestedAddresses(configuration)));
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Refuse(LocalModeBinding.Exposed(bound.Select(a => new RequestedAddress("the running server's bound addresses", a))));
        return Task.CompletedTask;
    }

    private void Refuse(IReadOnlyList<RequestedAddress> exposed)
    {
        if (exposed.Count == 0)
            return;
        var message = LocalModeBinding.Explain(exposed);
        logger.LogCritical("{Reason}", message);
        throw new LocalModeExposedException(message);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
