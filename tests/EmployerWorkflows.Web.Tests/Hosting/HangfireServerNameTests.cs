using EmployerWorkflows.Web.Jobs;

namespace EmployerWorkflows.Web.Tests.Hosting;

public sealed class HangfireServerNameTests
{
    private static readonly Guid Instance = Guid.Parse("0123456789abcdef0123456789abcdef");

    [Fact]
    public void ServerName_StaysWhole_WhenMachineNameAndProcessIdAreShort() =>
        Assert.Equal("vm:1:0123456789abcdef0123456789abcdef", JobsSetup.ServerName("vm", 1, Instance));

    [Fact]
    public void ServerName_IsCutToFortyCharacters_WhenLonger()
    {
        var name = JobsSetup.ServerName("reviewers-node-in-the-regional-datacentre", 123456, Instance);

        Assert.Equal(40, name.Length);
        Assert.StartsWith("reviewers-node-in-the-regional-datacentr", name);
    }
}
