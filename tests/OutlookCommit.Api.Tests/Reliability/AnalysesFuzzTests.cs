using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using OutlookCommit.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>The real API (real engine, SQLite) for the fuzz run; built once per class, warm before the first input.</summary>
public sealed class FuzzApiFactory : ApiFactory;

/// <summary>
/// FsCheck drives generated hostile drafts (<see cref="FuzzRequests"/>) through POST /api/analyses and
/// /api/invites/suggestions on the real app. Every answer must be a 200 whose offsets are sound (evidence inside the
/// analyzed text and never in quoted, forwarded or signature text) or a 4xx ProblemDetails with a detail; never a 5xx.
/// A valid draft must get its 200. Latency is measured per body-size band and printed.
///
/// The in-suite run is bounded (OUTLOOKCOMMIT_FUZZ_COUNT inputs, default 600, and OUTLOOKCOMMIT_FUZZ_SECONDS,
/// default 30, whichever ends first). For a long run: OUTLOOKCOMMIT_FUZZ_COUNT=20000 OUTLOOKCOMMIT_FUZZ_SECONDS=1800.
/// A failure prints FsCheck's replay seed and saves the request body under $TMPDIR/outlookcommit-api-fuzz-failures;
/// OUTLOOKCOMMIT_FUZZ_REPLAY="seed,gamma" runs that sequence again, "seed,gamma,size" only the failing input.
/// </summary>
public sealed class AnalysesFuzzTests(FuzzApiFactory factory, ITestOutputHelper output) : IClassFixture<FuzzApiFactory>
{
    /// <summary>
    /// Far above what any input needs (the slowest measured is well under a second), so it only catches a hang or
    /// a regression of the parse budget; the real figures are printed, not asserted.
    /// </summary>
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(10);

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

    [Fact]
    public async Task Generated_drafts_get_a_sound_200_or_a_4xx_problem_and_never_a_5xx()
    {
        var count = Setting("OUTLOOKCOMMIT_FUZZ_COUNT", 600);
        var budget = TimeSpan.FromSeconds(Setting("OUTLOOKCOMMIT_FUZZ_SECONDS", 30));
        var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(2);
        await WarmUp(client);

        var samples = new ConcurrentQueue<(int Bytes, TimeSpan Elapsed, int Status, string Shape)>();
        var watch = Stopwatch.StartNew();
        var skipped = 0;
        var property = Prop.ForAll(FuzzRequests.Requests().ToArbitrary(), request =>
        {
            // Past the time budget the remaining inputs are not sent (and not counted), so a slow machine ends on time.
            if (watch.Elapsed > budget) { Interlocked.Increment(ref skipped); return true; }
            var one = Stopwatch.StartNew();
            using var response = client.SendAsync(ToMessage(request)).GetAwaiter().GetResult();
            var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            one.Stop();
            samples.Enqueue((request.Body.Length, one.Elapsed, (int)response.StatusCode, request.Shape));
            var failure = Check(request, response, text);
            if (failure is null && one.Elapsed > HangBound) failure = $"took {one.Elapsed.TotalMilliseconds:F0} ms";
            if (failure is not null)
            {
                // The whole request, for replaying it by hand: curl --data-binary @file -H 'Content-Type: application/json'.
                var saved = Path.Combine(Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "outlookcommit-api-fuzz-failures")).FullName, $"{Guid.NewGuid():N}.json");
                File.WriteAllBytes(saved, request.Body);
                output.WriteLine($"FAILED: {failure}\n  {request}\n  request body saved to {saved}");
            }
            return failure is null;
        });

        var config = Config.QuickThrowOnFailure.WithMaxTest(count).WithEndSize(60).WithQuietOnSuccess(true);
        // "seed,gamma" replays the run; "seed,gamma,size" (FsCheck's "replay directly at failing step") the failing input.
        var replay = Environment.GetEnvironmentVariable("OUTLOOKCOMMIT_FUZZ_REPLAY")?.Split(',').Select(v => ulong.Parse(v.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (replay is [var seed, var gamma]) config = config.WithReplay(seed, gamma);
        if (replay is [var s, var g, var size]) config = config.WithReplay(s, g, (int)size).WithMaxTest(1);
        // Off xunit's synchronisation context: the property blocks on the in-memory server.
        await Task.Run(() => property.Check(config));

        Report(samples.ToArray(), skipped, watch.Elapsed);
        Assert.NotEmpty(samples);
    }

    /// <summary>The engine is built at start-up; these make the first measured request pay no JIT of its own.</summary>
    private static async Task WarmUp(HttpClient client)
    {
        foreach (var json in new[] { Samples.EnglishDraft, Samples.ChineseDraft })
            for (var i = 0; i < 3; i++)
            {
                (await client.PostAsync("/api/analyses", Samples.Json(json))).EnsureSuccessStatusCode();
                (await client.PostAsync("/api/invites/suggestions", Samples.Json(json))).EnsureSuccessStatusCode();
            }
    }

    private static HttpRequestMessage ToMessage(FuzzRequest request)
    {
        var content = new ByteArrayContent(request.Body);
        if (request.ContentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        return new HttpRequestMessage(HttpMethod.Post, request.Endpoint) { Content = content };
    }

    /// <summary>What is wrong with the answer, or null when it is acceptable.</summary>
    private static string? Check(FuzzRequest request, HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (status >= 500) return $"{status}: {text}";
        JsonNode? json;
        try { json = JsonNode.Parse(text); }
        catch (System.Text.Json.JsonException) { return $"{status} with a body that is not JSON: {text}"; }
        if (status == 200)
            return mediaType != "application/json" ? $"200 as {mediaType}"
                : request.Endpoint == "/api/analyses" ? CheckAnalysis(json!) : CheckInvite(json!);
        if (request.ExpectOk) return $"a valid draft was refused with {status}: {text}";
        if (status is < 400 or >= 500) return $"unexpected status {status}";
        if (mediaType != "application/problem+json") return $"{status} as {mediaType}, not a ProblemDetails";
        if ((int?)json?["status"] != status || string.IsNullOrWhiteSpace((string?)json?["title"])) return $"incomplete ProblemDetails: {text}";
        if (string.IsNullOrWhiteSpace((string?)json?["detail"]) && json?["errors"] is null) return $"a {status} that does not say what was wrong: {text}";
        return null;
    }

    private static string? CheckAnalysis(JsonNode a)
    {
        var analyzed = (string?)a["analyzedText"];
        if (analyzed is null) return "no analyzedText";
        var ignored = a["ignored"]!.AsArray().Select(r => ((int)r!["start"]!, (int)r["end"]!)).ToList();
        foreach (var (start, end) in ignored)
            if (start < 0 || end <= start || end > analyzed.Length) return $"ignored range [{start}, {end}) outside the text ({analyzed.Length})";
        var elements = a["elements"]!;
        var spans = new[] { "action", "attendee", "date", "confirmation" }.SelectMany(e => elements[e]!["evidence"]!.AsArray())
            .Concat(a["asks"]!.AsArray()).Concat(a["vaguePhrases"]!.AsArray());
        foreach (var span in spans)
        {
            int start = (int)span!["start"]!, end = (int)span["end"]!;
            if (start < 0 || end < start || end > analyzed.Length) return $"span [{start}, {end}) outside the text ({analyzed.Length})";
            if (analyzed[start..end] != (string?)span["text"]) return $"span [{start}, {end}) text differs from the analyzed text";
            if (ignored.Any(r => r.Item1 < end && start < r.Item2)) return $"evidence [{start}, {end}) inside ignored text";
        }
        if ((string?)a["outcome"] is not ("continuation" or "advance" or "closedLoop")) return $"outcome {a["outcome"]}";
        return string.IsNullOrWhiteSpace((string?)a["closingTemplate"]?["text"]) ? "no closing template" : null;
    }

    private static string? CheckInvite(JsonNode invite) =>
        string.IsNullOrWhiteSpace((string?)invite["subject"]) || string.IsNullOrWhiteSpace((string?)invite["agenda"]) ? "invite without subject or agenda"
        : invite["candidates"]!.AsArray().Count is 0 or > 5 ? "invite without 1 to 5 candidates"
        : null;

    private void Report((int Bytes, TimeSpan Elapsed, int Status, string Shape)[] samples, int skipped, TimeSpan total)
    {
        output.WriteLine($"Inputs tried: {samples.Length} in {total.TotalSeconds:F1} s ({skipped} generated after the time budget, not sent).");
        output.WriteLine("Statuses: " + string.Join(", ", samples.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));
        output.WriteLine("Shapes: " + string.Join(", ", samples.GroupBy(s => s.Shape).OrderByDescending(g => g.Count()).Take(12).Select(g => $"{g.Key}×{g.Count()}")) + ", …");
        (string Name, int Max)[] bands = [("≤ 10 KB", 10 << 10), ("10–50 KB", 50 << 10), ("50–200 KB", 200 << 10), ("200 KB–1 MB", 1 << 20), ("> 1 MB", int.MaxValue)];
        var low = 0;
        foreach (var (name, max) in bands)
        {
            var band = samples.Where(s => s.Bytes > low && s.Bytes <= max).Select(s => s.Elapsed.TotalMilliseconds).Order().ToArray();
            low = max;
            if (band.Length == 0) continue;
            double P(double q) => band[Math.Min(band.Length - 1, (int)Math.Ceiling(q * band.Length) - 1)];
            output.WriteLine($"  {name,-12} n={band.Length,5}  p50={P(0.50),7:F1} ms  p99={P(0.99),7:F1} ms  max={band[^1],7:F1} ms");
        }
        foreach (var slow in samples.OrderByDescending(s => s.Elapsed).Take(3))
            output.WriteLine($"  slowest: {slow.Elapsed.TotalMilliseconds:F0} ms, {slow.Bytes} bytes, {slow.Shape}, {slow.Status}");
    }
}
