namespace EmployerWorkflows.Web.Tests.Hosting;

// One shared host per feature. The collections run in parallel with each other (none of them touches Hangfire's
// process-wide machinery directly); the classes inside one collection run one after another on its host.

/// <summary>Company registration, administration, collaborators and the procedures' pages.</summary>
[CollectionDefinition(Name)]
public sealed class CompaniesCollection : ICollectionFixture<SharedHost>
{
    public const string Name = "companies";
}

/// <summary>Security and language checks that only need a running host.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SharedHost>
{
    public const string Name = "security";
}
