using System.Net;
using System.Text;
using System.Text.Json;
using EmployerWorkflows.Web.Tests.Companies;
using EmployerWorkflows.Web.Tests.Hosting;

namespace EmployerWorkflows.Web.Tests.Security;

/// <summary>Password guessing and email sending on demand are limited, with a 429 that says when to come back.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly AppFactory app = AppFactory.OnSqlite()
        .WithSetting("RateLimits:Login:PermitLimit", "3")
        .WithSetting("RateLimits:Login:WindowSeconds", "600")
        .WithSetting("RateLimits:Mail:PermitLimit", "1")
        .WithSetting("RateLimits:Mail:WindowSeconds", "600");

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Login_AnswersTooManyRequestsWithRetryAfter_WhenAttemptsExceedTheLimit()
    {
        var client = TestClients.Anonymous(app);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await TestClients.PostLoginAsync(client, CompanyScenario.LegalRepresentative, "Wrong-Passw0rd!")).StatusCode);

        var response = await TestClients.PostLoginAsync(client, CompanyScenario.LegalRepresentative, TestClients.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single()), 1, 600);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SupportRequest_AnswersTooManyRequestsWithRetryAfter_WhenPersonAlreadyAskedForMailInTheWindow()
    {
        var client = await TestClients.LoggedInAsync(app, CompanyScenario.LegalRepresentative);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync("/api/company-registrations",
            new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);

        var response = await client.PostAsync("/api/jobroom/support-requests", new MultipartFormDataContent { { new StringContent("x"), "description" } });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single()), 1, 600);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Troppe richieste in poco tempo.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task OtherChanges_AreNotLimited_WhenMailLimitIsReached()
    {
        var client = await TestClients.LoggedInAsync(app, CompanyScenario.LegalRepresentative);
        await client.PostAsync("/api/company-registrations", new StringContent("{}", Encoding.UTF8, "application/json"));

        var response = await client.PutAsync($"/api/companies/{Guid.NewGuid()}", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
    }
}
