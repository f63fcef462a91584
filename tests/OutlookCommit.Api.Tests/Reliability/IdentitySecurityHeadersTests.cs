using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Hosting;
using OutlookCommit.Api.Tests.Infrastructure;
using static OutlookCommit.Api.Tests.Reliability.IdentityTokens;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// What a tenant's security review checks on a deployment: headers on the API and on the pane (a CSP that lets
/// Office.js load and Outlook frame the pane, and nothing else), CORS limited to the Outlook hosts and the
/// configured origin, and no internals in production error answers.
/// </summary>
public sealed partial class IdentitySecurityHeadersTests : IDisposable
{
    private readonly string _dist = Directory.CreateTempSubdirectory("oc-dist-").FullName;
    private readonly Mock<IDraftAnalyzer> _engine = new();
    private readonly ProductionFactory _factory;

    public IdentitySecurityHeadersTests()
    {
        // The pane's real pages, so the policy is checked against what the add-in serves.
        File.Copy(RepoFile("addin/index.html"), Path.Combine(_dist, "index.html"));
        File.WriteAllText(Path.Combine(_dist, "commands.html"), CommandsHtml());
        _engine.Setup(e => e.Analyze(It.IsAny<Draft>())).Returns(Samples.Analysis());
        _factory = new ProductionFactory { Analyzer = _engine.Object, EnvironmentName = "Production" };
        _factory.Settings["AzureAd:ClientSecret"] = "";
        _factory.Settings["Addin:DistPath"] = _dist;
        _factory.Settings["Addin:Origins:0"] = "https://commit.contoso.com";
        _factory.Settings["Addin:FrameAncestors:0"] = "https://outlook.example.partner";
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_dist, recursive: true);
    }

    private HttpClient User() => _factory.ClientFor(Signed(ValidClaims()));

    [Theory]
    [InlineData("GET", "/api/commitments", true, HttpStatusCode.OK)]
    [InlineData("GET", "/api/commitments/00000000-0000-0000-0000-000000000001", true, HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/analyses", true, HttpStatusCode.OK)]
    [InlineData("POST", "/api/analyses", false, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/api/nothing-here", true, HttpStatusCode.NotFound)]
    [InlineData("GET", "/health", false, HttpStatusCode.OK)]
    [InlineData("GET", "/openapi/v1.json", false, HttpStatusCode.OK)]
    public async Task Api_answers_may_not_be_sniffed_framed_or_run_anything(string method, string path, bool signedIn, HttpStatusCode status)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
            request.Content = Samples.Json(Samples.EnglishDraft);
        var response = await (signedIn ? User() : _factory.CreateClient()).SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal(SecurityHeadersMiddleware.ApiPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        if (path.StartsWith("/api/", StringComparison.Ordinal))
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/commands.html")]
    public async Task The_pane_may_load_office_js_and_be_framed_by_outlook_only(string path)
    {
        var response = await _factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Directives(Header(response, "Content-Security-Policy"));

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.False(response.Headers.Contains("X-Frame-Options"), "X-Frame-Options would stop Outlook from showing the pane");
        Assert.Equal(["'self'"], csp["default-src"]);
        Assert.Contains("'self'", csp["script-src"]);
        Assert.Contains(OfficeJsOrigin(), csp["script-src"]);
        Assert.DoesNotContain("'unsafe-inline'", csp["script-src"]);
        Assert.DoesNotContain("'unsafe-eval'", csp["script-src"]);
        Assert.DoesNotContain("*", csp["script-src"]);
        Assert.Equal(["'none'"], csp["object-src"]);
        Assert.Contains("https://login.microsoftonline.com", csp["connect-src"]);
        foreach (var host in new[] { "'self'", "https://outlook.office.com", "https://outlook.office365.com", "https://outlook.cloud.microsoft",
                     "https://outlook.live.com", "https://commit.contoso.com", "https://outlook.example.partner" })
            Assert.Contains(host, csp["frame-ancestors"]);
        Assert.DoesNotContain("*", csp["frame-ancestors"]);
        Assert.DoesNotContain("https:", csp["frame-ancestors"]);
    }

    [Fact]
    public void The_pane_pages_have_no_inline_script_and_load_office_js_from_the_allowed_origin()
    {
        // The policy allows scripts by source only: an inline script added to the pane would be blocked in Outlook.
        foreach (var html in new[] { File.ReadAllText(RepoFile("addin/index.html")), CommandsHtml() })
        {
            var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToArray();
            Assert.NotEmpty(scripts);
            Assert.All(scripts, s => Assert.Matches("src=\"(\\.?/|" + Regex.Escape(OfficeJsOrigin()) + "/|[a-z]+\\.js)", s));
            Assert.DoesNotMatch(InlineHandler(), html);
            Assert.DoesNotMatch("javascript:", html);
        }
        Assert.Contains(OfficeJsOrigin() + "/lib/1/hosted/office.js", File.ReadAllText(RepoFile("addin/src/boot.ts")));
    }

    [Fact]
    public async Task An_unexpected_failure_in_production_answers_without_internals()
    {
        _engine.Setup(e => e.Analyze(It.IsAny<Draft>())).Throws(new InvalidOperationException("secret connection string at /srv/outlookcommit/appsettings.json"));

        var response = await User().PostAsync("/api/analyses", Samples.Json(Samples.EnglishDraft));

        var text = await response.Content.ReadAsStringAsync();
        var problem = await response.Problem(HttpStatusCode.InternalServerError);
        Assert.False(problem.ContainsKey("exception"), text);
        Assert.DoesNotContain("secret", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain(".cs:line", text);
        Assert.Equal(SecurityHeadersMiddleware.ApiPolicy, Header(response, "Content-Security-Policy"));
    }

    [Theory]
    [InlineData("https://outlook.office.com", true)]
    [InlineData("https://commit.contoso.com", true)]
    [InlineData("https://evil.example", false)]
    [InlineData("https://outlook.office.com.evil.example", false)]
    [InlineData("null", false)]
    public async Task Cors_answers_only_the_outlook_hosts_and_the_configured_origin_and_never_with_credentials(string origin, bool allowed)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/commitments");
        request.Headers.Add("Origin", origin);
        var response = await User().SendAsync(request);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));

        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/commitments/00000000-0000-0000-0000-000000000001");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "DELETE");
        var answer = await _factory.CreateClient().SendAsync(preflight);
        Assert.False(answer.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) && methods.Any(m => m.Contains("DELETE")));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : throw new Xunit.Sdk.XunitException($"No {name} header on {response.RequestMessage?.RequestUri}");

    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);

    /// <summary>Office.js's origin, as the add-in's boot code loads it.</summary>
    private static string OfficeJsOrigin()
    {
        var url = OfficeJsUrl().Match(File.ReadAllText(RepoFile("addin/src/boot.ts"))).Groups[1].Value;
        return new Uri(url).GetLeftPart(UriPartial.Authority);
    }

    /// <summary>The send-check page exactly as the add-in's build script writes it.</summary>
    private static string CommandsHtml() =>
        CommandsTemplate().Match(File.ReadAllText(RepoFile("addin/scripts/build-handler.mjs"))).Groups[1].Value;

    private static string RepoFile(string relative, [CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", relative));

    [GeneratedRegex("OFFICE_JS_URL = '([^']+)'")]
    private static partial Regex OfficeJsUrl();

    [GeneratedRegex("const COMMANDS_HTML = `([^`]+)`")]
    private static partial Regex CommandsTemplate();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
