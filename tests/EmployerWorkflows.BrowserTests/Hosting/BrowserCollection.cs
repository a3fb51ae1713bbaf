namespace EmployerWorkflows.BrowserTests.Hosting;

/// <summary>One Chromium for every browser test; classes run one at a time (Hangfire keeps process-wide state).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "browser";
}
