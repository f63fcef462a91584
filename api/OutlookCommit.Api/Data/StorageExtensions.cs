using System.Diagnostics;
using System.Reflection;
using Dapper;
using DbUp;
using DbUp.Engine;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OutlookCommit.Api.Data;

public static class StorageExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Database>();
        services.AddHostedService<DatabaseMigrator>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}

/// <summary>
/// Applies the numbered scripts of <c>Data/Scripts/{Sqlite|SqlServer}</c> at startup (DbUp, journal table
/// SchemaVersions) before the server takes requests.
/// </summary>
public sealed class DatabaseMigrator(Database database, ILogger<DatabaseMigrator> logger) : IHostedLifecycleService
{
    private Task? _migration;

    // Started before any hosted service's StartAsync, so it runs alongside the engine's warm-up.
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _migration = Task.Run(() => MigrateAsync(cancellationToken), cancellationToken);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => _migration ?? MigrateAsync(cancellationToken);

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        if (database.Provider == DatabaseProvider.SqlServer)
            await MigrateSqlServerAsync(cancellationToken);
        else
            await MigrateSqliteAsync(cancellationToken);
        logger.LogInformation("Database ({Provider}) is up to date ({ElapsedMs} ms)", database.Provider, watch.ElapsedMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateSqliteAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL;"); // persistent: readers no longer block the writer
        Run(DeployChanges.To.SqliteDatabase(database.ConnectionString), "Sqlite");
    }

    private async Task MigrateSqlServerAsync(CancellationToken cancellationToken)
    {
        // Several instances may start at once: one migrates while the others wait on an application lock.
        await using var connection = (SqlConnection)await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "EXEC sp_getapplock @Resource = 'OutlookCommit.Migrations', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 120000;",
            commandTimeout: 130);
        try
        {
            Run(DeployChanges.To.SqlDatabase(database.ConnectionString), "SqlServer");
        }
        finally
        {
            await connection.ExecuteAsync("EXEC sp_releaseapplock @Resource = 'OutlookCommit.Migrations', @LockOwner = 'Session';");
        }
    }

    private void Run(DbUp.Builder.UpgradeEngineBuilder builder, string dialect)
    {
        var prefix = $"{typeof(DatabaseMigrator).Namespace}.Scripts.{dialect}.";
        var result = builder
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Database migration failed at script {result.ErrorScript?.Name}.", result.Error);
        foreach (SqlScript script in result.Scripts)
            logger.LogInformation("Applied database script {Script}", script.Name[prefix.Length..]);
    }
}

public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy($"{database.Provider} reachable");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} unreachable: {ex.GetType().Name}");
        }
    }
}
