using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using OutlookCommit.Analysis;

namespace OutlookCommit.Api.Tests.Infrastructure;

/// <summary>
/// The API in memory, in local mode by default, with its own SQLite file, a fake clock and captured logs.
/// Settings and service replacements are given before the first request.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public Dictionary<string, string?> Settings { get; } = new();
    public List<Action<IServiceCollection>> Replace { get; } = [];
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
    public FakeLogCollector Logs => Services.GetRequiredService<FakeLogCollector>();
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"oc-api-test-{Guid.NewGuid():N}.db");

    /// <summary>The host environment; Production for tests of what a deployment shows.</summary>
    public string EnvironmentName { get; set; } = "Development";

    /// <summary>Replace the engine (only where its output does not matter).</summary>
    public IDraftAnalyzer? Analyzer { get; set; }

    public ApiFactory()
    {
        Settings["Database:Provider"] = "Sqlite";
        Settings["Database:ConnectionString"] = $"Data Source={DatabasePath}";
        Settings["Addin:DistPath"] = Path.Combine(Path.GetTempPath(), "oc-no-addin-here");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (Analyzer is not null)
            {
                services.RemoveAll<IDraftAnalyzer>();
                services.AddSingleton(Analyzer);
                // A fake engine needs no warm-up (and must not see the warm-up drafts).
                foreach (var warmUp in services.Where(d => d.ImplementationType == typeof(OutlookCommit.Api.Analyses.AnalyzerWarmUp)).ToArray())
                    services.Remove(warmUp);
            }
            foreach (var configure in Replace)
                configure(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(DatabasePath + suffix); } catch (IOException) { }
    }
}
