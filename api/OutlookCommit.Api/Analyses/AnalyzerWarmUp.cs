using System.Diagnostics;
using OutlookCommit.Analysis;

namespace OutlookCommit.Api.Analyses;

/// <summary>
/// Loads the engine's lexicons and date models before the server takes requests, so the first draft a rep
/// checks after a restart is answered as fast as the next one.
/// </summary>
public sealed class AnalyzerWarmUp(IDraftAnalyzer analyzer, ILogger<AnalyzerWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        analyzer.WarmUp();
        logger.LogInformation("Analysis engine warmed up in {ElapsedMs} ms", watch.ElapsedMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

