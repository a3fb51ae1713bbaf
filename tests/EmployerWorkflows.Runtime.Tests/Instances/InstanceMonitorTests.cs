using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;
using EmployerWorkflows.Runtime.Versions;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Runtime.Tests.Instances;

/// <summary>The reads the host's monitor, designer and notifications page use instead of the runtime's tables.</summary>
public sealed class InstanceMonitorTests : ReviewScenarioTest
{
    private T Get<T>() where T : notnull => Scenario.Host.Scope.ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task Attachments_CopyOpenTaskPendingTimerAndEmail_WhenInstanceHasJustStarted()
    {
        var started = await Scenario.StartAsync();

        var found = await Get<InstanceMonitor>().AttachmentsAsync(started.InstanceId);

        Assert.NotNull(found);
        Assert.Equal(("Submitted", Scenario.CompanyId), (found.Instance.State, found.Instance.CompanyId));
        var task = Assert.Single(found.OpenTasks);
        Assert.Equal(("AgencyReviewer", RuntimeHost.Start.AddDays(5)), (task.Role, task.DueAt));
        Assert.Equal(["approve", "reject", "requestChanges"], task.ActionList);
        var timer = Assert.Single(found.PendingTimers);
        Assert.Equal(("expire", RuntimeHost.Start.AddDays(10)), (timer.Trigger, timer.DueAt));
        Assert.Equal("luigi.verdi@example.it", Assert.Single(found.Emails).To);
        Assert.Empty(found.Incidents);
    }

    [Fact]
    public async Task Attachments_AreNull_WhenInstanceDoesNotExist()
    {
        Assert.Null(await Get<InstanceMonitor>().AttachmentsAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Page_KeepsNoInstance_WhenCompanySetIsEmpty()
    {
        await Scenario.StartAsync();

        var none = await Get<InstanceMonitor>().PageAsync(new InstanceCriteria(CompanyIds: []));
        var ofCompany = await Get<InstanceMonitor>().PageAsync(new InstanceCriteria(CompanyIds: [Scenario.CompanyId]));

        Assert.Empty(none.Rows);
        Assert.Single(ofCompany.Rows);
    }

    [Fact]
    public async Task Page_ListsInstance_WhenItsTaskIsPastDue()
    {
        var started = await Scenario.StartAsync();
        var monitor = Get<InstanceMonitor>();
        Assert.Empty((await monitor.PageAsync(new InstanceCriteria(Overdue: true))).Rows);

        Scenario.Host.Clock.Advance(TimeSpan.FromDays(6));

        var overdue = await monitor.PageAsync(new InstanceCriteria(Overdue: true));
        Assert.Equal(started.InstanceId, Assert.Single(overdue.Rows).Instance.Id);
        Assert.Equal(1, (await monitor.CountAsync()).Overdue);
    }

    [Fact]
    public async Task Page_GivesNextCursor_WhenMoreInstancesThanPageSize()
    {
        var first = await Scenario.StartAsync();
        var second = await Scenario.StartAsync();
        var monitor = Get<InstanceMonitor>();

        var page = await monitor.PageAsync(new InstanceCriteria(PageSize: 1));
        var next = await monitor.PageAsync(new InstanceCriteria(PageSize: 1, After: page.Next));

        var seen = new[] { Assert.Single(page.Rows).Instance.Id, Assert.Single(next.Rows).Instance.Id };
        Assert.Equal(new[] { first.InstanceId, second.InstanceId }.Order(), seen.Order());
        Assert.Null(next.Next);
    }

    [Fact]
    public async Task NextDue_FindsTheTimer_OnlyWhenItFallsInsideTheWindow()
    {
        await Scenario.StartAsync();
        var monitor = Get<InstanceMonitor>();

        Assert.Equal(RuntimeHost.Start.AddDays(10), await monitor.NextDueAsync(RuntimeHost.Start, RuntimeHost.Start.AddDays(11)));
        Assert.Null(await monitor.NextDueAsync(RuntimeHost.Start, RuntimeHost.Start.AddDays(9)));
    }

    [Fact]
    public async Task LoadPerVersion_CountsRunningInstances_OfTheirVersion()
    {
        await Scenario.StartAsync();
        await Scenario.StartAsync();

        var load = Assert.Single(await Get<InstanceMonitor>().LoadPerVersionAsync("review"));

        Assert.Equal(("review", 2), (load.DefinitionId, load.Instances));
    }

    [Fact]
    public async Task ForRecipient_ListsOnlyThatPersonsEmails()
    {
        await Scenario.StartAsync();
        var outbox = Get<OutboxReader>();

        Assert.Equal("luigi.verdi@example.it", Assert.Single(await outbox.ForRecipientAsync("u-submitter", 10)).To);
        Assert.Empty(await outbox.ForRecipientAsync("u-someone-else", 10));
    }

    [Fact]
    public async Task Catalogue_OpensTheDraft_WhenOneExistsBesideThePublishedVersion()
    {
        await Scenario.Host.Store.SaveDraftAsync("review", TestDefinitions.Review.Replace("Revisione registrazione", "Revisione v2"), null, "designer");
        var catalogue = Get<DefinitionCatalogue>();

        var versions = await catalogue.VersionsAsync("review");

        Assert.Equal(DefinitionStatus.Draft, DefinitionCatalogue.Opened(versions)!.Status);
        Assert.NotNull(await catalogue.DraftRevisionAsync("review"));
        Assert.Contains(versions, v => v.Status == DefinitionStatus.Published && v.Json.Length > 0);
    }
}
