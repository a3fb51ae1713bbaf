using System.Net;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Hosting;

namespace EmployerWorkflows.Web.Tests.Pages;

[Collection(SecurityCollection.Name)]
public sealed class PageSecurityTests(SharedHost host)
{
    private readonly AppFactory app = host.App;

    [Fact]
    public async Task InboxClaim_IsRefused_WhenPostedWithoutAntiForgeryToken()
    {
        var reviewer = await TestClients.LoggedInAsync(app, TestClients.DemoUserWithRole(Roles.AgencyReviewer));
        var response = await reviewer.PostAsync("/inbox?handler=Claim",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["taskId"] = Guid.NewGuid().ToString() }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TaskAndDocumentUrls_AnswerNotFound_WhenTheyDoNotExist()
    {
        var person = await TestClients.LoggedInAsync(app, TestClients.DemoUserWithRole(null));
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync($"/tasks/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync($"/documents/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Inbox_IsForbidden_WhenUserHasNoAgencyRole()
    {
        var person = await TestClients.LoggedInAsync(app, TestClients.DemoUserWithRole(null));
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/inbox")).StatusCode);
    }

    [Theory]
    [InlineData("/inbox")]
    [InlineData("/procedures")]
    [InlineData("/companies")]
    [InlineData("/notifications")]
    public async Task Pages_RedirectToLogin_WhenAnonymous(string path)
    {
        var response = await TestClients.Anonymous(app).GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }
}
