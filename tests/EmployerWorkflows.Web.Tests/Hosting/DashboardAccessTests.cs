using System.Net;
using EmployerWorkflows.Web.Features.Identity;

namespace EmployerWorkflows.Web.Tests.Hosting;

[Collection(HangfireCollection.Name)]
public sealed class DashboardAccessTests : IDisposable
{
    private readonly AppFactory app = AppFactory.OnSqlite();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Dashboard_RedirectsToLogin_WhenAnonymous()
    {
        var response = await TestClients.Anonymous(app).GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData(Roles.AgencyReviewer)]
    [InlineData(Roles.ProcessDesigner)]
    [InlineData(null)]
    public async Task Dashboard_IsForbidden_WhenUserIsNotOperator(string? role)
    {
        var client = await TestClients.LoggedInAsync(app, TestClients.DemoUserWithRole(role));
        var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Hangfire", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dashboard_Opens_WhenUserIsOperator()
    {
        var client = await TestClients.LoggedInAsync(app, TestClients.DemoUserWithRole(Roles.Operator));
        var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("EmployerWorkflows — jobs", await response.Content.ReadAsStringAsync());
    }
}
