using System.Net;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Identity;

/// <summary>
/// One host for the class: its tests lock demo accounts that other classes log in with, so it shares with no one.
/// </summary>
public sealed class LoginTests(SharedHost host) : IClassFixture<SharedHost>
{
    private readonly AppFactory app = host.App;

    [Fact]
    public async Task Login_SignsInAndRecordsLastLogin_WhenPasswordIsRight()
    {
        var cf = TestClients.DemoUserWithRole(Roles.AgencyReviewer);
        var client = await TestClients.LoggedInAsync(app, cf.ToLowerInvariant());
        var home = await client.GetStringAsync("/");
        Assert.Contains(cf, home);
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.CodiceFiscale == cf);
        Assert.NotNull(user.LastLoginAt);
    }

    [Fact]
    public async Task Login_ShowsFieldMessageInItalian_WhenCodiceFiscaleIsMalformed()
    {
        var client = TestClients.Anonymous(app);
        var response = await TestClients.PostLoginAsync(client, "PRVTST90A01A944A", "whatever");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Il carattere di controllo del codice fiscale non è corretto.", WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task Login_LocksTheAccount_AfterFiveFailedAttempts()
    {
        var cf = TestClients.DemoUserWithRole(Roles.HelpDesk);
        var client = TestClients.Anonymous(app);
        for (var i = 0; i < 5; i++)
            await TestClients.PostLoginAsync(client, cf, "Wrong-Passw0rd!");
        var response = await TestClients.PostLoginAsync(client, cf, TestClients.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("bloccato per 15 minuti", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Login_AnswersAlike_WhenAccountIsLockedOrDoesNotExist()
    {
        var locked = TestClients.DemoUserWithRole(Roles.SecoDesk);
        var client = TestClients.Anonymous(app);
        for (var i = 0; i < 5; i++)
            await TestClients.PostLoginAsync(client, locked, "Wrong-Passw0rd!");

        var lockedAnswer = await ErrorsOfAsync(await TestClients.PostLoginAsync(client, locked, TestClients.DemoPassword));
        var unknown = "RSSMRA80A01H501" + global::EmployerWorkflows.Web.Domain.Identifiers.CodiceFiscale.CheckCharacter("RSSMRA80A01H501");
        var unknownAnswer = await ErrorsOfAsync(await TestClients.PostLoginAsync(client, unknown, TestClients.DemoPassword));

        Assert.Equal(unknownAnswer, lockedAnswer);
    }

    private static async Task<string> ErrorsOfAsync(HttpResponseMessage response)
    {
        var html = await TestClients.HtmlAsync(response, HttpStatusCode.OK);
        var start = html.IndexOf("<ul>", StringComparison.Ordinal);
        return html[start..html.IndexOf("</ul>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task CreateUser_IsRefused_WhenCodiceFiscaleIsInvalidOrDuplicated()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var invalid = await users.CreateAsync(new AppUser { UserName = "PRVTST90A01A944A", CodiceFiscale = "PRVTST90A01A944A" }, "Valid-Passw0rd!");
        Assert.Contains(invalid.Errors, e => e.Code == "InvalidCodiceFiscale");
        var existing = TestClients.DemoUserWithRole(Roles.Operator);
        var duplicate = await users.CreateAsync(new AppUser { UserName = existing, CodiceFiscale = existing }, "Valid-Passw0rd!");
        Assert.Contains(duplicate.Errors, e => e.Code == "DuplicateUserName");
    }

    [Fact]
    public async Task CreateUser_IsRefused_WhenPasswordIsWeak()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = "PRVTST90A01A944G", CodiceFiscale = "PRVTST90A01A944G" }, "short");
        Assert.Contains(result.Errors, e => e.Code == "PasswordTooShort");
    }

    [Fact]
    public async Task Login_RedirectsToPasswordChange_WhenUserMustChangePassword()
    {
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "SMPNNA85L55F205Z", CodiceFiscale = "SMPNNA85L55F205Z", MustChangePassword = true };
            Assert.True((await users.CreateAsync(user, "First-Passw0rd!")).Succeeded);
        }
        var client = TestClients.Anonymous(app);
        var response = await TestClients.PostLoginAsync(client, "SMPNNA85L55F205Z", "First-Passw0rd!");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/change-password", response.Headers.Location!.OriginalString);
    }
}
