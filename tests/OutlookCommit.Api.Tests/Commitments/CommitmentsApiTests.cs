using System.Net;
using System.Net.Http.Json;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Api.Tests.Infrastructure;

namespace OutlookCommit.Api.Tests.Commitments;

/// <summary>The ledger endpoints in local mode (one user, no Graph).</summary>
public sealed class CommitmentsApiTests : IDisposable
{
    private readonly ApiFactory _factory = new() { Analyzer = Mock.Of<IDraftAnalyzer>() };
    private readonly HttpClient _client;

    public CommitmentsApiTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    private async Task<string> Create(string what, DateTimeOffset due, string? conversationId = "conv-1")
    {
        var response = await _client.PostAsync("/api/commitments", Samples.Json(new
        {
            what,
            who = new[] { new { name = "Anna Lee", address = "anna@customer.example" } },
            due,
            nextStep = "technicalExchange",
            sourceMessageId = "msg-1",
            conversationId,
        }));
        var json = await response.Json(HttpStatusCode.Created);
        Assert.Equal($"/api/commitments/{json["id"]}", response.Headers.Location?.ToString());
        return (string)json["id"]!;
    }

    [Fact]
    public async Task A_recorded_commitment_is_listed_with_its_fields()
    {
        var due = _factory.Clock.GetUtcNow().AddDays(2);
        var id = await Create("Technical deep-dive with the data team", due);

        var list = await (await _client.GetAsync("/api/commitments?status=open")).Json();
        var item = list["items"]![0]!;
        Assert.Equal(id, (string?)item["id"]);
        Assert.Equal("Technical deep-dive with the data team", (string?)item["what"]);
        Assert.Equal("anna@customer.example", (string?)item["who"]![0]!["address"]);
        Assert.Equal("technicalExchange", (string?)item["nextStep"]);
        Assert.Equal("open", (string?)item["status"]);
        Assert.False((bool)item["overdue"]!);
        Assert.Equal(due, DateTimeOffset.Parse((string)item["due"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Status_filters_open_overdue_and_done()
    {
        var now = _factory.Clock.GetUtcNow();
        var late = await Create("late", now.AddHours(-1));
        var soon = await Create("soon", now.AddDays(1));
        var finished = await Create("finished", now.AddDays(1));
        (await _client.PatchAsync($"/api/commitments/{finished}", Samples.Json(new { done = true }))).EnsureSuccessStatusCode();

        async Task<string[]> Ids(string status) =>
            (await (await _client.GetAsync($"/api/commitments?status={status}")).Json())["items"]!.AsArray().Select(i => (string)i!["id"]!).ToArray();

        Assert.Equal([late, soon], await Ids("open"));
        Assert.Equal([late], await Ids("overdue"));
        Assert.Equal([finished], await Ids("done"));
        await (await _client.GetAsync("/api/commitments?status=someday")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Patch_marks_done_reopens_and_moves_the_due_date()
    {
        var id = await Create("send revised pricing", _factory.Clock.GetUtcNow().AddDays(1));

        var done = await (await _client.PatchAsync($"/api/commitments/{id}", Samples.Json(new { done = true }))).Json();
        Assert.Equal("done", (string?)done["status"]);
        Assert.NotNull(done["doneAt"]);

        var newDue = new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.FromHours(1));
        var moved = await (await _client.PatchAsync($"/api/commitments/{id}", Samples.Json(new { done = false, due = newDue }))).Json();
        Assert.Equal("open", (string?)moved["status"]);
        Assert.Null(moved["doneAt"]);
        Assert.Equal(newDue, DateTimeOffset.Parse((string)moved["due"]!, System.Globalization.CultureInfo.InvariantCulture));

        await (await _client.PatchAsync($"/api/commitments/{id}", Samples.Json(new { }))).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_add_in_shape_is_accepted_people_as_strings_status_done_and_no_due_date()
    {
        var created = await (await _client.PostAsync("/api/commitments", Samples.Json("""
            {"what":"技术交流会","who":["王主任","li@kehu.cn"],"nextStep":"technicalExchange","subject":"技术交流",
             "sourceMessageId":"m","conversationId":"c","language":"zh"}
            """))).Json(HttpStatusCode.Created);
        Assert.Equal("王主任", (string?)created["who"]![0]!["name"]);
        Assert.Equal("li@kehu.cn", (string?)created["who"]![1]!["address"]);
        Assert.Null(created["due"]);
        Assert.Equal("技术交流", (string?)created["subject"]);

        var done = await (await _client.PatchAsync($"/api/commitments/{created["id"]}", Samples.Json("""{"status":"done"}"""))).Json();
        Assert.Equal("done", (string?)done["status"]);
        await (await _client.PatchAsync($"/api/commitments/{created["id"]}", Samples.Json("""{"status":"maybe"}"""))).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Sending_the_same_commitment_again_does_not_duplicate_it()
    {
        const string body = """{"what":"deep-dive","due":"2026-12-01T10:00:00Z","sourceMessageId":"msg-42"}""";
        var first = await (await _client.PostAsync("/api/commitments", Samples.Json(body))).Json(HttpStatusCode.Created);
        var again = await (await _client.PostAsync("/api/commitments", Samples.Json(body))).Json(HttpStatusCode.OK);
        Assert.Equal((string?)first["id"], (string?)again["id"]);

        // Another commitment of the same message is a new row.
        await (await _client.PostAsync("/api/commitments", Samples.Json("""{"what":"pricing","sourceMessageId":"msg-42"}"""))).Json(HttpStatusCode.Created);
        Assert.Equal(2, (await (await _client.GetAsync("/api/commitments")).Json())["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Unknown_ids_are_404_problems()
    {
        var id = Guid.NewGuid();
        await (await _client.GetAsync($"/api/commitments/{id}")).Problem(HttpStatusCode.NotFound);
        await (await _client.PatchAsync($"/api/commitments/{id}", Samples.Json(new { done = true }))).Problem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"due":"2026-12-01T10:00:00Z"}""", "what")]
    [InlineData("""{"what":"  ","due":"2026-12-01T10:00:00Z"}""", "what")]
    public async Task Incomplete_commitments_are_refused_and_nothing_is_written(string json, string field)
    {
        var problem = await (await _client.PostAsync("/api/commitments", Samples.Json(json))).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
        var list = await (await _client.GetAsync("/api/commitments")).Json();
        Assert.Empty(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Invalid_types_are_refused()
    {
        await (await _client.PostAsync("/api/commitments", Samples.Json("""{"what":"x","due":"tomorrow"}"""))).Problem(HttpStatusCode.BadRequest);
        await (await _client.PostAsync("/api/commitments", Samples.Json("""{"what":"x","due":"2026-12-01T10:00:00Z","nextStep":"lunch"}"""))).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task In_local_mode_stalled_means_open_and_past_due_and_says_graph_was_not_consulted()
    {
        var now = _factory.Clock.GetUtcNow();
        var late = await Create("late", now.AddHours(-1));
        await Create("soon", now.AddDays(1));

        var json = await (await _client.GetAsync("/api/commitments/stalled")).Json();

        Assert.False((bool)json["graphConsulted"]!);
        Assert.Contains("AzureAd:ClientId", (string?)json["note"]);
        Assert.Equal([late], json["items"]!.AsArray().Select(i => (string)i!["id"]!));
    }

    [Fact]
    public async Task Commitments_survive_a_restart()
    {
        var id = await Create("kept", _factory.Clock.GetUtcNow().AddDays(1));
        using var second = new ApiFactory { Analyzer = Mock.Of<IDraftAnalyzer>() };
        second.Settings["Database:ConnectionString"] = _factory.Settings["Database:ConnectionString"];
        var json = await (await second.CreateClient().GetAsync($"/api/commitments/{id}")).Json();
        Assert.Equal("kept", (string?)json["what"]);
    }
}
