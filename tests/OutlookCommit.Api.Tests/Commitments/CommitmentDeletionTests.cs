using System.Net;
using System.Text.Json.Nodes;
using OutlookCommit.Api.Tests.Infrastructure;

namespace OutlookCommit.Api.Tests.Commitments;

/// <summary>
/// A rep can remove a commitment or erase the whole ledger; nobody can remove another rep's rows, in the same
/// tenant or another one, and erasing needs an explicit confirm=all.
/// </summary>
public sealed class CommitmentDeletionTests : IDisposable
{
    private readonly ProductionFactory _factory = new();
    private readonly HttpClient _anna;
    private readonly HttpClient _bob;
    private readonly HttpClient _annaInTenantB;

    public CommitmentDeletionTests()
    {
        _anna = _factory.ClientFor(ProductionFactory.Token(oid: "aaaaaaaa-0000-0000-0000-0000000000a1"));
        _bob = _factory.ClientFor(ProductionFactory.Token(oid: "bbbbbbbb-0000-0000-0000-0000000000b2"));
        // The same object id in another tenant is another person.
        _annaInTenantB = _factory.ClientFor(ProductionFactory.Token(tenant: ProductionFactory.TenantB, issuerTenant: ProductionFactory.TenantB, oid: "aaaaaaaa-0000-0000-0000-0000000000a1"));
    }

    public void Dispose() => _factory.Dispose();

    private static async Task<string> Create(HttpClient client, string what)
    {
        var response = await client.PostAsync("/api/commitments", Samples.Json(new
        {
            what,
            who = new[] { "anna@customer.example" },
            due = DateTimeOffset.UtcNow.AddDays(3),
            sourceMessageId = "msg-" + what,
        }));
        return (string)(await response.Json(HttpStatusCode.Created))["id"]!;
    }

    private static async Task<string[]> Ids(HttpClient client)
    {
        var list = await (await client.GetAsync("/api/commitments")).Json();
        return list["items"]!.AsArray().Select(i => (string)i!["id"]!).ToArray();
    }

    [Fact]
    public async Task Deleting_my_commitment_removes_it_and_a_second_delete_is_404()
    {
        var keep = await Create(_anna, "keep");
        var drop = await Create(_anna, "drop");

        var first = await _anna.DeleteAsync($"/api/commitments/{drop}");
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _anna.GetAsync($"/api/commitments/{drop}")).StatusCode);
        Assert.Equal([keep], await Ids(_anna));

        var second = await _anna.DeleteAsync($"/api/commitments/{drop}");
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Nobody_deletes_another_reps_commitment()
    {
        var annas = await Create(_anna, "anna's");

        foreach (var other in new[] { _bob, _annaInTenantB })
        {
            var response = await other.DeleteAsync($"/api/commitments/{annas}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal([annas], await Ids(_anna));
    }

    [Fact]
    public async Task Erasing_my_ledger_needs_confirm_all_and_leaves_others_alone()
    {
        await Create(_anna, "one");
        await Create(_anna, "two");
        var bobs = await Create(_bob, "bob's");
        var annaB = await Create(_annaInTenantB, "other tenant");

        foreach (var query in new[] { "", "?confirm=yes", "?confirm=ALL", "?confirm=", "?confirm=all%00" })
        {
            var refused = await _anna.DeleteAsync("/api/commitments" + query);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Json(HttpStatusCode.BadRequest);
            Assert.Contains("confirm=all", problem["errors"]!["confirm"]![0]!.GetValue<string>());
        }
        Assert.Equal(2, (await Ids(_anna)).Length);

        var erased = await (await _anna.DeleteAsync("/api/commitments?confirm=all")).Json();
        Assert.Equal(2, (int)erased["deleted"]!);
        Assert.Empty(await Ids(_anna));
        Assert.Equal([bobs], await Ids(_bob));
        Assert.Equal([annaB], await Ids(_annaInTenantB));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("' OR 1=1 --")]
    public async Task Deleting_a_bad_or_unknown_id_is_404_and_changes_nothing(string id)
    {
        var mine = await Create(_anna, "mine");
        var response = await _anna.DeleteAsync($"/api/commitments/{Uri.EscapeDataString(id)}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal([mine], await Ids(_anna));
    }

    [Fact]
    public async Task Deleting_without_a_token_is_401()
    {
        var mine = await Create(_anna, "mine");
        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/api/commitments/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync("/api/commitments?confirm=all")).StatusCode);
        Assert.Equal([mine], await Ids(_anna));
    }
}
