using EmployerWorkflows.Infrastructure.Jobs;
using EmployerWorkflows.Runtime.Hosting;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Runtime.Tests.Timers;

/// <summary>Hangfire keeps process-wide state, so every test hosting a Hangfire server runs in this collection.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireCollection
{
    public const string Name = "Hangfire";
}

[Collection(HangfireCollection.Name)]
public sealed class HangfireSweepTests : ReviewScenarioTest
{
    [Fact]
    public async Task RecurringSweep_FiresDueTimer_WhenRunByHangfireServer()
    {
        var started = await Scenario.StartAsync();
        Scenario.Host.Clock.Advance(TimeSpan.FromDays(10));
        using var storage = new InMemoryStorage();
        var recurring = new RecurringJobManager(storage);
        recurring.AddRecurringRuntimeJobs(Cron.Never());
        using var server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                Activator = new ServiceProviderJobActivator(Scenario.Host.Services),
                WorkerCount = 1,
                SchedulePollingInterval = TimeSpan.FromMilliseconds(100),
                ServerName = "runtime-tests",
            },
            storage);

        recurring.Trigger(TimerSweepJob.RecurringJobId);

        var state = await WaitForStateAsync(started.InstanceId, "Expired", TimeSpan.FromSeconds(30));
        Assert.Equal("Expired", state);
    }

    [Fact]
    public async Task Commit_SchedulesOneOffSweepAtDueTime_WhenHangfireSchedulerRegistered()
    {
        using var storage = new InMemoryStorage();
        using var host = new RuntimeHost(Scenario.Database, Scenario.Host.Clock, "node-jobs",
            services => services.AddSingleton<IRuntimeJobScheduler>(new HangfireRuntimeJobs(new BackgroundJobClient(storage))));

        await host.Engine.StartAsync(new Runtime.Execution.StartWorkflow(
            "review", null, Scenario.Variables(), null, null, Actors.Submitter));

        var scheduled = storage.GetMonitoringApi().ScheduledJobs(0, 10);
        var job = Assert.Single(scheduled).Value;
        Assert.Equal(typeof(TimerSweepJob), job.Job.Type);
        Assert.Equal(RuntimeHost.Start.AddDays(10).UtcDateTime, job.EnqueueAt);
    }

    private async Task<string> WaitForStateAsync(Guid instanceId, string expected, TimeSpan timeout)
    {
        // Waits for the background server's work (real time); the workflow clock itself is never slept on.
        var deadline = DateTime.UtcNow + timeout;
        string state;
        do
        {
            await using var db = Scenario.Database.Open();
            state = await db.Set<WorkflowInstance>().Where(i => i.Id == instanceId).Select(i => i.State).SingleAsync();
            if (state == expected)
                break;
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        return state;
    }
}

/// <summary>Builds Hangfire jobs from the test host's container, one scope per job.</summary>
internal sealed class ServiceProviderJobActivator(IServiceProvider services) : JobActivator
{
    public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(services.CreateScope());

    private sealed class Scope(IServiceScope scope) : JobActivatorScope
    {
        public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

        public override void DisposeScope() => scope.Dispose();
    }
}
