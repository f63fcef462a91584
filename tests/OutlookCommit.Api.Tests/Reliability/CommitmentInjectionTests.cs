using System.Net;
using System.Text.Json.Nodes;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Api.Tests.Commitments;
using OutlookCommit.Api.Tests.Infrastructure;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// SQL metacharacters and odd Unicode in every stored field of a commitment, through HTTP on SQLite: what goes in
/// comes back unchanged from POST, GET by id, the lists and the duplicate check, and nothing else in the table is
/// touched. (The store-level twin for every database is in <see cref="CommitmentStoreContract"/>.)
/// </summary>
public sealed class CommitmentInjectionTests : IDisposable
{
    private readonly ApiFactory _factory = new() { Analyzer = Mock.Of<IDraftAnalyzer>() };
    private readonly HttpClient _client;

    public CommitmentInjectionTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    public static TheoryData<string> HostileTexts() => CommitmentStoreContract.HostileTexts();

    private static JsonObject Body(string value) => new()
    {
        ["what"] = value,
        // An object person (both fields), a name as a string (it has spaces) and an address as a string (no spaces).
        ["who"] = new JsonArray(new JsonObject { ["name"] = value, ["address"] = value }, "Name " + value, "x@" + value.Replace(" ", "")),
        ["due"] = "2026-12-01T10:00:00+08:00",
        ["nextStep"] = "technicalExchange",
        ["subject"] = value,
        ["sourceMessageId"] = value,
        ["conversationId"] = value,
        ["sentAt"] = "2026-11-26T09:00:00Z",
    };

    private static void AssertFields(JsonNode item, string value)
    {
        Assert.Equal(value, (string?)item["what"]);
        Assert.Equal(value, (string?)item["subject"]);
        Assert.Equal(value, (string?)item["sourceMessageId"]);
        Assert.Equal(value, (string?)item["conversationId"]);
        var who = item["who"]!.AsArray();
        Assert.Equal(3, who.Count);
        Assert.Equal(value, (string?)who[0]!["name"]);
        Assert.Equal(value, (string?)who[0]!["address"]);
        Assert.Equal("Name " + value, (string?)who[1]!["name"]);
        Assert.Equal("x@" + value.Replace(" ", ""), (string?)who[2]!["address"]);
        Assert.Equal("technicalExchange", (string?)item["nextStep"]);
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public async Task Every_stored_field_round_trips_unchanged_through_post_get_and_list(string value)
    {
        var sentinel = await (await _client.PostAsync("/api/commitments", Samples.Json("""{"what":"sentinel","sourceMessageId":"s"}"""))).Json(HttpStatusCode.Created);

        var created = await (await _client.PostAsync("/api/commitments", Samples.Json(Body(value).ToJsonString()))).Json(HttpStatusCode.Created);
        AssertFields(created, value);
        var id = (string)created["id"]!;

        AssertFields(await (await _client.GetAsync($"/api/commitments/{id}")).Json(), value);

        var all = (await (await _client.GetAsync("/api/commitments?status=all")).Json())["items"]!.AsArray();
        Assert.Equal(2, all.Count);
        AssertFields(all.Single(i => (string?)i!["id"] == id)!, value);
        Assert.Contains(all, i => (string?)i!["id"] == (string?)sentinel["id"] && (string?)i!["what"] == "sentinel");

        // The duplicate check queries by sourceMessageId and what: the same hostile pair finds the same row.
        var again = await (await _client.PostAsync("/api/commitments", Samples.Json(Body(value).ToJsonString()))).Json(HttpStatusCode.OK);
        Assert.Equal(id, (string?)again["id"]);

        var done = await (await _client.PatchAsync($"/api/commitments/{id}", Samples.Json("""{"done":true}"""))).Json();
        AssertFields(done, value);
        var doneList = (await (await _client.GetAsync("/api/commitments?status=done")).Json())["items"]!.AsArray();
        AssertFields(Assert.Single(doneList)!, value);
        Assert.Equal("open", (string?)(await (await _client.GetAsync($"/api/commitments/{sentinel["id"]}")).Json())["status"]);
    }

    [Theory]
    [InlineData("status=' OR '1'='1")]
    [InlineData("status=open; DROP TABLE commitments;--")]
    [InlineData("take=1; DROP TABLE commitments")]
    [InlineData("take=1 OR 1=1")]
    public async Task Hostile_query_strings_are_refused_and_the_table_is_intact(string query)
    {
        await (await _client.PostAsync("/api/commitments", Samples.Json("""{"what":"kept"}"""))).Json(HttpStatusCode.Created);

        var problem = await (await _client.GetAsync("/api/commitments?" + query)).Problem(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]) && problem["errors"] is null, problem.ToJsonString());

        var items = (await (await _client.GetAsync("/api/commitments")).Json())["items"]!.AsArray();
        Assert.Equal("kept", (string?)Assert.Single(items)!["what"]);
    }

    [Fact]
    public async Task A_hostile_patch_status_is_refused_and_changes_nothing()
    {
        var id = (string)(await (await _client.PostAsync("/api/commitments", Samples.Json("""{"what":"kept"}"""))).Json(HttpStatusCode.Created))["id"]!;

        var problem = await (await _client.PatchAsync($"/api/commitments/{id}", Samples.Json("""{"status":"done'; UPDATE commitments SET status='done'; --"}"""))).Problem(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["status"]);
        Assert.Equal("open", (string?)(await (await _client.GetAsync($"/api/commitments/{id}")).Json())["status"]);
    }
}
