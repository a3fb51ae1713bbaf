using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Runtime.Tests.Journal;

public sealed class JournalTests : ReviewScenarioTest
{
    private JournalQueries Queries => Scenario.Host.Scope.ServiceProvider.GetRequiredService<JournalQueries>();

    [Fact]
    public async Task SaveChanges_Throws_WhenJournalEntryIsModified()
    {
        await Scenario.StartAsync();
        await using var db = Scenario.Database.Open();
        var entry = await db.Set<JournalEntry>().FirstAsync();
        entry.Summary = "rewritten history";

        await Assert.ThrowsAsync<JournalAppendOnlyException>(() => db.SaveChangesAsync());

        await using var check = Scenario.Database.Open();
        Assert.Equal("started", (await check.Set<JournalEntry>().FirstAsync()).Summary.Split(':')[0]);
    }

    [Fact]
    public async Task SaveChanges_Throws_WhenJournalEntryIsDeleted()
    {
        await Scenario.StartAsync();
        await using var db = Scenario.Database.Open();
        db.Remove(await db.Set<JournalEntry>().FirstAsync());

        await Assert.ThrowsAsync<JournalAppendOnlyException>(() => db.SaveChangesAsync());

        await using var check = Scenario.Database.Open();
        Assert.Equal(1, await check.Set<JournalEntry>().CountAsync());
    }

    [Fact]
    public async Task Record_CommitsDomainEntryWithCallersChange_WhenCallerSaves()
    {
        await using var db = Scenario.Database.Open();
        db.Companies.Add(new TestCompany { Id = Guid.NewGuid(), Name = "Neri spa" });
        JournalWriter.Record(db, new JournalEntry
        {
            At = RuntimeHost.Start, Kind = JournalKind.Domain, CompanyId = Scenario.CompanyId, UserId = "u-submitter",
            CodiceFiscale = "VRDLGU75B12F205X", ActorName = "Luigi Verdi", Summary = "collaborator added",
        });
        await db.SaveChangesAsync();

        var page = await Queries.ForUserAsync("u-submitter");

        Assert.Equal("collaborator added", Assert.Single(page.Entries).Summary);
    }

    [Fact]
    public async Task ForCompany_PagesNewestFirstWithoutOverlap_WhenMoreEntriesThanPageSize()
    {
        var started = await Scenario.StartAsync();
        for (var i = 0; i < 4; i++)
            await Scenario.FireAsync(started.InstanceId, "comment");

        var first = await Queries.ForCompanyAsync(Scenario.CompanyId, pageSize: 3);
        var second = await Queries.ForCompanyAsync(Scenario.CompanyId, first.NextBefore, pageSize: 3);

        Assert.Equal(3, first.Entries.Count);
        Assert.Equal(2, second.Entries.Count);
        Assert.Null(second.NextBefore);
        var ids = first.Entries.Concat(second.Entries).Select(e => e.Id).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(JournalKind.Started, second.Entries[^1].Kind);
    }

    [Fact]
    public async Task ForInstance_ReturnsOnlyThatInstance_WhenSeveralExist()
    {
        var one = await Scenario.StartAsync();
        await Scenario.StartAsync();
        await Scenario.FireAsync(one.InstanceId, "comment");

        var page = await Queries.ForInstanceAsync(one.InstanceId);

        Assert.Equal(2, page.Entries.Count);
        Assert.All(page.Entries, e => Assert.Equal(one.InstanceId, e.InstanceId));
    }

    [Fact]
    public async Task ForUser_ReturnsEntriesOfThatUser_WhenOthersActedToo()
    {
        var started = await Scenario.StartAsync();
        await Scenario.FireAsync(started.InstanceId, "comment", Actors.Reviewer);

        var page = await Queries.ForUserAsync("u-reviewer");

        var entry = Assert.Single(page.Entries);
        Assert.Equal(("comment", "RSSMRA80A01H501U"), (entry.Trigger, entry.CodiceFiscale));
    }
}
