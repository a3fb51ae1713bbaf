namespace EmployerWorkflows.Runtime.Tests.Support;

/// <summary>Base of test classes that each get a fresh <see cref="ReviewScenario"/> per test.</summary>
public abstract class ReviewScenarioTest : IAsyncLifetime
{
    protected ReviewScenario Scenario { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Scenario = await ReviewScenario.CreateAsync();

    public Task DisposeAsync()
    {
        Scenario.Dispose();
        return Task.CompletedTask;
    }
}
