using System.Diagnostics;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// Another process holds the ledger's SQLite file locked while the API takes ledger POSTs. The API waits at most
/// its busy timeout (Database:CommandTimeoutSeconds), then answers 503 with Retry-After; it never answers 500 or
/// hangs, and once the lock is gone writes succeed and every acknowledged commitment is there.
/// </summary>
public sealed class SqliteLockTests(ITestOutputHelper output)
{
    private const int Writers = 12;

    private static ApiFactory Factory(int busyTimeoutSeconds)
    {
        var factory = new ApiFactory { Analyzer = Mock.Of<IDraftAnalyzer>() };
        factory.Settings["Database:CommandTimeoutSeconds"] = busyTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return factory;
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Writes_behind_a_lock_held_past_the_busy_timeout_get_503_then_succeed_once_it_is_released(bool lockInChildProcess)
    {
        Skip.If(lockInChildProcess && SqliteLockHolder.ShellPath is null, "the sqlite3 shell is not installed (apt-get install sqlite3); the in-process lock case still runs");
        const int busyTimeout = 2;
        using var factory = Factory(busyTimeout);
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        var tag = $"lock-{(lockInChildProcess ? "process" : "connection")}-{Guid.NewGuid():N}"[..24];
        var before = await LedgerTraffic.PostAsync(client, LedgerTraffic.NewCommitment(tag, 0));
        var toFinish = await LedgerTraffic.PostAsync(client, LedgerTraffic.NewCommitment(tag, 100));
        Assert.Equal(201, before.Status);
        Assert.Equal(201, toFinish.Status);

        List<PostedCommitment> during;
        PostedCommitment patchWhileLocked;
        TimeSpan readWhileLocked, healthWhileWaiting;
        await using (await SqliteLockHolder.AcquireAsync(factory.DatabasePath, lockInChildProcess))
        {
            // WAL mode: a writer's lock does not stop readers.
            var watch = Stopwatch.StartNew();
            (await client.GetAsync("/api/commitments?status=all")).EnsureSuccessStatusCode();
            readWhileLocked = watch.Elapsed;

            var writes = Task.WhenAll(Enumerable.Range(1, Writers).Select(n => LedgerTraffic.PostAsync(client, LedgerTraffic.NewCommitment(tag, n))));
            // Waiting writers must not starve the rest of the server: the health endpoint stays quick meanwhile.
            await Task.Delay(300);
            watch.Restart();
            (await client.GetAsync("/health")).EnsureSuccessStatusCode();
            healthWhileWaiting = watch.Elapsed;
            during = [.. await writes];
            patchWhileLocked = await LedgerTraffic.MarkDoneAsync(client, toFinish.Id!);
        }

        foreach (var post in during.Where(p => !p.Acknowledged))
            LedgerTraffic.AssertRefusedWell(post, 503);
        Assert.Contains(during, p => p.Status == 503); // the lock was held throughout, so the fault was met
        LedgerTraffic.AssertRefusedWell(patchWhileLocked, 503);
        var slowest = during.Max(p => p.Elapsed);
        Assert.True(slowest < TimeSpan.FromSeconds(busyTimeout + 10), $"A locked write took {slowest.TotalSeconds:F1} s (busy timeout {busyTimeout} s)");

        // The lock is gone: a refused commitment posted again is recorded, and so is a new one.
        var retried = await LedgerTraffic.PostAsync(client, during.First(p => !p.Acknowledged).Sent);
        var after = await LedgerTraffic.PostAsync(client, LedgerTraffic.NewCommitment(tag, Writers + 1));
        Assert.Equal(201, retried.Status);
        Assert.Equal(201, after.Status);
        Assert.Equal(200, (await LedgerTraffic.MarkDoneAsync(client, toFinish.Id!)).Status);
        var checkedCount = await LedgerTraffic.AssertAllStoredAsync(client, [before, .. during, retried, after]);
        Assert.Equal("ok", await SqliteFiles.IntegrityCheckAsync(factory.DatabasePath));

        FaultSettings.Report(output,
            $"lock ({(lockInChildProcess ? "sqlite3 process" : "second connection")}, busy timeout {busyTimeout} s): {Writers} concurrent POSTs while locked -> " +
            $"{Statuses(during)}, PATCH {patchWhileLocked.Status}, answered in {during.Min(p => p.Elapsed).TotalSeconds:F1}-{slowest.TotalSeconds:F1} s, Retry-After {during.FirstOrDefault(p => p.Status == 503)?.RetryAfter} s; " +
            $"GET while locked {readWhileLocked.TotalMilliseconds:F0} ms, /health while {Writers} writers wait {healthWhileWaiting.TotalMilliseconds:F0} ms; after release 2/2 POSTs 201 and the PATCH 200; {checkedCount} acknowledged commitments read back; integrity ok");
    }

    [Fact]
    public async Task Writes_behind_a_lock_released_within_the_busy_timeout_wait_and_succeed()
    {
        const int busyTimeout = 10;
        var hold = TimeSpan.FromSeconds(1.5);
        using var factory = Factory(busyTimeout);
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        var tag = $"brief-{Guid.NewGuid():N}"[..16];
        Assert.Equal(201, (await LedgerTraffic.PostAsync(client, LedgerTraffic.NewCommitment(tag, 0))).Status);

        Task<PostedCommitment[]> writes;
        await using (await SqliteLockHolder.AcquireAsync(factory.DatabasePath, inChildProcess: false))
        {
            writes = Task.WhenAll(Enumerable.Range(1, 6).Select(n => LedgerTraffic.PostAsync(client, LedgerTraffic.NewCommitment(tag, n))));
            await Task.Delay(hold);
        }
        var posts = await writes;

        Assert.All(posts, p => Assert.True(p.Acknowledged, $"{p.Status} after {p.Elapsed.TotalSeconds:F1} s: {p.Answer}"));
        Assert.True(posts.Max(p => p.Elapsed) < TimeSpan.FromSeconds(busyTimeout), "The writes waited longer than the busy timeout");
        await LedgerTraffic.AssertAllStoredAsync(client, posts);
        FaultSettings.Report(output,
            $"lock released after {hold.TotalSeconds} s (busy timeout {busyTimeout} s): 6 POSTs -> {Statuses(posts)}, answered in " +
            $"{posts.Min(p => p.Elapsed).TotalSeconds:F1}-{posts.Max(p => p.Elapsed).TotalSeconds:F1} s");
    }

    internal static string Statuses(IEnumerable<PostedCommitment> posts) =>
        string.Join(", ", posts.GroupBy(p => p.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()}x{(g.Key == 0 ? "no answer" : g.Key)}"));
}
