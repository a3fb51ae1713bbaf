namespace EmployerWorkflows.Web.Tests.Intermittent;

/// <summary>
/// One intermittent-work host for the classes whose tests leave the clock alone; those that move it keep a host per
/// class (<c>IClassFixture&lt;IntermittentHost&gt;</c>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class IntermittentCollection : ICollectionFixture<IntermittentHost>
{
    public const string Name = "intermittent";
}
