using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Xunit.Abstractions;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Tests.Infrastructure;
using static OutlookCommit.Api.Tests.Infrastructure.ProductionFactory;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// Production mode: every endpoint the app maps, found from the app itself, refuses every kind of caller that is
/// not a signed-in user of an allowed tenant with the access_as_user scope. A new endpoint is swept with no change
/// here; only the short list below may answer without a token.
/// </summary>
public sealed class IdentityEndpointSweepTests(ITestOutputHelper output)
{
    /// <summary>
    /// The only endpoints that answer anonymous callers, and why. The add-in's static files are not endpoints
    /// (static file middleware) and serve the public build only.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> AnonymousAllowList = new Dictionary<string, string>
    {
        ["/health"] = "the load balancer's probe",
        ["/openapi/{documentName}.json"] = "the API description, for the IT review",
        ["/.well-known/microsoft-officeaddins-allowed.json"] = "read by Office without a user",
    };

    /// <summary>Fits every POST/PATCH body of the API, so a valid caller reaches the handler and only the token differs.</summary>
    private const string AnyBody = """
        {"kind":"message","subject":"Sweep","body":"Could your team join a deep-dive next Tuesday at 2pm?","bodyType":"text",
         "to":[{"name":"Anna Lee","address":"anna@customer.example"}],"referenceTime":"2026-11-27T10:00:00+01:00",
         "itemId":"AAMk-sweep","what":"deep-dive","done":true}
        """;

    public sealed record Target(string Method, string Pattern, string Path)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    private static GraphFactory Factory(bool singleTenant)
    {
        var factory = new GraphFactory { EnvironmentName = "Production" };
        var engine = new Mock<IDraftAnalyzer>();
        engine.Setup(e => e.Analyze(It.IsAny<Draft>())).Returns(Samples.Analysis());
        factory.Analyzer = engine.Object;
        if (singleTenant)
            factory.Settings["AzureAd:TenantId"] = TenantA;
        else
            factory.Settings["AzureAd:AllowedTenants:0"] = TenantA; // multi-tenant app restricted to one tenant
        return factory;
    }

    /// <summary>Every method of every route endpoint, with plausible values for its route parameters.</summary>
    public static IReadOnlyList<(Target Target, Endpoint Endpoint)> Enumerate(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["GET", "POST"])
                .Select(m => (new Target(m, e.RoutePattern.RawText ?? "", Fill(e.RoutePattern)), (Endpoint)e)))
            .ToArray();

    /// <summary>A path for the pattern: a new Guid for {x:guid}, 1 for numbers, a word otherwise.</summary>
    public static string Fill(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => parameter.ParameterPolicies.Select(p => p.Content).FirstOrDefault() switch
            {
                "guid" => Guid.NewGuid().ToString(),
                "int" or "long" or "decimal" or "double" or "float" => "1",
                "bool" => "true",
                _ => "sample",
            },
            _ => throw new InvalidOperationException($"Unexpected route part {part.GetType().Name} in {pattern.RawText}"),
        }))));

    public static HttpRequestMessage Request(Target target)
    {
        var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Path);
        if (target.Method is "POST" or "PATCH" or "PUT")
            request.Content = Samples.Json(AnyBody);
        return request;
    }

    [Fact]
    public void The_allow_list_is_short_and_every_entry_is_mapped_and_anonymous_on_purpose()
    {
        using var factory = Factory(singleTenant: false);
        var endpoints = Enumerate(factory.Services);

        Assert.True(AnonymousAllowList.Count <= 3, "The anonymous allow-list grew: every entry needs a security review.");
        foreach (var pattern in AnonymousAllowList.Keys)
        {
            var mapped = endpoints.Where(e => e.Target.Pattern == pattern).Select(e => e.Endpoint).ToArray();
            Assert.True(mapped.Length > 0, $"{pattern} is allowed anonymously but no longer mapped: remove it from the list.");
            Assert.All(mapped, e => Assert.NotNull(e.Metadata.GetMetadata<IAllowAnonymous>()));
        }

        // Everything else is under authorization and nothing else opts out of it.
        var guarded = endpoints.Where(e => !AnonymousAllowList.ContainsKey(e.Target.Pattern)).ToArray();
        Assert.True(guarded.Length >= 8, $"Only {guarded.Length} endpoints found: {string.Join(", ", guarded.Select(g => g.Target))}");
        Assert.All(guarded, e =>
        {
            Assert.True(e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null, $"{e.Target} allows anonymous callers");
            Assert.True(e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0, $"{e.Target} has no authorization");
            Assert.StartsWith("/api/", e.Target.Pattern);
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_endpoint_refuses_every_caller_that_is_not_an_allowed_user_with_the_scope(bool singleTenant)
    {
        using var factory = Factory(singleTenant);
        var client = factory.CreateClient();
        var targets = Enumerate(factory.Services).Select(e => e.Target).Where(t => !AnonymousAllowList.ContainsKey(t.Pattern)).ToArray();
        var variants = IdentityTokens.Refused(foreignTenant: TenantB);
        var failures = new List<string>();

        foreach (var target in targets)
        {
            // Control: a valid caller gets past authentication, so a refusal below is the token's doing.
            using (var control = Request(target))
            {
                IdentityTokens.Bearer(control, IdentityTokens.Signed(IdentityTokens.ValidClaims()));
                var status = (await client.SendAsync(control)).StatusCode;
                if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    failures.Add($"{target} with a valid token: {(int)status}");
            }

            foreach (var variant in variants)
            {
                using var request = Request(target);
                variant.Apply(request);
                var response = await client.SendAsync(request);
                var problem = await Check(response, variant.Expected);
                if (problem is not null)
                    failures.Add($"{target} with {variant.Name}: {problem}");
            }
        }

        output.WriteLine($"{targets.Length} endpoint methods × {variants.Count} refused variants = {targets.Length * variants.Count} requests, plus {targets.Length} valid-token controls");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(targets.Length * variants.Count >= 8 * 20, $"{targets.Length} endpoints × {variants.Count} variants");
    }

    [Fact]
    public async Task The_allow_listed_endpoints_answer_without_a_token()
    {
        using var factory = Factory(singleTenant: false);
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/.well-known/microsoft-officeaddins-allowed.json")).StatusCode);
    }

    /// <summary>Null when the answer is the expected refusal: that status, a Bearer challenge on 401, and an empty or ProblemDetails body.</summary>
    private static async Task<string?> Check(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
            return $"expected {(int)expected}, got {(int)response.StatusCode} {body}";
        if (expected == HttpStatusCode.Unauthorized && !response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"))
            return "401 without a Bearer challenge";
        if (body.Length == 0)
            return null;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"body is {response.Content.Headers.ContentType}, not a ProblemDetails";
        var json = JsonNode.Parse(body)!.AsObject();
        if ((int?)json["status"] != (int)expected)
            return $"ProblemDetails status {json["status"]}";
        if (json.ContainsKey("exception") || body.Contains("   at ", StringComparison.Ordinal))
            return "ProblemDetails carries exception details";
        return null;
    }
}
