using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Identity;
using OutlookCommit.Api.Tests.Infrastructure;

namespace OutlookCommit.Api.Tests.Identity;

/// <summary>Local mode: no sign-in, one user, loopback only, Graph endpoints explain how to enable them.</summary>
public sealed class LocalModeTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    public LocalModeTests()
    {
        var engine = new Mock<IDraftAnalyzer>();
        engine.Setup(e => e.Analyze(It.IsAny<Draft>())).Returns(Samples.Analysis("zh"));
        _factory.Analyzer = engine.Object;
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Graph_analysis_is_503_naming_the_settings_that_enable_it()
    {
        var response = await _factory.CreateClient().PostAsync("/api/analyses/graph", Samples.Json("""{"kind":"message","itemId":"AAMk="}"""));
        var problem = await response.Problem(HttpStatusCode.ServiceUnavailable);
        var detail = (string)problem["detail"]!;
        Assert.Contains("AzureAd:ClientId", detail);
        Assert.Contains("AzureAd:TenantId", detail);
        Assert.Contains("AzureAd:ClientSecret", detail);
    }

    [Fact]
    public async Task Invite_suggestions_work_with_working_hour_slots_of_unknown_availability()
    {
        var json = await (await _factory.CreateClient().PostAsync("/api/invites/suggestions", Samples.Json(Samples.ChineseDraft))).Json();

        Assert.False((bool)json["availabilityChecked"]!);
        Assert.StartsWith("技术交流会", (string?)json["subject"]);
        Assert.Contains("议程", (string?)json["agenda"]);
        Assert.Equal(60, (int)json["durationMinutes"]!);
        Assert.Equal("wang@kehu.cn", (string?)json["attendees"]![0]!["address"]);
        var candidates = json["candidates"]!.AsArray();
        Assert.Equal(5, candidates.Count);
        Assert.All(candidates, c => Assert.Equal("unknown", (string?)c!["availability"]));
        // Clock: Fri 2026-11-27 10:00 +08:00 → Mon 30th 10:00 and 14:00 in the draft's offset first.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8)),
            DateTimeOffset.Parse((string)candidates[0]!["start"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("not checked", (string?)json["note"]);
    }

    [Fact]
    public async Task A_caller_from_another_machine_is_refused()
    {
        _factory.Replace.Add(s => s.AddSingleton<IStartupFilter>(new RemoteAddressFilter()));
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-Remote", "192.0.2.10");
        await (await client.GetAsync("/api/commitments")).Problem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("http://localhost:5180", true)]
    [InlineData("http://127.0.0.1:5180", true)]
    [InlineData("http://[::1]:5180", true)]
    [InlineData("http://0.0.0.0:5180", false)]
    [InlineData("http://*:5180", false)]
    [InlineData("http://+:5180", false)]
    [InlineData("http://commit.contoso.com", false)]
    [InlineData("http://127.0.0.2:5180", true)]
    [InlineData("https://LOCALHOST:5181", true)]
    [InlineData("http://[::]:5180", false)]
    [InlineData("http://localhost.contoso.com:5180", false)]
    [InlineData("http://unix:/tmp/outlookcommit.sock", false)]
    [InlineData("not a url", false)]
    public void Only_loopback_urls_are_allowed_in_local_mode(string url, bool allowed)
    {
        Assert.Equal(allowed, LocalModeBinding.IsLoopbackUrl(url));
    }

    /// <summary>Makes a test request look as if it came from the address in X-Test-Remote.</summary>
    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Remote", out var ip))
                    context.Connection.RemoteIpAddress = IPAddress.Parse(ip.ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
