using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OspBot.Tests.Production.Hardening;

/// Keeps every log entry with the properties of the logging scopes around it, as a structured sink
/// (JSON console, OpenTelemetry) would see them.
internal sealed class ScopedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<ScopedEntry> Entries { get; } = new();

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ScopedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            owner._scopes.ForEachScope((scope, props) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        props[key] = value;
                    }
                }
            }, properties);
            owner.Entries.Enqueue(new(logLevel, category, formatter(state, exception), exception, properties));
        }
    }
}

internal sealed record ScopedEntry(LogLevel Level, string Category, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Scope)
{
    public override string ToString() => $"{Level} {Category}: {Message} [{string.Join(", ", Scope.Select(p => $"{p.Key}={p.Value}"))}]";
}
