namespace EmployerWorkflows.Web.Tests.Hosting;

/// <summary>Hangfire keeps process-wide state: classes that start the host run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WebHostCollection
{
    public const string Name = "web-host";
}
