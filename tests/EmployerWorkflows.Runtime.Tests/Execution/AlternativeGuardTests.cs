using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;

namespace EmployerWorkflows.Runtime.Tests.Execution;

/// <summary>Alternatives of a trigger are tried in order: the first whose guard passes is taken, the later ones are never asked.</summary>
public sealed class AlternativeGuardTests : ReviewScenarioTest
{
    private const string SecondAlternative = "{ \"to\": \"SecondReview\", \"roles\": [\"AgencyReviewer\"] }";

    [Fact]
    public async Task Fire_TakesFirstAlternative_WhenALaterGuardWouldFail()
    {
        Assert.Contains(SecondAlternative, TestDefinitions.Review, StringComparison.Ordinal);
        await Scenario.Host.PublishAsync(TestDefinitions.Review.Replace(SecondAlternative,
            "{ \"to\": \"SecondReview\", \"when\": \"vars.missing.deep\", \"roles\": [\"AgencyReviewer\"] }", StringComparison.Ordinal));
        var started = await Scenario.StartAsync(amount: 500);

        var fired = await Scenario.FireAsync(started.InstanceId, "approve");

        Assert.Equal(("Activating", InstanceStatus.Completed, null), (fired.State, fired.Status, fired.IncidentId));
    }

    [Fact]
    public async Task Fire_FaultsWithIncident_WhenTheGuardReachedFails()
    {
        await Scenario.Host.PublishAsync(TestDefinitions.Review.Replace(SecondAlternative,
            "{ \"to\": \"SecondReview\", \"when\": \"vars.missing.deep\", \"roles\": [\"AgencyReviewer\"] }", StringComparison.Ordinal));
        var started = await Scenario.StartAsync(amount: 5000);

        var fired = await Scenario.FireAsync(started.InstanceId, "approve");

        Assert.Equal(InstanceStatus.Faulted, fired.Status);
        Assert.NotNull(fired.IncidentId);
    }
}
