using System.Net;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Inbox;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EmployerWorkflows.Web.Tests.Hosting.TestClients;

namespace EmployerWorkflows.Web.Tests.Inbox;

/// <summary>The reviewer's inbox page: saved filters with counts, sorting, follow-up dates, claim and release from the list.</summary>
public sealed partial class InboxPageTests(InboxHost host) : IClassFixture<InboxHost>
{
    [Fact]
    public async Task SavedFilter_CountsAndListsOnlyItsCompanysTasks_WhenAnotherCompanyHasTasksToo()
    {
        var (mine, _) = await CompanyAsync();
        var (other, otherName) = await host.CompanyAsync();
        var expected = new[] { await host.TaskAsync(mine.Id), await host.TaskAsync(mine.Id) };
        var foreign = await host.TaskAsync(other);
        // A task addressed to the company's own people is not the reviewer's, whatever the filter.
        var companys = await host.TaskAsync(mine.Id, role: Roles.Company);
        var reviewer = await host.ReviewerAsync();

        var saved = await PostFormAsync(reviewer, $"/inbox?company={mine.Cf}", "SaveFilter", new() { ["filterName"] = $"Solo {mine.Cf}" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await HtmlAsync(await reviewer.GetAsync("/inbox"), HttpStatusCode.OK);
        Assert.Equal("2", SavedCount(html, $"Solo {mine.Cf}"));

        var list = await HtmlAsync(await reviewer.GetAsync(SavedLink(html, $"Solo {mine.Cf}")), HttpStatusCode.OK);
        Assert.Equal(expected.Order(), Listed(list).Order());
        Assert.DoesNotContain(foreign.ToString(), list);
        Assert.DoesNotContain(companys.ToString(), list);
        Assert.DoesNotContain(otherName, list);
    }

    [Fact]
    public async Task SavedFilter_IsShownOnlyToItsOwner_AndOnlyTheOwnerDeletesIt()
    {
        var (company, _) = await CompanyAsync();
        await host.TaskAsync(company.Id);
        var reviewer = await host.ReviewerAsync();
        var name = $"Privato {company.Cf}";
        await PostFormAsync(reviewer, $"/inbox?company={company.Cf}", "SaveFilter", new() { ["filterName"] = name });
        var filterId = await SavedFilterIdAsync(name);
        var colleague = await ColleagueAsync();

        Assert.DoesNotContain(name, await HtmlAsync(await colleague.GetAsync("/inbox"), HttpStatusCode.OK));
        await PostFormAsync(colleague, "/inbox", "DeleteFilter", new() { ["filterId"] = filterId.ToString() });
        Assert.Contains(name, await HtmlAsync(await reviewer.GetAsync("/inbox"), HttpStatusCode.OK));

        await PostFormAsync(reviewer, "/inbox", "DeleteFilter", new() { ["filterId"] = filterId.ToString() });
        Assert.DoesNotContain(name, await HtmlAsync(await reviewer.GetAsync("/inbox"), HttpStatusCode.OK));
    }

    [Fact]
    public async Task SavedFilter_IsRefusedWithBadRequestKeepingTheFilter_WhenTheNameIsBlank()
    {
        var (company, _) = await CompanyAsync();
        var task = await host.TaskAsync(company.Id);
        var reviewer = await host.ReviewerAsync();

        var response = await PostFormAsync(reviewer, $"/inbox?company={company.Cf}&sort=age", "SaveFilter", new() { ["filterName"] = "   " });

        var html = await HtmlAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Dai al filtro un nome", html);
        Assert.Equal([task], Listed(html));
        Assert.Matches("<option value=\"age\" selected", html);
        Assert.Contains($"value=\"{company.Cf}\"", html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("priority")]
    [InlineData("age")]
    public async Task Inbox_WalksEveryTaskOnceInOrder_WhenFollowingNextPagesForEachSort(string? sort)
    {
        var (company, _) = await CompanyAsync();
        var created = new List<Guid>();
        var priorities = new[] { TaskPriority.Low, TaskPriority.Normal, TaskPriority.High, TaskPriority.Urgent };
        for (var i = 0; i < 31; i++)
            // Due dates and ages repeat every few tasks, so ties are decided by the id across page breaks.
            created.Add(await host.TaskAsync(company.Id, dueIn: i % 7 == 0 ? null : TimeSpan.FromHours(i % 5),
                age: TimeSpan.FromHours(i % 4), priority: priorities[i % 4]));
        var reviewer = await host.ReviewerAsync();

        var seen = new List<Guid>();
        var url = $"/inbox?company={company.Cf}" + (sort is null ? "" : $"&sort={sort}");
        for (var pages = 0; url is not null; pages++)
        {
            Assert.True(pages < 5, "more pages than 31 tasks fill");
            var html = await HtmlAsync(await reviewer.GetAsync(url), HttpStatusCode.OK);
            seen.AddRange(Listed(html));
            url = NextLink().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        }

        Assert.Equal(created.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
        var tasks = new List<WorkflowTask>();
        foreach (var id in seen) tasks.Add(await host.ReadTaskAsync(id));
        var inOrder = tasks.Zip(tasks.Skip(1)).All(p => sort switch
        {
            "priority" => p.First.Priority >= p.Second.Priority,
            "age" => p.First.CreatedAt <= p.Second.CreatedAt,
            _ => p.Second.DueAt is null || p.First.DueAt <= p.Second.DueAt,
        });
        Assert.True(inOrder, $"tasks out of {sort ?? "due"} order");
    }

    [Fact]
    public async Task FollowUp_IsKeptJournaledAndCountedOnceReached_WhenReviewerSetsIt()
    {
        var (company, _) = await CompanyAsync();
        var task = await host.TaskAsync(company.Id);
        var reviewer = await host.ReviewerAsync();
        var day = DateOnly.FromDateTime(host.App.Clock.GetUtcNow().ToLocalTime().DateTime).AddDays(3);
        await PostFormAsync(reviewer, $"/inbox?company={company.Cf}&due=followup", "SaveFilter", new() { ["filterName"] = $"Ricontrollo {company.Cf}" });

        var response = await PostFormAsync(reviewer, $"/inbox?company={company.Cf}", "FollowUp",
            new() { ["taskId"] = task.ToString(), ["followUp"] = day.ToString("yyyy-MM-dd") });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains($"company={company.Cf}", response.Headers.Location!.ToString());
        var stored = await host.ReadTaskAsync(task);
        Assert.Equal(day, DateOnly.FromDateTime(stored.FollowUpAt!.Value.ToLocalTime().DateTime));
        await using (var db = host.App.Services.GetRequiredService<IWorkflowDbContextFactory>().CreateDbContext())
        {
            var entry = await db.Set<JournalEntry>().SingleAsync(e => e.InstanceId == stored.InstanceId && e.Trigger == "task.followUp");
            Assert.Equal(company.Id, entry.CompanyId);
            Assert.Contains(day.ToString("yyyy-MM-dd"), entry.Summary);
        }
        Assert.Equal("0", SavedCount(await HtmlAsync(await reviewer.GetAsync("/inbox"), HttpStatusCode.OK), $"Ricontrollo {company.Cf}"));
        host.App.Clock.Advance(TimeSpan.FromDays(3));
        reviewer = await host.ReviewerAsync();
        Assert.Equal("1", SavedCount(await HtmlAsync(await reviewer.GetAsync("/inbox"), HttpStatusCode.OK), $"Ricontrollo {company.Cf}"));
    }

    [Theory]
    [InlineData("2020-01-01", "oggi o più avanti")]
    [InlineData("31/12/2099", "non valida")]
    public async Task FollowUp_IsRefusedWithBadRequestAndNothingStored_WhenTheDateIsPastOrMalformed(string value, string reason)
    {
        var (company, _) = await CompanyAsync();
        var task = await host.TaskAsync(company.Id);
        var reviewer = await host.ReviewerAsync();

        var response = await PostFormAsync(reviewer, $"/inbox?company={company.Cf}", "FollowUp",
            new() { ["taskId"] = task.ToString(), ["followUp"] = value });

        var html = await HtmlAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(reason, html);
        Assert.Equal([task], Listed(html));
        Assert.Null((await host.ReadTaskAsync(task)).FollowUpAt);
    }

    [Fact]
    public async Task ClaimAndRelease_FromTheList_TakeAndGiveBackTheTaskKeepingTheFilter()
    {
        var (company, _) = await CompanyAsync();
        var task = await host.TaskAsync(company.Id);
        var reviewer = await host.ReviewerAsync();
        var me = await UserIdAsync(TestClients.DemoUserWithRole(Roles.AgencyReviewer));

        var claimed = await PostFormAsync(reviewer, $"/inbox?company={company.Cf}&sort=age", "Claim", new() { ["taskId"] = task.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        Assert.Contains("sort=age", claimed.Headers.Location!.ToString());
        Assert.Equal(me, (await host.ReadTaskAsync(task)).ClaimedByUserId);
        var mine = await HtmlAsync(await reviewer.GetAsync($"/inbox?company={company.Cf}&assignee=me"), HttpStatusCode.OK);
        Assert.Equal([task], Listed(mine));
        Assert.Contains("data-release", mine);

        await PostFormAsync(reviewer, $"/inbox?company={company.Cf}", "Release", new() { ["taskId"] = task.ToString() });
        Assert.Null((await host.ReadTaskAsync(task)).ClaimedByUserId);
    }

    [Fact]
    public async Task Inbox_ShowsOnlyTheChosenRolesTasks_WhenThePersonHoldsTwoRoles()
    {
        var (company, _) = await CompanyAsync();
        var review = await host.TaskAsync(company.Id, role: Roles.AgencyReviewer);
        var desk = await host.TaskAsync(company.Id, role: Roles.HelpDesk);
        var cf = await TwoRolePersonAsync();
        var person = await LoggedInAsync(host.App, cf);

        var both = await HtmlAsync(await person.GetAsync($"/inbox?company={company.Cf}"), HttpStatusCode.OK);
        var deskOnly = await HtmlAsync(await person.GetAsync($"/inbox?company={company.Cf}&role={Roles.HelpDesk}"), HttpStatusCode.OK);

        Assert.Equal(new[] { review, desk }.Order(), Listed(both).Order());
        Assert.Equal([desk], Listed(deskOnly));
    }

    private async Task<((Guid Id, string Cf), string Name)> CompanyAsync()
    {
        var (id, name) = await host.CompanyAsync();
        using var scope = host.App.Services.CreateScope();
        var cf = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<EmployerWorkflows.Web.Features.Companies.Company>()
            .SingleAsync(c => c.Id == id)).CodiceFiscale;
        return ((id, cf), name);
    }

    private async Task<HttpClient> ColleagueAsync() => await LoggedInAsync(host.App, await PersonAsync("CLLRVW", Roles.AgencyReviewer));

    private Task<string> TwoRolePersonAsync() => PersonAsync("DPPRLS", Roles.AgencyReviewer, Roles.HelpDesk);

    private async Task<string> PersonAsync(string surnameCode, params string[] roles)
    {
        var body = $"{surnameCode}90A01H501";
        var cf = body + EmployerWorkflows.Web.Domain.Identifiers.CodiceFiscale.CheckCharacter(body);
        using var scope = host.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(cf) is not null) return cf;
        var user = new AppUser { UserName = cf, CodiceFiscale = cf, FirstName = surnameCode, LastName = "Persona", Email = $"{surnameCode}@example.org", EmailConfirmed = true,
            LastLoginAt = host.App.Clock.GetUtcNow() };
        Assert.True((await users.CreateAsync(user, DemoPassword)).Succeeded);
        foreach (var role in roles) Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return cf;
    }

    private async Task<string> UserIdAsync(string cf)
    {
        using var scope = host.App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(cf))!.Id;
    }

    private async Task<Guid> SavedFilterIdAsync(string name)
    {
        using var scope = host.App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SavedInboxFilter>().SingleAsync(f => f.Name == name)).Id;
    }

    private static List<Guid> Listed(string html) => TaskRow().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();

    private static string SavedCount(string html, string name)
    {
        var match = new Regex($"data-saved-filter=\"{Regex.Escape(name)}\">.*?data-count=\"saved\">(\\d+)<", RegexOptions.Singleline).Match(html);
        Assert.True(match.Success, $"no saved filter {name}");
        return match.Groups[1].Value;
    }

    private static string SavedLink(string html, string name) =>
        new Regex($"data-saved-filter=\"{Regex.Escape(name)}\">\\s*<a href=\"([^\"]+)\"").Match(html).Groups[1].Value;

    [GeneratedRegex("<tr [^>]*data-task=\"([0-9a-f-]{36})\"")]
    private static partial Regex TaskRow();

    [GeneratedRegex("<a (?=[^>]*rel=\"next\")[^>]*href=\"([^\"]+)\"")]
    private static partial Regex NextLink();
}
