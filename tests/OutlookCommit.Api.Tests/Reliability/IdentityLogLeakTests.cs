using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OutlookCommit.Api.Tests.Infrastructure;
using Xunit.Abstractions;
using static OutlookCommit.Api.Tests.Reliability.IdentityTokens;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// Logs go to the IT team's sinks, which are not meant to hold customer mail: across a full production flow
/// (analyses inline and through Graph, an invite, the ledger, malformed and oversized requests, rejected tokens),
/// no log entry at Information or above — ASP.NET Core's own request, routing and authentication logs included —
/// may carry a draft's text, a subject, an email address or an access token.
/// </summary>
public sealed partial class IdentityLogLeakTests(ITestOutputHelper output) : IDisposable
{
    // Distinctive texts that appear nowhere else, so any occurrence in a log is a leak.
    private const string Subject = "Quokka-Saffron renewal 7731";
    private const string Body = "Hi Marguerite, could your Zephyrine platform team join a 90-minute deep-dive next Tuesday at 2pm? Can you confirm by Monday?";
    private const string ChineseBody = "王翠花主任，下周三下午3点我们请售前专家到贵司做一次技术交流，您看能否约上技术团队？这个时间可以吗？";
    private const string Customer = "marguerite.quokka@zephyrine-customer.example";
    private const string Colleague = "cc.heron@zephyrine-customer.example";
    private const string ChineseCustomer = "wangcuihua@kehu-zephyr.cn";
    private const string GraphSubject = "Re: Saffron-Pelican pricing";
    private const string GraphBody = "Hi Marguerite, the Pelican-Umber pricing sheet is attached.";
    private const string CustomerAsk = "Could you send the Umber-Heron migration timeline?";
    private const string EventSubject = "Heron-Cobalt workshop";
    private const string Attendee = "cobalt.attendee@zephyrine-customer.example";

    private static readonly string[] TextFragments =
    [
        Subject, "Quokka-Saffron", "Marguerite", "Zephyrine", "deep-dive next Tuesday", "王翠花", "售前专家到贵司",
        GraphSubject, "Saffron-Pelican", "Pelican-Umber", "Umber-Heron", "migration timeline", EventSubject, "Heron-Cobalt", "Cobalt room",
    ];

    private readonly GraphFactory _factory = new() { EnvironmentName = "Production" }; // the real engine, not a stub
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task No_draft_text_subject_address_or_token_reaches_any_log()
    {
        _factory.Replace.Add(services =>
        {
            services.AddSingleton<ILoggerProvider>(_logs);
            // For this provider every category at Information, whatever appsettings.json turns down (Microsoft.AspNetCore: Warning).
            services.Configure<LoggerFilterOptions>(o => o.AddFilter<CapturingLoggerProvider>(null, CapturingLoggerProvider.MinimumLevel));
        });
        StubGraph();
        var token = Signed(ValidClaims());
        var client = _factory.ClientFor(token);
        var rejected = new[]
        {
            Signed(ValidClaims().With("exp", DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeSeconds()).With("nbf", 0).With("iat", 0)),
            Signed(ValidClaims().With("aud", "00000003-0000-0000-c000-000000000000")),
            Signed(ValidClaims().With("scp", "User.Read")),
            Tampered(ValidClaims().With("scp", "User.Read"), ValidClaims()),
            Unsigned(ValidClaims()),
        };

        await RunFlow(client, rejected);

        var entries = _logs.Entries;
        var canaries = TextFragments.Concat([Customer, Colleague, ChineseCustomer, Attendee, GraphFactory.GraphToken])
            .Concat(new[] { token }.Concat(rejected).SelectMany(TokenParts)).ToArray();
        var leaks = Findings(entries, canaries);
        output.WriteLine($"{entries.Count} log entries captured in {entries.Select(e => e.Category).Distinct().Count()} categories; {canaries.Length} canaries");
        foreach (var group in entries.GroupBy(e => e.Category).OrderByDescending(g => g.Count()))
            output.WriteLine($"  {group.Count(),4} {group.Key}");
        foreach (var entry in entries)
            output.WriteLine($"{entry} {entry.Exception?.Split('\n')[0]}");

        Assert.True(leaks.Count == 0, "Leaked into logs:\n" + string.Join("\n", leaks));
        // The capture saw what it had to see, so the absence of leaks means something.
        Assert.Contains(entries, e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.Message.Contains("/api/analyses/graph"));
        Assert.Contains(entries, e => e.Category.StartsWith("Microsoft.AspNetCore.Authentication", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Category.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Category.StartsWith("OutlookCommit", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Scopes.Any(s => s.Contains("RequestPath", StringComparison.Ordinal)));
        Assert.NotEmpty(Findings([new("test", LogLevel.Information, $"planted {Customer}", [], null, [])], canaries));
    }

    private async Task RunFlow(HttpClient client, string[] rejectedTokens)
    {
        var draft = new
        {
            kind = "message", subject = Subject, body = Body, bodyType = "text",
            to = new[] { new { name = "Marguerite Quokka", address = Customer } }, cc = new[] { new { name = "Heron", address = Colleague } },
            referenceTime = "2026-11-27T10:00:00+01:00",
        };
        await Expect(HttpStatusCode.OK, client.PostAsync("/api/analyses", Samples.Json(draft)));
        await Expect(HttpStatusCode.OK, client.PostAsync("/api/analyses", Samples.Json(new
        {
            kind = "message", subject = "技术交流会 Quokka-Saffron", body = ChineseBody, to = new[] { new { name = "王翠花主任", address = ChineseCustomer } },
            referenceTime = "2026-11-27T10:00:00+08:00",
        })));
        await Expect(HttpStatusCode.OK, client.PostAsync("/api/analyses", Samples.Json(new
        {
            kind = "event", subject = EventSubject, body = Body, attendees = new[] { new { name = "Cobalt", address = Attendee } },
            start = "2026-12-02T15:00:00+08:00", end = "2026-12-02T16:00:00+08:00", location = "Cobalt room 12",
        })));
        await Expect(HttpStatusCode.OK, client.PostAsync("/api/analyses/graph", Samples.Json("""{"kind":"message","itemId":"AAMk-leak"}""")));
        await Expect(HttpStatusCode.OK, client.PostAsync("/api/analyses/graph", Samples.Json("""{"kind":"event","itemId":"AAMk-leak-event","timeZone":"Asia/Shanghai"}""")));
        await Expect(HttpStatusCode.NotFound, client.PostAsync("/api/analyses/graph", Samples.Json("""{"kind":"message","itemId":"AAMk-missing"}""")));
        await Expect(HttpStatusCode.OK, client.PostAsync("/api/invites/suggestions", Samples.Json(draft)));

        // Requests the API refuses, each carrying the texts: malformed JSON, wrong types, over the limits.
        await Expect(HttpStatusCode.BadRequest, client.PostAsync("/api/analyses", Samples.Json($$"""{"kind":"message","subject":"{{Subject}}","body": {{Body}} }""")));
        await Expect(HttpStatusCode.BadRequest, client.PostAsync("/api/analyses", Samples.Json($$"""{"kind":"message","subject":"{{Subject}}","to":"{{Customer}}"}""")));
        await Expect(HttpStatusCode.BadRequest, client.PostAsync("/api/analyses", Samples.Json($$"""{"kind":"{{Subject}}","body":"{{Body}}"}""")));
        await Expect(HttpStatusCode.BadRequest, client.PostAsync("/api/analyses", Samples.Json(draft with { subject = string.Concat(Enumerable.Repeat(Subject, 200)) })));
        await Expect(HttpStatusCode.RequestEntityTooLarge, client.PostAsync("/api/analyses", Samples.Json(draft with { body = string.Concat(Enumerable.Repeat(Body + " ", 10_000)) })));
        await Expect(HttpStatusCode.UnsupportedMediaType, client.PostAsync("/api/analyses", new StringContent(Body)));

        // The ledger: written, listed, changed, read, stalled, and someone else's id.
        var created = await (await client.PostAsync("/api/commitments", Samples.Json(new
        {
            what = "Send the Pelican-Umber pricing sheet", who = new object[] { new { name = "Marguerite", address = Customer }, Colleague },
            due = "2026-11-20T10:00:00Z", subject = Subject, sourceMessageId = "msg-leak", conversationId = "conv-leak", sentAt = "2026-11-19T10:00:00Z",
        }))).Json(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await Expect(HttpStatusCode.OK, client.PostAsync("/api/commitments", Samples.Json(new { what = "Send the Pelican-Umber pricing sheet", sourceMessageId = "msg-leak", subject = Subject })));
        await Expect(HttpStatusCode.BadRequest, client.PostAsync("/api/commitments", Samples.Json(new { what = string.Concat(Enumerable.Repeat(GraphBody, 100)), who = new[] { Customer } })));
        await Expect(HttpStatusCode.OK, client.GetAsync("/api/commitments?status=all"));
        await Expect(HttpStatusCode.OK, client.PatchAsync($"/api/commitments/{id}", Samples.Json("""{"due":"2026-11-21T10:00:00Z"}""")));
        await Expect(HttpStatusCode.OK, client.GetAsync($"/api/commitments/{id}"));
        await Expect(HttpStatusCode.OK, client.GetAsync("/api/commitments/stalled"));
        await Expect(HttpStatusCode.NotFound, _factory.ClientFor(Signed(ValidClaims(oid: "cccccccc-0000-0000-0000-000000000003"))).GetAsync($"/api/commitments/{id}"));

        foreach (var rejected in rejectedTokens)
        {
            var status = (await _factory.ClientFor(rejected).PostAsync("/api/analyses", Samples.Json(draft))).StatusCode;
            Assert.True(status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{status}");
        }
    }

    private void StubGraph()
    {
        object Address(string address) => new { emailAddress = new { name = "Marguerite Quokka", address } };
        _factory.Json("GET", "/v1.0/me/messages/AAMk-leak", new
        {
            subject = GraphSubject, body = new { contentType = "html", content = $"<p>{GraphBody}</p>" },
            toRecipients = new[] { Address(Customer) }, ccRecipients = new[] { Address(Colleague) },
            isDraft = true, conversationId = "conv-leak", createdDateTime = "2026-11-26T09:00:00Z",
        });
        _factory.Json("GET", "/v1.0/me/messages", new
        {
            value = new object[]
            {
                new { subject = "Saffron-Pelican questions", from = Address(Customer), receivedDateTime = "2026-11-25T08:00:00Z", isDraft = false, body = new { contentType = "text", content = CustomerAsk } },
            },
        });
        _factory.Json("GET", "/v1.0/me/events/AAMk-leak-event", new
        {
            subject = EventSubject, body = new { contentType = "text", content = Body },
            attendees = new[] { new { type = "required", emailAddress = new { name = "Cobalt", address = Attendee } } },
            start = new { dateTime = "2026-12-02T15:00:00.0000000", timeZone = "China Standard Time" },
            end = new { dateTime = "2026-12-02T16:00:00.0000000", timeZone = "China Standard Time" },
            location = new { displayName = "Cobalt room 12" }, isDraft = true,
        });
        _factory.Json("GET", "/v1.0/me/messages/AAMk-missing", new { error = new { code = "ErrorItemNotFound", message = $"Not found: {GraphSubject}" } }, 404);
        _factory.Json("GET", "/v1.0/me", new { mail = "rep.quokka@vendor-zephyr.example", userPrincipalName = "rep.quokka@vendor-zephyr.example" });
        _factory.Json("POST", "/v1.0/me/findMeetingTimes", new { meetingTimeSuggestions = Array.Empty<object>(), emptySuggestionsReason = "AttendeesUnavailable" });
    }

    private static async Task Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The token, its three parts, and every 24-character piece of its payload and signature.</summary>
    private static IEnumerable<string> TokenParts(string token)
    {
        yield return token;
        var parts = token.Split('.');
        foreach (var part in parts.Where(p => p.Length >= 16))
            yield return part;
        foreach (var part in parts.Skip(1).Where(p => p.Length >= 24))
            for (var at = 0; at + 24 <= part.Length; at += 12)
                yield return part.Substring(at, 24);
    }

    /// <summary>Each entry holding a canary (case-insensitive) or any email address at all.</summary>
    private static List<string> Findings(IReadOnlyList<CapturingLoggerProvider.Entry> entries, string[] canaries)
    {
        var findings = new List<string>();
        foreach (var entry in entries)
        {
            var text = entry.Everything;
            foreach (var canary in canaries.Where(c => text.Contains(c, StringComparison.OrdinalIgnoreCase)))
                findings.Add($"{entry}: holds '{canary}'\n    {text.Replace("\n", "\n    ")}");
            foreach (Match email in EmailAddress().Matches(text))
                findings.Add($"{entry}: holds the address {email.Value}");
        }
        return findings;
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex EmailAddress();
}
