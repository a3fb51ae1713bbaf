using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmployerWorkflows.Web.Tests.Hosting;

/// <summary>
/// Hangfire keeps process-wide globals: its configuration sets <see cref="JobStorage.Current"/>, the job activator
/// and the log provider, and the host's services then read those globals back. Test hosts run side by side in one
/// process, so each host gets its own activator, takes its storage in the same locked step that set it, and the log
/// provider never points at a host that has stopped (its logger factory is disposed and would throw).
/// </summary>
public static class HangfireGlobals
{
    private static readonly Lock Gate = new();
    private static readonly List<ILoggerFactory> LiveHosts = [];

    /// <summary>Rewires one host's Hangfire services so they no longer depend on which host configured Hangfire last.</summary>
    public static void Isolate(IServiceCollection services)
    {
        var configure = services.Single(d => d.ServiceType == typeof(IGlobalConfiguration));
        var storage = new HostStorage();
        services.Remove(configure);
        services.AddSingleton<IGlobalConfiguration>(provider =>
        {
            lock (Gate)
            {
                var configuration = (IGlobalConfiguration)configure.ImplementationFactory!(provider);
                storage.Value = JobStorage.Current;
                var logs = provider.GetRequiredService<ILoggerFactory>();
                LiveHosts.Add(logs);
                provider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => Stopped(logs));
                return configuration;
            }
        });
        services.Replace(ServiceDescriptor.Singleton<JobStorage>(provider =>
        {
            provider.GetRequiredService<IGlobalConfiguration>();
            return storage.Value!;
        }));
        services.Replace(ServiceDescriptor.Singleton<JobActivator>(provider =>
            new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>())));
    }

    /// <summary>A stopping host's log provider is replaced by a live host's, or by none.</summary>
    private static void Stopped(ILoggerFactory logs)
    {
        lock (Gate)
        {
            LiveHosts.Remove(logs);
            LogProvider.SetCurrentLogProvider(LiveHosts.Count > 0 ? new AspNetCoreLogProvider(LiveHosts[^1]) : new Silent());
        }
    }

    private sealed class HostStorage
    {
        public JobStorage? Value { get; set; }
    }

    private sealed class Silent : ILogProvider, ILog
    {
        public ILog GetLogger(string name) => this;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
