using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Api.Identity;
using OutlookCommit.Api.Tests.Infrastructure;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// Local mode has no sign-in, so it must never listen beyond loopback, whichever way Kestrel is told where to
/// listen: URLS / ASPNETCORE_URLS / --urls, Kestrel:Endpoints (settings, environment or command line),
/// ASPNETCORE_HTTP_PORTS / HTTPS_PORTS (every interface), or endpoints configured in code. The real API is started
/// as a process for each way; it must exit with 78 and a critical log that says what to change, without listening.
/// </summary>
public sealed class IdentityLoopbackBindingTests
{
    [Theory]
    [InlineData("urls=http://0.0.0.0:5180", "URLS", "http://0.0.0.0:5180")]
    [InlineData("urls=http://localhost:5180;http://*:5181", "URLS", "http://*:5181")]
    [InlineData("urls=http://localhost:5180;http://127.0.0.1:5181;http://[::1]:5182", null, null)]
    [InlineData("Kestrel:Endpoints:Web:Url=http://[::]:8080", "Kestrel:Endpoints:Web:Url", "http://[::]:8080")]
    [InlineData("Kestrel:Endpoints:Web:Url=http://localhost:8080|urls=http://+:5180", null, null)] // Kestrel ignores URLS when it has endpoints
    [InlineData("Kestrel:Endpoints:Web:Url=http://localhost:8080|urls=http://+:5180|preferHostingUrls=true", "URLS", "http://+:5180")]
    [InlineData("http_ports=8080", "HTTP_PORTS", "http://*:8080")]
    [InlineData("https_ports=8443;8444", "HTTPS_PORTS", "https://*:8443")]
    [InlineData("urls=http://localhost:5180|http_ports=8080", null, null)] // URLS win over the ports
    [InlineData("", null, null)] // Kestrel's default is http://localhost:5000
    public void Every_setting_that_places_the_server_is_read_with_kestrels_precedence(string settings, string? setting, string? exposed)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Split('=', 2)).Select(kv => new KeyValuePair<string, string?>(kv[0], kv[1]))).Build();

        var found = LocalModeBinding.Exposed(LocalModeBinding.RequestedAddresses(configuration));

        if (exposed is null)
            Assert.Empty(found);
        else
            Assert.Contains(found, a => a.Setting.StartsWith(setting!, StringComparison.Ordinal) && a.Address == exposed);
    }

    private static TheoryData<string, string[], string[], string> ProcessWays(int port) => new()
    {
        { "URLS", [$"URLS=http://0.0.0.0:{port}"], [], $"http://0.0.0.0:{port}" },
        { "ASPNETCORE_URLS", [$"ASPNETCORE_URLS=http://+:{port}"], [], $"http://+:{port}" },
        { "--urls", [], ["--urls", $"http://localhost:{port + 1};http://*:{port}"], $"http://*:{port}" },
        { "ASPNETCORE_HTTP_PORTS", [$"ASPNETCORE_HTTP_PORTS={port}"], [], $"http://*:{port}" },
        { "ASPNETCORE_HTTPS_PORTS", [$"ASPNETCORE_HTTPS_PORTS={port}"], [], $"https://*:{port}" },
        { "HTTP_PORTS", [$"HTTP_PORTS={port}"], [], $"http://*:{port}" },
        { "Kestrel__Endpoints (environment)", [$"Kestrel__Endpoints__Web__Url=http://[::]:{port}"], [], $"http://[::]:{port}" },
        { "Kestrel:Endpoints (command line)", [], [$"--Kestrel:Endpoints:Web:Url=http://commit.contoso.com:{port}"], $"http://commit.contoso.com:{port}" },
    };

    public static TheoryData<string, string[], string[], string> Ways => ProcessWays(FreePort());

    [Theory]
    [MemberData(nameof(Ways))]
    public async Task The_api_process_refuses_to_start_beyond_loopback(string way, string[] environment, string[] arguments, string address)
    {
        var port = int.Parse(address[(address.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var (exitCode, output) = await RunApi(environment, arguments);

        Assert.True(exitCode == LocalModeExposedException.ExitCode, $"{way}: exit code {exitCode}\n{output}");
        Assert.Contains("crit: OutlookCommit.Api.Identity.LoopbackGuard", output);
        Assert.Contains($"asked to listen on {address} (by ", output);
        Assert.Contains("AzureAd:ClientId", output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("Now listening on", output);
        Assert.False(await Listening(port), $"{way}: something listens on port {port}");
    }

    [Fact]
    public void Endpoints_configured_in_code_are_caught_from_the_addresses_the_server_bound()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = new ApiFactory { Analyzer = Mock.Of<IDraftAnalyzer>(), EnvironmentName = "Production" };
        factory.Replace.Add(s => s.AddSingleton<ILoggerProvider>(logs));
        // Code-configured endpoints appear in no setting: only the bound addresses show them.
        factory.UseKestrel(o => o.ListenAnyIP(0));

        // Program ends the app with exit code 78; inside the test host that shows as a failed start.
        Assert.ThrowsAny<Exception>(factory.StartServer);

        var critical = Assert.Single(logs.Entries, l => l.Level == LogLevel.Critical);
        Assert.Equal(typeof(LoopbackGuard).FullName, critical.Category);
        Assert.Matches(@"asked to listen on http://(\[::\]|0\.0\.0\.0):\d+ \(by the running server's bound addresses\)", critical.Message);
    }

    [Fact]
    public async Task On_loopback_the_api_starts_and_serves()
    {
        using var factory = new ApiFactory { Analyzer = Mock.Of<IDraftAnalyzer>(), EnvironmentName = "Production" };
        factory.UseKestrel(0);
        factory.StartServer();

        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bound = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Assert.NotEmpty(bound);
        Assert.All(bound, a => Assert.True(LocalModeBinding.IsLoopbackUrl(a), a));
        Assert.False(response.Headers.Contains("Server"), "Kestrel's Server header is sent");
    }

    /// <summary>Runs the built API (OutlookCommit.Api.dll beside the tests) in local mode with a scratch database.</summary>
    private static async Task<(int ExitCode, string Output)> RunApi(string[] environment, string[] arguments)
    {
        var scratch = Directory.CreateTempSubdirectory("oc-bind-");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = scratch.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OutlookCommit.Api.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Nothing from the test runner's environment may place the server or switch on production mode.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("AzureAd__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Kestrel__", StringComparison.OrdinalIgnoreCase)
                     || k is "URLS" or "HTTP_PORTS" or "HTTPS_PORTS" or "DOTNET_URLS" or "DOTNET_HTTP_PORTS" or "DOTNET_HTTPS_PORTS").ToArray())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(scratch.FullName, "api.db")}";
        start.Environment["Addin__DistPath"] = Path.Combine(scratch.FullName, "no-addin");
        foreach (var pair in environment.Select(e => e.Split('=', 2)))
            start.Environment[pair[0]] = pair[1];

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // our own child, by its handle
            return (-1, "still running after 90 s\n" + await stdout + await stderr);
        }
        finally
        {
            try { scratch.Delete(recursive: true); } catch (IOException) { }
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task<bool> Listening(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(2));
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
