using EmployerWorkflows.Runtime.Assets;
using EmployerWorkflows.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Hosting;

/// <summary>Picks up templates and forms saved on other nodes, every <see cref="WorkflowRuntimeOptions.AssetRefreshInterval"/>.</summary>
internal sealed class AssetRefresh(IServiceScopeFactory scopes, IOptions<WorkflowRuntimeOptions> options, ILogger<AssetRefresh> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AssetRefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AssetStore>().ReloadAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The previous texts stay in force; the next tick tries again.
                logger.LogWarning(e, "Saved templates and forms could not be reloaded");
            }
        }
    }
}
