using Microsoft.Data.Sqlite;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>Looks at a ledger file directly, beside the API, with a connection of its own (no pooling).</summary>
public static class SqliteFiles
{
    /// <summary>PRAGMA integrity_check: "ok" or the problems SQLite found.</summary>
    public static async Task<string> IntegrityCheckAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=30");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(0));
        return string.Join("\n", lines);
    }

    public static async Task<long> CountAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=30");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM commitments;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
