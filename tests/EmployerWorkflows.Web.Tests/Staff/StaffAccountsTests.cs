using System.Net;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Staff;

public sealed class StaffAccountsTests : IDisposable
{
    private const string NewReviewer = "VRDGPP80A01F205X";
    private readonly AppFactory app = AppFactory.OnSqlite();

    public void Dispose() => app.Dispose();

    private Task<HttpClient> AdministratorAsync() => TestClients.LoggedInAsync(app, TestClients.DemoUserWithRole(Roles.Administrator));

    private static Dictionary<string, string> NewReviewerForm(string cf = NewReviewer) => new()
    {
        ["CodiceFiscale"] = cf, ["FirstName"] = "Giuseppe", ["LastName"] = "Verdi", ["Email"] = "g.verdi@example.org",
        ["Role"] = Roles.AgencyReviewer, ["TemporaryPassword"] = "Temp-Passw0rd!",
    };

    [Fact]
    public async Task Staff_CreatesAReviewerWhoMustReplaceThePasswordOnEveryPage_WhenAdministratorSubmitsTheForm()
    {
        var admin = await AdministratorAsync();
        var created = await TestClients.PostFormAsync(admin, "/staff", "Create", NewReviewerForm());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var reviewer = TestClients.Anonymous(app);
        var login = await TestClients.PostLoginAsync(reviewer, NewReviewer, "Temp-Passw0rd!");
        Assert.StartsWith("/account/change-password", login.Headers.Location!.OriginalString);
        var inbox = await reviewer.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, inbox.StatusCode);
        Assert.StartsWith("/account/change-password", inbox.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/tasks")).StatusCode);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByNameAsync(NewReviewer))!, Roles.AgencyReviewer));
    }

    [Fact]
    public async Task Staff_LetsThePersonWork_WhenTheForcedPasswordChangeIsDone()
    {
        var admin = await AdministratorAsync();
        await TestClients.PostFormAsync(admin, "/staff", "Create", NewReviewerForm());
        var reviewer = TestClients.Anonymous(app);
        await TestClients.PostLoginAsync(reviewer, NewReviewer, "Temp-Passw0rd!");

        var changed = await TestClients.PostFormAsync(reviewer, "/account/change-password", "", new()
        {
            ["CurrentPassword"] = "Temp-Passw0rd!", ["NewPassword"] = "Own-Passw0rd!!",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/inbox")).StatusCode);
    }

    [Fact]
    public async Task Staff_EndsTheSessionAndRefusesTheLogin_WhenAdministratorDisablesTheAccount()
    {
        var reviewerCf = TestClients.DemoUserWithRole(Roles.AgencyReviewer);
        var reviewer = await TestClients.LoggedInAsync(app, reviewerCf);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/inbox")).StatusCode);
        var admin = await AdministratorAsync();

        var disabled = await TestClients.PostFormAsync(admin, "/staff", "Disable", new() { ["id"] = await IdOfAsync(reviewerCf) });

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        // No time passes on the host's clock: the check runs on every request, not once an interval is over.
        var next = await reviewer.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/account/login", next.Headers.Location!.AbsolutePath);
        var again = await TestClients.PostLoginAsync(TestClients.Anonymous(app), reviewerCf, TestClients.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await using var db = app.Services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.Set<JournalEntry>().AnyAsync(e => e.Trigger == "staff.disable" && e.Summary.Contains(reviewerCf)));
    }

    [Fact]
    public async Task Staff_AnswersBadRequestAndKeepsWhatWasTyped_WhenTheCodiceFiscaleIsWrong()
    {
        var admin = await AdministratorAsync();

        var response = await TestClients.PostFormAsync(admin, "/staff", "Create", NewReviewerForm("VRDGPP80A01F205A"));

        var html = await TestClients.HtmlAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Il carattere di controllo del codice fiscale non è corretto.", html);
        Assert.Contains("value=\"Giuseppe\"", html);
        using var scope = app.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("VRDGPP80A01F205A"));
    }

    [Fact]
    public async Task Staff_IsForbidden_WhenTheUserIsNotAnAdministrator()
    {
        var reviewer = await TestClients.LoggedInAsync(app, TestClients.DemoUserWithRole(Roles.AgencyReviewer));
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task Login_RefusesThePassword_WhenTheStaffMemberMustUseTheGateway()
    {
        var helpDesk = TestClients.DemoUserWithRole(Roles.HelpDesk);
        var admin = await AdministratorAsync();
        await TestClients.PostFormAsync(admin, "/staff", "Gateway", new() { ["id"] = await IdOfAsync(helpDesk), ["require"] = "true" });

        var response = await TestClients.PostLoginAsync(TestClients.Anonymous(app), helpDesk, TestClients.DemoPassword);

        Assert.Contains("solo con identità digitale", await TestClients.HtmlAsync(response, HttpStatusCode.OK));
    }

    [Fact]
    public async Task FirstAdministrator_IsCreatedFromConfiguration_InProduction()
    {
        using var production = AppFactory.OnSqlite(environment: "Production")
            .WithSetting("FirstAdministrator:CodiceFiscale", "bnclcu70a41h501s")
            .WithSetting("FirstAdministrator:FirstName", "Lucia");
        using var scope = production.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = Assert.Single(await users.GetUsersInRoleAsync(Roles.Administrator));
        Assert.Equal(("BNCLCU70A41H501S", true), (admin.CodiceFiscale, admin.RequireGateway));
    }

    private async Task<string> IdOfAsync(string cf)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(cf))!.Id;
    }
}
