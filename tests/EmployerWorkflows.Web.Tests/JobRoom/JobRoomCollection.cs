namespace EmployerWorkflows.Web.Tests.JobRoom;

/// <summary>
/// One Job-Room host for the classes whose tests leave the clock alone; those that move it keep a host per class
/// (<c>IClassFixture&lt;JobRoomHost&gt;</c>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class JobRoomCollection : ICollectionFixture<JobRoomHost>
{
    public const string Name = "jobroom";
}
