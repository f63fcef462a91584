using System.Collections;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OutlookCommit.Api.Tests.Reliability;

/// <summary>
/// Keeps every log entry the app writes at Information and above, with everything a log sink could store: the
/// rendered message, each structured value (the template included), the exception with its inner exceptions,
/// and the values of every scope around the call (request path, trace ids, HttpClient scopes).
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    public sealed record Entry(string Category, LogLevel Level, string Message, IReadOnlyList<string> State, string? Exception, IReadOnlyList<string> Scopes)
    {
        /// <summary>All the text of the entry, as a sink would persist it.</summary>
        public string Everything => string.Join("\n", [Message, .. State, Exception ?? "", .. Scopes]);

        public override string ToString() => $"[{Level}] {Category}: {Message}";
    }

    public const LogLevel MinimumLevel = LogLevel.Information;

    private readonly ConcurrentQueue<Entry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    /// <summary>Values as a JSON sink would write them: collections item by item.</summary>
    private static string Render(object? value) => value switch
    {
        null => "",
        string s => s,
        IEnumerable<KeyValuePair<string, object?>> pairs => string.Join("; ", pairs.Select(p => $"{p.Key}={Render(p.Value)}")),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Render)),
        _ => value.ToString() ?? "",
    };

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= MinimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => $"{p.Key}={Render(p.Value)}").ToList()
                : [Render(state)];
            var scopes = new List<string>();
            provider._scopes.ForEachScope((scope, list) => list.Add(Render(scope) + " | " + scope), scopes);
            provider._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), values, exception?.ToString(), scopes));
        }
    }
}
