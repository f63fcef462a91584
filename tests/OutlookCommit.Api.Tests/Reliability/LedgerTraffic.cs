using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>One ledger write (a POST, or a PATCH) made during a fault and what came back (status 0: no answer at all).</summary>
public sealed record PostedCommitment(JsonObject Sent, int Status, string? Id, TimeSpan Elapsed, string Answer, string? RetryAfter)
{
    public bool Acknowledged => Status is >= 200 and < 300;
}

/// <summary>
/// Ledger traffic for fault tests: distinct commitments to post, the answers recorded as they come, and the
/// check that every acknowledged one can be read back exactly as sent (an acknowledged write must never be lost).
/// </summary>
public static class LedgerTraffic
{
    private static readonly DateTimeOffset BaseDue = new(2026, 12, 1, 6, 30, 15, 123, TimeSpan.Zero);

    /// <summary>A commitment unique to <paramref name="tag"/> and <paramref name="n"/> in every stored field.</summary>
    public static JsonObject NewCommitment(string tag, int n, int whatChars = 0)
    {
        var what = $"{tag} #{n}: technical deep-dive with the data team / 技术交流 第{n}次";
        if (whatChars > what.Length)
            what += new string('x', whatChars - what.Length); // large rows fill a small disk quickly
        return new JsonObject
        {
            ["what"] = what,
            ["who"] = new JsonArray(new JsonObject { ["name"] = $"Anna Lee {n}", ["address"] = $"anna{n}@customer.example" }, "王主任"),
            ["due"] = Iso(BaseDue.AddMinutes(n)),
            ["nextStep"] = n % 2 == 0 ? "technicalExchange" : "onlineMeeting",
            ["subject"] = $"Re: deep-dive {tag}",
            ["sourceMessageId"] = $"{tag}-msg-{n}",
            ["conversationId"] = $"{tag}-conv-{n % 7}",
            ["sentAt"] = Iso(BaseDue.AddDays(-3).AddSeconds(n)),
        };
    }

    /// <summary>Posts one commitment; a transport failure or a client timeout is recorded as status 0, not thrown.</summary>
    public static Task<PostedCommitment> PostAsync(HttpClient client, JsonObject body, CancellationToken ct = default) =>
        SendAsync(client, HttpMethod.Post, "/api/commitments", body, ct);

    /// <summary>Marks a commitment done (PATCH), recorded like a POST.</summary>
    public static Task<PostedCommitment> MarkDoneAsync(HttpClient client, string id, CancellationToken ct = default) =>
        SendAsync(client, HttpMethod.Patch, $"/api/commitments/{id}", new JsonObject { ["done"] = true }, ct);

    private static async Task<PostedCommitment> SendAsync(HttpClient client, HttpMethod method, string path, JsonObject body, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            string? id = null;
            if (response.IsSuccessStatusCode)
                id = (string?)JsonNode.Parse(text)?["id"];
            else
                text = $"{response.Content.Headers.ContentType?.MediaType} {text}";
            return new PostedCommitment(body, (int)response.StatusCode, id, watch.Elapsed, text,
                response.Headers.TryGetValues("Retry-After", out var values) ? values.FirstOrDefault() : null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new PostedCommitment(body, 0, null, watch.Elapsed, e.GetType().Name + ": " + e.Message, null);
        }
    }

    /// <summary>
    /// A refused write must be a ProblemDetails with one of the allowed statuses and a detail that says what to do;
    /// 503 also says when to retry. Never 500, never silence.
    /// </summary>
    public static void AssertRefusedWell(PostedCommitment post, params int[] allowed)
    {
        Assert.True(allowed.Contains(post.Status), $"Expected 2xx or {string.Join('/', allowed)}, got {post.Status} after {post.Elapsed.TotalSeconds:F1} s: {post.Answer}");
        Assert.StartsWith("application/problem+json ", post.Answer);
        var problem = JsonNode.Parse(post.Answer["application/problem+json ".Length..])!;
        Assert.Equal(post.Status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]), post.Answer);
        Assert.True(((string?)problem["detail"])?.Length > 20, $"The detail should say what happened and what to do: {post.Answer}");
        if (post.Status == (int)HttpStatusCode.ServiceUnavailable)
            Assert.True(int.TryParse(post.RetryAfter, out var seconds) && seconds > 0, $"503 without a Retry-After in seconds: {post.Answer}");
    }

    /// <summary>Reads every acknowledged commitment back by id and compares each stored field with what was sent.</summary>
    public static async Task<int> AssertAllStoredAsync(HttpClient client, IEnumerable<PostedCommitment> posts, CancellationToken ct = default)
    {
        var acknowledged = posts.Where(p => p.Acknowledged).ToArray();
        var missing = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(acknowledged, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (post, token) =>
        {
            using var response = await client.GetAsync($"/api/commitments/{post.Id}", token);
            var text = await response.Content.ReadAsStringAsync(token);
            if (response.StatusCode != HttpStatusCode.OK)
                missing.Add($"{post.Id} ({post.Sent["sourceMessageId"]}): {(int)response.StatusCode} {text}");
            else if (Mismatch(post.Sent, JsonNode.Parse(text)!.AsObject()) is { } field)
                missing.Add($"{post.Id} ({post.Sent["sourceMessageId"]}): {field} differs from what was sent: {text}");
        });
        Assert.True(missing.IsEmpty, $"{missing.Count} of {acknowledged.Length} acknowledged commitments are lost or changed:\n" + string.Join('\n', missing.Take(20)));
        return acknowledged.Length;
    }

    /// <summary>The first stored field that differs from the sent one, or null.</summary>
    public static string? Mismatch(JsonObject sent, JsonObject stored)
    {
        foreach (var text in new[] { "what", "nextStep", "subject", "sourceMessageId", "conversationId" })
            if ((string?)sent[text] != (string?)stored[text])
                return text;
        foreach (var time in new[] { "due", "sentAt" })
            if (Instant(sent[time]) != Instant(stored[time]))
                return time;
        var sentWho = sent["who"]!.AsArray();
        var storedWho = stored["who"]!.AsArray();
        if (sentWho.Count != storedWho.Count)
            return "who";
        for (var i = 0; i < sentWho.Count; i++)
        {
            var (name, address) = sentWho[i] is JsonObject o ? ((string?)o["name"], (string?)o["address"]) : ((string?)sentWho[i], null);
            if (name != (string?)storedWho[i]!["name"] || address != (string?)storedWho[i]!["address"])
                return "who";
        }
        return (string?)stored["status"] == "open" ? null : "status";
    }

    private static DateTimeOffset? Instant(JsonNode? node) =>
        node is null ? null : DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
