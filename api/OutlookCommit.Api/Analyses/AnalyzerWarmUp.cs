using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Model;

namespace OutlookCommit.Api.Analyses;

/// <summary>
/// Loads the engine's lexicons and date models before the server takes requests, so the first draft a rep
/// checks after a restart is answered as fast as the next one. Also runs one English and one Chinese draft
/// through the engine and the API's JSON serializer, so their code is compiled before the first request.
/// </summary>
public sealed class AnalyzerWarmUp(IServiceProvider services, IOptions<JsonOptions> json, ILogger<AnalyzerWarmUp> logger) : IHostedLifecycleService
{
    private Task? _warmUp;

    // Started before any hosted service's StartAsync (so it overlaps the database migration) and awaited in
    // StartAsync, which the host completes before the server starts listening.
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _warmUp = Task.Run(WarmUp, cancellationToken);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => _warmUp ?? Task.Run(WarmUp, cancellationToken);

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void WarmUp()
    {
        // The engine is built here (not when this service is created) so that building it, which compiles the
        // lexicons and loads the date models, overlaps the database migration.
        var watch = Stopwatch.StartNew();
        var analyzer = services.GetRequiredService<IDraftAnalyzer>();
        var built = watch.ElapsedMilliseconds;
        analyzer.WarmUp();
        var now = DateTimeOffset.UtcNow;
        foreach (var body in new[] { "Could your IT team join a workshop next Tuesday at 2pm? Can you confirm?", "下周三下午3点请技术团队参加技术交流，可以吗？" })
        {
            var draft = new Draft { Subject = "Warm-up", Body = body, To = [new EmailAddress("A", "a@example.com")], ReferenceTime = now };
            JsonSerializer.Serialize(analyzer.Analyze(draft), json.Value.SerializerOptions);
        }
        logger.LogInformation("Analysis engine built in {BuiltMs} ms and warmed up in {ElapsedMs} ms", built, watch.ElapsedMilliseconds);
        // Requests are answered from here on; the lexicon's compiled regexes (faster matching) arrive a few seconds later.
        if (analyzer is DraftAnalyzer engine)
            engine.PatternsCompiled.ContinueWith(_ => logger.LogInformation("Analysis patterns compiled {ElapsedMs} ms after the engine was built", watch.ElapsedMilliseconds - built), TaskScheduler.Default);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
