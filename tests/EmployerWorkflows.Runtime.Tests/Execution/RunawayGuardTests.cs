using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Tests.Execution;

/// <summary>A guard that never ends or eats memory faults its instance with an incident; the process carries on.</summary>
public sealed class RunawayGuardTests : ReviewScenarioTest
{
    [Theory]
    [InlineData("while (true) {} ", "never ends")]
    [InlineData("let a = []; while (true) a.push('x'.repeat(100000)); ", "memory")]
    public async Task Fire_FaultsWithIncident_WhenGuardRunsAway(string runaway, string limit)
    {
        await Scenario.Host.PublishAsync(TestDefinitions.Review.Replace("\"when\": \"vars.amount < 1000\"", $"\"when\": \"{runaway}vars.amount < 1000\""));
        var started = await Scenario.StartAsync();

        var fired = await Scenario.FireAsync(started.InstanceId, "approve");

        Assert.Equal(InstanceStatus.Faulted, fired.Status);
        await using var db = Scenario.Database.Open();
        var incident = await db.Set<Incident>().SingleAsync(i => i.Id == fired.IncidentId);
        Assert.Contains(limit, incident.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Submitted", (await db.Set<WorkflowInstance>().SingleAsync()).State);

        // The runtime still serves other instances.
        var other = await Scenario.StartAsync();
        Assert.Equal(InstanceStatus.Running, other.Status);
    }
}
