using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Api.Tests.Infrastructure;
using Xunit.Abstractions;
using static OutlookCommit.Api.Tests.Infrastructure.ProductionFactory;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// Each user's ledger is theirs alone: two users of one tenant, and the same object id in two tenants, write
/// commitments in turn; each sees only their own, and any id that is not theirs (someone else's, or a guess next
/// to one) answers 404 exactly like an id that does not exist, and changes nothing.
/// </summary>
public sealed partial class IdentityIsolationTests : IDisposable
{
    private const string OidX = "aaaaaaaa-0000-0000-0000-000000000001";
    private const string OidY = "bbbbbbbb-0000-0000-0000-000000000002";

    private readonly ProductionFactory _factory = new() { Analyzer = Mock.Of<IDraftAnalyzer>(), EnvironmentName = "Production" };
    private readonly ITestOutputHelper _output;
    private readonly Dictionary<string, HttpClient> _users;

    public IdentityIsolationTests(ITestOutputHelper output)
    {
        _output = output;
        // No client secret: Graph is off, so stalled lists every overdue open commitment straight from the store.
        _factory.Settings["AzureAd:ClientSecret"] = "";
        _users = new()
        {
            ["A/x"] = User(TenantA, OidX),
            ["A/y"] = User(TenantA, OidY),
            ["B/x"] = User(TenantB, OidX), // same oid as A/x, another tenant
            ["B/y"] = User(TenantB, OidY),
        };
    }

    public void Dispose() => _factory.Dispose();

    private HttpClient User(string tenant, string oid) =>
        _factory.ClientFor(IdentityTokens.Signed(IdentityTokens.ValidClaims(tenant, oid)));

    [Fact]
    public async Task Users_and_tenants_see_and_change_only_their_own_commitments()
    {
        var owned = _users.Keys.ToDictionary(u => u, _ => new List<string>());
        var overdue = _users.Keys.ToDictionary(u => u, _ => new List<string>());
        var done = _users.Keys.ToDictionary(u => u, _ => new List<string>());

        // Interleaved: round by round, every user writes, so ids and rows of different owners alternate.
        var rounds = new (string What, string? Due, string? Source)[]
        {
            ("overdue deep-dive", "2026-11-20T10:00:00Z", "msg-1"),
            ("future workshop", "2026-12-20T10:00:00Z", "msg-2"),
            ("undated intro", null, null),
            // Same source message and text for everyone: a retry of one user must never return another's row.
            ("same text everywhere", "2026-11-25T10:00:00Z", "msg-shared"),
        };
        foreach (var (what, due, source) in rounds)
        {
            foreach (var (name, client) in _users)
            {
                var created = await (await client.PostAsync("/api/commitments", Samples.Json(new
                {
                    what, due = due is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
                    sourceMessageId = source, subject = $"{name} subject", who = new[] { $"{name.Replace('/', '-')}@customer.example" },
                }))).Json(HttpStatusCode.Created);
                var id = (string)created["id"]!;
                owned[name].Add(id);
                if (due is not null && DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture) < _factory.Clock.GetUtcNow())
                    overdue[name].Add(id);
            }
        }
        foreach (var (name, client) in _users)
        {
            var first = owned[name][0];
            await (await client.PatchAsync($"/api/commitments/{first}", Samples.Json("""{"done":true}"""))).Json();
            done[name].Add(first);
            overdue[name].Remove(first);
        }
        Assert.Equal(_users.Count * rounds.Length, owned.Values.SelectMany(v => v).Distinct().Count());

        foreach (var (name, client) in _users)
        {
            Assert.Equal(Sorted(owned[name]), await Ids(client, "/api/commitments?status=all"));
            Assert.Equal(Sorted(owned[name].Except(done[name])), await Ids(client, "/api/commitments?status=open"));
            Assert.Equal(Sorted(done[name]), await Ids(client, "/api/commitments?status=done"));
            Assert.Equal(Sorted(overdue[name]), await Ids(client, "/api/commitments?status=overdue"));
            Assert.Equal(Sorted(overdue[name]), await Ids(client, "/api/commitments/stalled"));
            // A retry of the shared commitment returns this user's own row.
            var retry = await (await client.PostAsync("/api/commitments", Samples.Json(new { what = "same text everywhere", sourceMessageId = "msg-shared" }))).Json();
            Assert.Equal(owned[name][3], (string?)retry["id"]);
        }

        var before = await Snapshot(owned);
        var requests = await TryEveryoneElsesIds(owned);
        Assert.Equal(before, await Snapshot(owned));
        _output.WriteLine($"{_users.Count} users, {owned.Values.Sum(v => v.Count)} commitments, {requests} cross-owner and guessed-id requests, all 404");
    }

    /// <summary>Every per-id endpoint the app maps, with every other user's ids and ids guessed next to them.</summary>
    private async Task<int> TryEveryoneElsesIds(Dictionary<string, List<string>> owned)
    {
        var perId = IdentityEndpointSweepTests.Enumerate(_factory.Services)
            .Select(e => e.Target)
            .Where(t => IdParameter().IsMatch(t.Pattern))
            .ToArray();
        Assert.Contains(perId, t => t.Method == "GET");
        Assert.Contains(perId, t => t.Method == "PATCH");

        var nobodys = await NotFoundShape(_users["A/x"], Guid.NewGuid().ToString(), "GET", perId.First(t => t.Method == "GET").Pattern);
        var requests = 0;
        foreach (var (intruder, client) in _users)
        {
            var theirs = owned.Where(o => o.Key != intruder).SelectMany(o => o.Value).ToArray();
            var guesses = theirs.SelectMany(Neighbours).Concat(SequentialGuesses).Except(owned.Values.SelectMany(v => v)).Distinct().ToArray();
            foreach (var id in theirs.Concat(guesses))
            {
                foreach (var target in perId)
                {
                    foreach (var body in Bodies(target.Method))
                    {
                        var shape = await NotFoundShape(client, id, target.Method, target.Pattern, body);
                        Assert.True(shape == nobodys, $"{intruder} {target} {id}: {shape} differs from an unknown id's {nobodys}");
                        requests++;
                    }
                }
            }
        }
        return requests;
    }

    /// <summary>The 404 ProblemDetails without what varies per request (the id, the path, the trace id).</summary>
    private static async Task<string> NotFoundShape(HttpClient client, string id, string method, string pattern, string? body = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), IdParameter().Replace(pattern, id));
        if (body is not null)
            request.Content = Samples.Json(body);
        var problem = await (await client.SendAsync(request)).Problem(HttpStatusCode.NotFound);
        problem.Remove("traceId");
        problem.Remove("instance");
        return problem.ToJsonString().Replace(id, "{id}", StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string?> Bodies(string method) => method switch
    {
        "GET" or "DELETE" or "HEAD" => [null],
        _ => ["""{"done":true}""", """{"done":false}""", """{"status":"done"}""", """{"due":"2027-01-01T00:00:00Z"}"""],
    };

    /// <summary>Ids one hex digit away from a real one at either end, as an enumerating guesser would try, and the id in capitals.</summary>
    private static IEnumerable<string> Neighbours(string id)
    {
        foreach (var at in new[] { 0, id.Length - 1 })
        {
            foreach (var step in new[] { 1, 15 })
            {
                var digit = Convert.ToInt32(id[at].ToString(), 16);
                yield return id[..at] + ((digit + step) % 16).ToString("x") + id[(at + 1)..];
            }
        }
        yield return id.ToUpperInvariant(); // the same Guid, spelled differently
    }

    private static readonly string[] SequentialGuesses =
    [
        Guid.Empty.ToString(), "00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
    ];

    private async Task<Dictionary<string, string>> Snapshot(Dictionary<string, List<string>> owned)
    {
        var snapshot = new Dictionary<string, string>();
        foreach (var (name, ids) in owned)
            foreach (var id in ids)
                snapshot[id] = (await (await _users[name].GetAsync($"/api/commitments/{id}")).Json()).ToJsonString();
        return snapshot;
    }

    private static async Task<string[]> Ids(HttpClient client, string path) =>
        Sorted((await (await client.GetAsync(path)).Json())["items"]!.AsArray().Select(i => (string)i!["id"]!));

    private static string[] Sorted(IEnumerable<string> ids) => ids.Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{id(:[^}]*)?\}")]
    private static partial Regex IdParameter();
}
