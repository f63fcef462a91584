using System.Diagnostics;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// The disk under the ledger fills up (a real ENOSPC from a small tmpfs). Ledger POSTs are refused with 507
/// (never 500), reads keep working, nothing acknowledged is lost, and once space is freed writes succeed again
/// on a database that passes PRAGMA integrity_check.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output)
{
    private const int MaxAttempts = 200;

    [SkippableFact]
    public async Task A_full_disk_refuses_writes_with_507_keeps_reads_and_writes_again_once_space_is_freed()
    {
        using var disk = SmallDisk.TryMount(megabytes: 4, out var whyNot);
        Skip.If(disk is null, whyNot);
        var databasePath = Path.Combine(disk.Path, "ledger.db");
        using var factory = new ApiFactory { Analyzer = Mock.Of<IDraftAnalyzer>() };
        factory.Settings["Database:ConnectionString"] = $"Data Source={databasePath}";
        factory.Settings["Database:CommandTimeoutSeconds"] = "5";
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        const string tag = "diskfull";

        var before = new List<PostedCommitment>();
        for (var n = 0; n < 10; n++)
            before.Add(await LedgerTraffic.PostAsync(client, LedgerTraffic.NewCommitment(tag, n, whatChars: 1500)));
        Assert.All(before, p => Assert.Equal(201, p.Status));
        var toFinish = await LedgerTraffic.PostAsync(client, LedgerTraffic.NewCommitment(tag, 50));

        var filled = disk.Fill();
        // Rows of ~2 KB: the write-ahead log soon has to grow into space that is not there.
        var during = new List<PostedCommitment>();
        for (var n = 100; n < 100 + MaxAttempts && during.Count(p => !p.Acknowledged) < 5; n++)
            during.Add(await LedgerTraffic.PostAsync(client, LedgerTraffic.NewCommitment(tag, n, whatChars: 1800)));
        foreach (var post in during.Where(p => !p.Acknowledged))
            LedgerTraffic.AssertRefusedWell(post, 507, 503);
        Assert.True(during.Any(p => p.Status == 507), $"No write was refused in {during.Count} attempts on a full disk: {SqliteLockTests.Statuses(during)}");
        var patchWhileFull = await LedgerTraffic.MarkDoneAsync(client, toFinish.Id!);
        if (!patchWhileFull.Acknowledged)
            LedgerTraffic.AssertRefusedWell(patchWhileFull, 507, 503);

        // Reads do not need new space.
        var read = Stopwatch.StartNew();
        (await client.GetAsync("/api/commitments?status=all")).EnsureSuccessStatusCode();
        var readTime = read.Elapsed;
        var checkedWhileFull = await LedgerTraffic.AssertAllStoredAsync(client, [.. before, .. during]);

        disk.Free();
        var retried = await LedgerTraffic.PostAsync(client, during.First(p => !p.Acknowledged).Sent);
        var after = await LedgerTraffic.PostAsync(client, LedgerTraffic.NewCommitment(tag, 999, whatChars: 1800));
        Assert.Equal(201, retried.Status);
        Assert.Equal(201, after.Status);
        Assert.Equal(200, (await LedgerTraffic.MarkDoneAsync(client, toFinish.Id!)).Status);
        var checkedAfter = await LedgerTraffic.AssertAllStoredAsync(client, [.. before, .. during, retried, after]);
        Assert.Equal("ok", await SqliteFiles.IntegrityCheckAsync(databasePath));

        var refused = during.Where(p => !p.Acknowledged).ToArray();
        FaultSettings.Report(output,
            $"disk full (4 MB tmpfs, {filled / 1024} KB filler): {during.Count} POSTs on the full disk -> {SqliteLockTests.Statuses(during)}, PATCH {patchWhileFull.Status}, " +
            $"refusals answered in {refused.Min(p => p.Elapsed).TotalMilliseconds:F0}-{refused.Max(p => p.Elapsed).TotalMilliseconds:F0} ms; " +
            $"GET list while full {readTime.TotalMilliseconds:F0} ms; {checkedWhileFull} acknowledged read back while full; after freeing space " +
            $"2/2 POSTs 201 and the PATCH 200, {checkedAfter} read back; integrity ok");
    }
}
