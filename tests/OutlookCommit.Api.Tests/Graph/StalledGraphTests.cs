using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Api.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace OutlookCommit.Api.Tests.Graph;

/// <summary>GET /api/commitments/stalled with Graph: past due, open, and no customer reply since the follow-up.</summary>
public sealed class StalledGraphTests : IDisposable
{
    private readonly GraphFactory _factory = new() { Analyzer = Mock.Of<IDraftAnalyzer>() };

    public void Dispose() => _factory.Dispose();

    private void Conversation(string id, params (string From, string At)[] messages)
    {
        _factory.Graph.Given(Request.Create().WithPath("/v1.0/me/messages").UsingGet().WithParam("$filter", $"conversationId eq '{id}'"))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBodyAsJson(new
            {
                value = messages.Select(m => new
                {
                    from = new { emailAddress = new { address = m.From } },
                    receivedDateTime = m.At,
                    isDraft = false,
                    subject = "s",
                    body = new { contentType = "text", content = "b" },
                }).ToArray(),
            }));
    }

    [Fact]
    public async Task Only_conversations_without_a_customer_reply_since_the_follow_up_are_stalled()
    {
        var client = _factory.User();
        async Task<string> Create(string what, string due, string? conversation)
        {
            var json = await (await client.PostAsync("/api/commitments", Samples.Json(new
            {
                what, due = DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), conversationId = conversation,
                sentAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
            }))).Json(System.Net.HttpStatusCode.Created);
            return (string)json["id"]!;
        }

        await Create("replied", "2026-11-25T10:00:00Z", "conv-replied");
        var silent = await Create("silent", "2026-11-25T10:00:00Z", "conv-silent");
        var unknown = await Create("no conversation", "2026-11-26T10:00:00Z", null);
        await Create("not due yet", "2026-12-05T10:00:00Z", "conv-future");

        _factory.Json("GET", "/v1.0/me", new { mail = "rep@vendor.example", userPrincipalName = "rep@vendor.onmicrosoft.example" });
        Conversation("conv-replied", ("rep@vendor.example", "2026-11-20T09:00:00Z"), ("anna@customer.example", "2026-11-22T08:00:00Z"));
        Conversation("conv-silent", ("anna@customer.example", "2026-11-18T08:00:00Z"), ("rep@vendor.example", "2026-11-20T09:00:00Z"), ("rep@vendor.example", "2026-11-24T09:00:00Z"));

        // One Graph round trip first: under load the SDK's first call pays for its JIT and could pass the timeout.
        _factory.Json("GET", "/v1.0/me/messages/AAMk-warm", new { error = new { code = "ErrorItemNotFound", message = "x" } }, 404);
        await client.PostAsync("/api/analyses/graph", Samples.Json("""{"kind":"message","itemId":"AAMk-warm"}"""));

        var json = await (await client.GetAsync("/api/commitments/stalled")).Json();

        Assert.True((bool)json["graphConsulted"]!);
        var items = json["items"]!.AsArray();
        Assert.Equal([silent, unknown], items.Select(i => (string)i!["id"]!));
        Assert.Equal("2026-11-18T08:00:00+00:00", (string?)items[0]!["lastCustomerReplyAt"]);
        Assert.Equal("$select=mail,userPrincipalName", GraphFactory.Query(Assert.Single(_factory.Requests("/v1.0/me"))));
        Assert.Equal(2, _factory.Requests("/v1.0/me/messages").Count); // not for the commitment without a conversation or not yet due
    }
}
