using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Tests.Support;

namespace EmployerWorkflows.Runtime.Tests.Instances;

public sealed class InstanceReaderTests : ReviewScenarioTest
{
    [Fact]
    public async Task FindAsync_SeesTheCallersUncommittedStart_WhenReadInTheCallersTransaction()
    {
        await using var db = Scenario.Database.Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var started = await Scenario.Engine.StartAsync(db, new StartWorkflow("review", null, Scenario.Variables(), null, null, Actors.Submitter));

        var found = await InstanceReader.FindAsync(db, started.InstanceId);

        Assert.Equal(("review", "Submitted", true), (found?.DefinitionId, found?.State, found?.IsRunning));
    }

    [Fact]
    public async Task RunningInStateAsync_ReturnsOnlyTheRunningInstancesInThatState_WhenOthersMovedOnOrEnded()
    {
        var waiting = await Scenario.StartAsync();
        var changed = await Scenario.StartAsync();
        var rejected = await Scenario.StartAsync();
        await Scenario.FireAsync(changed.InstanceId, "requestChanges");
        await Scenario.FireAsync(rejected.InstanceId, "reject", payload: new JsonObject { ["reason"] = "Documento illeggibile" });
        await using var db = Scenario.Database.Open();

        var found = await InstanceReader.RunningInStateAsync(db, [waiting.InstanceId, changed.InstanceId, rejected.InstanceId, Guid.NewGuid()], "Submitted");

        Assert.Equal([waiting.InstanceId], found);
    }

    [Fact]
    public async Task AnyRunningAsync_IsFalse_WhenEveryGivenInstanceEnded()
    {
        var rejected = await Scenario.StartAsync();
        await Scenario.FireAsync(rejected.InstanceId, "reject", payload: new JsonObject { ["reason"] = "Documento illeggibile" });
        await using var db = Scenario.Database.Open();

        Assert.False(await InstanceReader.AnyRunningAsync(db, [rejected.InstanceId, Guid.NewGuid()]));
        Assert.True(await InstanceReader.AnyRunningAsync(db, [rejected.InstanceId, (await Scenario.StartAsync()).InstanceId]));
    }

    [Fact]
    public async Task LatestDocumentAsync_ReturnsTheNewestUploadOfTheField_WhenTheFieldWasUploadedTwice()
    {
        var started = await Scenario.StartAsync();
        await using (var write = Scenario.Database.Open())
        {
            InstanceDocuments.Add(write, started.InstanceId, null, "signed-1", "first.pdf", "application/pdf", [1], "u-submitter", RuntimeHost.Start);
            InstanceDocuments.Add(write, started.InstanceId, null, "signed-2", "second.pdf", "application/pdf", [2], "u-submitter", RuntimeHost.Start.AddMinutes(1));
            InstanceDocuments.Add(write, started.InstanceId, null, "other", "later.pdf", "application/pdf", [3], "u-submitter", RuntimeHost.Start.AddMinutes(2));
            await write.SaveChangesAsync();
        }
        await using var db = Scenario.Database.Open();

        var latest = await InstanceReader.LatestDocumentAsync(db, started.InstanceId, "signed");

        Assert.Equal(("second.pdf", "02"), (latest?.FileName, Convert.ToHexString(latest?.Content ?? [])));
    }

    [Fact]
    public async Task DocumentNamedAsync_IsNull_WhenOnlyAnotherInstanceHasThatName()
    {
        var mine = await Scenario.StartAsync();
        var other = await Scenario.StartAsync();
        await using (var write = Scenario.Database.Open())
        {
            InstanceDocuments.Add(write, other.InstanceId, null, "letter", "letter.pdf", "application/pdf", [1], null, RuntimeHost.Start);
            await write.SaveChangesAsync();
        }
        await using var db = Scenario.Database.Open();

        Assert.Null(await InstanceReader.DocumentNamedAsync(db, mine.InstanceId, "letter"));
        Assert.Equal("letter.pdf", (await InstanceReader.DocumentNamedAsync(db, other.InstanceId, "letter"))?.FileName);
    }
}
