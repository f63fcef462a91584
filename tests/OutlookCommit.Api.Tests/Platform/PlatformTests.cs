using System.Net;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Api.Tests.Infrastructure;

namespace OutlookCommit.Api.Tests.Platform;

/// <summary>Health, OpenAPI, the reference UI, the add-in's files, the Office well-known file and CORS.</summary>
public sealed class PlatformTests : IDisposable
{
    private readonly string _dist = Directory.CreateTempSubdirectory("oc-dist-").FullName;
    private readonly ApiFactory _factory = new() { Analyzer = Mock.Of<IDraftAnalyzer>() };

    public PlatformTests()
    {
        File.WriteAllText(Path.Combine(_dist, "index.html"), "<!doctype html><title>OutlookCommit</title>");
        File.WriteAllText(Path.Combine(_dist, "app.js"), "console.log('pane');");
        _factory.Settings["Addin:DistPath"] = _dist;
        _factory.Settings["Addin:Origins:0"] = "https://commit.contoso.com";
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_dist, recursive: true);
    }

    [Fact]
    public async Task Health_reports_process_and_database()
    {
        var json = await (await _factory.CreateClient().GetAsync("/health")).Json();
        Assert.Equal("Healthy", (string?)json["status"]);
        Assert.Equal("Healthy", (string?)json["checks"]!["database"]!["status"]);
    }

    [Fact]
    public async Task Openapi_lists_every_endpoint()
    {
        var json = await (await _factory.CreateClient().GetAsync("/openapi/v1.json")).Json();
        var paths = json["paths"]!.AsObject().Select(p => p.Key).ToArray();
        foreach (var path in new[] { "/api/analyses", "/api/analyses/graph", "/api/invites/suggestions", "/api/commitments", "/api/commitments/{id}", "/api/commitments/stalled" })
            Assert.Contains(path, paths);
    }

    [Fact]
    public async Task The_api_reference_is_served_in_development()
    {
        var response = await _factory.CreateClient().GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_pane_is_served_at_the_root_from_the_add_ins_build()
    {
        var client = _factory.CreateClient();
        var index = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("OutlookCommit", await index.Content.ReadAsStringAsync());
        Assert.Equal("no-cache", index.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.js")).StatusCode);
    }

    [Fact]
    public async Task Without_the_add_ins_build_nothing_is_served_there_and_the_api_still_runs()
    {
        using var bare = new ApiFactory { Analyzer = Mock.Of<IDraftAnalyzer>() };
        var client = bare.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task The_well_known_file_lists_the_configured_origins()
    {
        var json = await (await _factory.CreateClient().GetAsync("/.well-known/microsoft-officeaddins-allowed.json")).Json();
        Assert.Equal(["https://commit.contoso.com"], json["allowed"]!.AsArray().Select(o => (string)o!));
    }

    [Theory]
    [InlineData("https://outlook.office.com", true)]
    [InlineData("https://outlook.office365.com", true)]
    [InlineData("https://outlook.live.com", true)]
    [InlineData("https://abc.officeapps.live.com", true)]
    [InlineData("https://commit.contoso.com", true)]
    [InlineData("https://evil.example", false)]
    public async Task Cors_allows_the_outlook_hosts_and_the_apps_origin(string origin, bool allowed)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/analyses");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        var response = await _factory.CreateClient().SendAsync(request);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
    }
}
