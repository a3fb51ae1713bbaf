using System.Collections.Concurrent;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmployerWorkflows.Web.Tests.Telemetry;

[Collection(HangfireCollection.Name)]
public sealed class LogScopeTests : TelemetryHost
{
    private readonly ScopeCapture capture = new();

    private WebApplicationFactory<Program>? host;

    private WebApplicationFactory<Program> Host => host ??= App.WithWebHostBuilder(b => b.ConfigureLogging(logging =>
    {
        logging.AddProvider(capture);
        logging.AddFilter<ScopeCapture>(null, LogLevel.Trace);
    }));

    protected override IServiceProvider Services => Host.Services;

    public override void Dispose()
    {
        host?.Dispose();
        base.Dispose();
    }

    [Fact]
    public async Task Transition_LogsCarryInstanceId_WhenTimerFires()
    {
        await PublishAsync(Deadline);
        var started = await StartAsync("telemetry-deadline");
        App.Clock.Advance(TimeSpan.FromHours(2));

        await SweepAsync();

        Assert.Contains(capture.Entries, e =>
            e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            && e.Scope.TryGetValue("InstanceId", out var id) && Equals(id, started.InstanceId)
            && e.Scope.ContainsKey("CorrelationId") && e.Scope.ContainsKey("TimerId"));
    }

    /// <summary>Keeps every log entry with the scope values in force when it was written.</summary>
    private sealed class ScopeCapture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ConcurrentBag<(string Category, IReadOnlyDictionary<string, object?> Scope)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose() { }

        private sealed class Logger(ScopeCapture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = new Dictionary<string, object?>();
                owner.scopes.ForEachScope((scope, bag) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        foreach (var (key, value) in pairs) bag[key] = value;
                }, values);
                owner.Entries.Add((category, values));
            }
        }
    }
}
