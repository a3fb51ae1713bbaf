using System.Net;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Hosting;

namespace EmployerWorkflows.Web.Tests.Monitor;

public sealed class MonitorAccessTests : MonitorHost
{
    [Theory]
    [InlineData(Roles.ProcessDesigner)]
    [InlineData(Roles.AgencyReviewer)]
    public async Task MonitorPages_AreForbidden_WhenUserIsNotOperator(string role)
    {
        var instance = await StartReviewAsync();
        var person = await TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(role));

        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/monitor")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync($"/monitor/{instance.InstanceId}")).StatusCode);
    }

    [Fact]
    public async Task MonitorPages_ShowTheInstance_WhenUserIsOperator()
    {
        var instance = await StartReviewAsync();
        var op = await Operator();

        var list = await HtmlAsync(await op.GetAsync("/monitor"), HttpStatusCode.OK);
        var page = await HtmlAsync(await op.GetAsync($"/monitor/{instance.InstanceId}"), HttpStatusCode.OK);

        Assert.Equal([instance.InstanceId], ListedInstances(list));
        Assert.Contains("class Open current", page);
        Assert.Contains("Revisione di prova", page);
    }

    [Fact]
    public async Task MonitorPages_RedirectToLogin_WhenAnonymous()
    {
        var response = await TestClients.Anonymous(App).GetAsync($"/monitor/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task InstancePage_AnswersNotFound_WhenInstanceDoesNotExist()
    {
        var op = await Operator();

        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/monitor/{Guid.NewGuid()}")).StatusCode);
    }
}
