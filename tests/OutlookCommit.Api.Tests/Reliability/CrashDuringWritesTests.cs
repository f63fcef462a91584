using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// The real API process is killed with SIGKILL in the middle of a burst of concurrent ledger POSTs, then started
/// again on the same SQLite file. Every commitment whose POST was answered 2xx before the kill must be there, as
/// sent, and the file must pass PRAGMA integrity_check. Rounds chain (each restart is the next round's server);
/// OUTLOOKCOMMIT_DBFAULT_RUNS sets how many (default 3; scripts/db-faults.sh runs more).
/// </summary>
public sealed class CrashDuringWritesTests(ITestOutputHelper output)
{
    private const int Concurrency = 16;
    private const int BurstSize = 400;
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Every_acknowledged_commitment_survives_a_SIGKILL_mid_burst_and_the_file_stays_intact()
    {
        var runs = FaultSettings.CrashRuns;
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var folder = Directory.CreateTempSubdirectory("oc-crash-");
        var databasePath = Path.Combine(folder.FullName, "ledger.db");
        var total = Stopwatch.StartNew();
        var everyPost = new List<PostedCommitment>();
        var restarts = new List<TimeSpan>();
        var latencies = new List<double>();
        var checkedCount = 0;
        var api = await ApiProcess.StartAsync(databasePath, StartBound);
        try
        {
            for (var run = 1; run <= runs; run++)
            {
                var killAfter = random.Next(5, 80);
                var burst = await BurstThenKillAsync(api, $"crash{run}", killAfter);
                everyPost.AddRange(burst.Posts);

                var restart = Stopwatch.StartNew();
                api.Dispose();
                api = await ApiProcess.StartAsync(databasePath, StartBound);
                restarts.Add(restart.Elapsed);
                latencies.AddRange(burst.Posts.Where(p => p.Acknowledged).Select(p => p.Elapsed.TotalMilliseconds));
                using (var client = Client(api))
                    checkedCount += await LedgerTraffic.AssertAllStoredAsync(client, burst.Posts);
                var integrity = await SqliteFiles.IntegrityCheckAsync(databasePath);
                Assert.True(integrity == "ok", $"Run {run} (seed {seed}): integrity_check after the restart: {integrity}");

                FaultSettings.Report(output,
                    $"crash run {run}/{runs}: SIGKILL after {burst.AcknowledgedAtKill} acknowledged POSTs with {burst.InFlightAtKill} in flight " +
                    $"({SqliteLockTests.Statuses(burst.Posts)} of {burst.Posts.Count} sent); restart {restarts[^1].TotalSeconds:F1} s; " +
                    $"{burst.Posts.Count(p => p.Acknowledged)} acknowledged read back as sent; integrity ok");
            }

            // Every round's commitments once more, after all the later kills, and the file after a final kill at rest.
            using (var client = Client(api))
                await LedgerTraffic.AssertAllStoredAsync(client, everyPost);
            api.KillHard();
            Assert.Equal("ok", await SqliteFiles.IntegrityCheckAsync(databasePath));
            var rows = await SqliteFiles.CountAsync(databasePath);
            var acknowledged = everyPost.Count(p => p.Acknowledged);
            Assert.True(rows >= acknowledged, $"{rows} rows for {acknowledged} acknowledged commitments");

            FaultSettings.Report(output,
                $"crash summary: {runs} runs (seed {seed}), {checkedCount} acknowledged commitments checked after restarts, " +
                $"{acknowledged} again at the end, {rows} rows stored ({rows - acknowledged} written but unanswered at the kill), " +
                $"lost 0; acknowledged POST latency p50 {Percentile(latencies, 0.5):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms " +
                $"(concurrency {Concurrency}); restarts {restarts.Min().TotalSeconds:F1}-{restarts.Max().TotalSeconds:F1} s; total {total.Elapsed.TotalSeconds:F0} s");
        }
        finally
        {
            api.Dispose();
            try { folder.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private sealed record Burst(IReadOnlyList<PostedCommitment> Posts, int AcknowledgedAtKill, int InFlightAtKill);

    /// <summary>Posts concurrently and SIGKILLs the server right after the killAfter-th 2xx, while others are in flight.</summary>
    private static async Task<Burst> BurstThenKillAsync(ApiProcess api, string tag, int killAfter)
    {
        using var client = Client(api);
        var posts = new ConcurrentBag<PostedCommitment>();
        int started = 0, finished = 0, acknowledged = 0;
        var stopping = false;
        var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sending = Parallel.ForEachAsync(Enumerable.Range(0, BurstSize), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (n, _) =>
        {
            if (Volatile.Read(ref stopping))
                return; // decided to kill: nothing new is sent, so what is in flight is what the kill cuts off
            Interlocked.Increment(ref started);
            var post = await LedgerTraffic.PostAsync(client, LedgerTraffic.NewCommitment(tag, n));
            posts.Add(post);
            Interlocked.Increment(ref finished);
            if (post.Acknowledged && Interlocked.Increment(ref acknowledged) == killAfter)
            {
                Volatile.Write(ref stopping, true);
                killNow.TrySetResult();
            }
        });

        await Task.WhenAny(killNow.Task, sending);
        var atKill = (Acknowledged: Volatile.Read(ref acknowledged), InFlight: Volatile.Read(ref started) - Volatile.Read(ref finished));
        api.KillHard();
        await sending; // the rest fail fast (reset or refused); each is bounded by the client's timeout anyway

        // Before the kill nothing was wrong, so every answer that came is a success; after it, no answer at all.
        Assert.All(posts, p => Assert.True(p.Acknowledged || p.Status == 0, $"{tag}: {p.Status} {p.Answer}"));
        Assert.True(atKill.Acknowledged >= killAfter, $"{tag}: the burst ended after {atKill.Acknowledged} of {killAfter} acknowledged POSTs: " +
            string.Join(" | ", posts.Where(p => !p.Acknowledged).Take(3).Select(p => p.Answer)));
        return new Burst([.. posts], atKill.Acknowledged, atKill.InFlight);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static HttpClient Client(ApiProcess api) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
}
