using System.ComponentModel.DataAnnotations;

namespace OutlookCommit.Api.Data;

public enum DatabaseProvider { Sqlite, SqlServer }

/// <summary>
/// <c>Database:Provider</c> = Sqlite (default: a file in the app data folder) or SqlServer (with
/// <c>Database:ConnectionString</c>; several API instances may share one database).
/// </summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string? ConnectionString { get; set; }
    [Range(1, 600)] public int CommandTimeoutSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult("Database:Provider is SqlServer but Database:ConnectionString is not set.", [nameof(ConnectionString)]);
    }

    /// <summary>The SQLite file used when no connection string is configured.</summary>
    public static string DefaultSqlitePath()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(root))
            root = Path.Combine(AppContext.BaseDirectory, "data");
        return Path.Combine(root, "OutlookCommit", "outlookcommit.db");
    }
}
