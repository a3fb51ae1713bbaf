using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Tests.Execution;

public sealed class StartTests : ReviewScenarioTest
{
    [Fact]
    public async Task Start_OpensTaskQueuesEmailSchedulesTimerAndJournals_WhenInitialStateHasThoseActivities()
    {
        var started = await Scenario.StartAsync();

        Assert.Equal("Submitted", started.State);
        Assert.Equal(InstanceStatus.Running, started.Status);
        await using var db = Scenario.Database.Open();
        var task = await db.Set<WorkflowTask>().SingleAsync();
        Assert.Equal(("AgencyReviewer", "review-form", "approve,reject,requestChanges"), (task.Role, task.Form, task.Actions));
        Assert.Equal(RuntimeHost.Start.AddDays(5), task.DueAt);
        Assert.Equal(("Inviata", "Submitted"), (task.TitleIt, task.TitleEn));
        var timer = await db.Set<WorkflowTimer>().SingleAsync();
        Assert.Equal(("expire", RuntimeHost.Start.AddDays(10)), (timer.Trigger, timer.DueAt));
        var mail = await db.Set<OutboxMessage>().SingleAsync();
        Assert.Equal(("luigi.verdi@example.it", "en", "u-submitter", "received"), (mail.To, mail.Language, mail.RecipientUserId, mail.Template));
        Assert.Equal(started.InstanceId, mail.InstanceId);
        var journal = await db.Set<JournalEntry>().SingleAsync();
        Assert.Equal((JournalKind.Started, "u-submitter", "VRDLGU75B12F205X", "Submitted"),
            (journal.Kind, journal.UserId, journal.CodiceFiscale, journal.ToState));
    }

    [Fact]
    public async Task Start_PinsLatestPublishedVersion_WhenNoVersionGiven()
    {
        var second = await Scenario.Host.PublishAsync(TestDefinitions.Review.Replace("Revisione registrazione", "Revisione v2"));

        var started = await Scenario.StartAsync();

        await using var db = Scenario.Database.Open();
        var instance = await db.Set<WorkflowInstance>().SingleAsync(i => i.Id == started.InstanceId);
        Assert.Equal((2, 2), (second, instance.DefinitionVersion));
    }

    [Fact]
    public async Task Start_ThrowsNotFound_WhenDefinitionHasNoPublishedVersion()
    {
        var refused = await Assert.ThrowsAsync<NoPublishedVersionException>(() =>
            Scenario.Engine.StartAsync(new StartWorkflow("unknown", null, null, null, null, Actors.Submitter)));
        Assert.Equal("unknown", refused.DefinitionId);
    }

    [Fact]
    public async Task Start_CommitsWithCallersDomainChange_WhenGivenTheCallersDbContext()
    {
        await using var db = Scenario.Database.Open();
        var company = new TestCompany { Id = Guid.NewGuid(), Name = "Bianchi Trasporti" };
        db.Companies.Add(company);

        var started = await Scenario.Engine.StartAsync(db, new StartWorkflow("review", null, Scenario.Variables(), null, company.Id, Actors.Submitter));

        await using var check = Scenario.Database.Open();
        Assert.True(await check.Companies.AnyAsync(c => c.Id == company.Id));
        Assert.True(await check.Set<WorkflowInstance>().AnyAsync(i => i.Id == started.InstanceId && i.CompanyId == company.Id));
    }

    [Fact]
    public async Task Start_SavesNothing_WhenCallersTransactionRollsBack()
    {
        await using var db = Scenario.Database.Open();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Companies.Add(new TestCompany { Id = Guid.NewGuid(), Name = "Verdi snc" });
            await Scenario.Engine.StartAsync(db, new StartWorkflow("review", null, Scenario.Variables(), null, null, Actors.Submitter));
            await transaction.RollbackAsync();
        }

        await using var check = Scenario.Database.Open();
        Assert.Equal(0, await check.Set<WorkflowInstance>().CountAsync());
        Assert.Equal(1, await check.Companies.CountAsync());
    }
}
