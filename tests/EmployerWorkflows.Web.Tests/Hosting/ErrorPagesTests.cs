using System.Net;
using System.Net.Http.Headers;
using EmployerWorkflows.Web.Features.Identity;

namespace EmployerWorkflows.Web.Tests.Hosting;

/// <summary>A bare status answers a browser with the error page in its language and a program with problem JSON.</summary>
public sealed class ErrorPagesTests : IClassFixture<ErrorPagesTests.Host>
{
    public sealed class Host : IDisposable
    {
        public AppFactory App { get; } = AppFactory.OnSqlite();
        public void Dispose() => App.Dispose();
    }

    private readonly AppFactory app;

    public ErrorPagesTests(Host host) => app = host.App;

    [Theory]
    [InlineData("it-IT", "Accesso non consentito")]
    [InlineData("en-GB", "Access not allowed")]
    public async Task Forbidden_IsAnHtmlPageInTheReadersLanguage_WhenABrowserAsks(string language, string heading)
    {
        var reviewer = await TestClients.LoggedInAsync(app, TestClients.DemoUserWithRole(Roles.AgencyReviewer));

        var response = await reviewer.SendAsync(Browser(HttpMethod.Get, "/designer", language));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{heading}</h1>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("it-IT", "Pagina non trovata")]
    [InlineData("en-GB", "Page not found")]
    public async Task NotFound_IsAnHtmlPageInTheReadersLanguage_WhenABrowserAsks(string language, string heading)
    {
        var response = await TestClients.Anonymous(app).SendAsync(Browser(HttpMethod.Get, "/no-such-page", language));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1>{heading}</h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ServerError_IsAnHtmlPage_WhenABrowserOpensIt()
    {
        var response = await TestClients.Anonymous(app).SendAsync(Browser(HttpMethod.Get, "/error/500", "en-GB"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("<h1>Something went wrong</h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forbidden_IsProblemJson_WhenAnApiClientAsks()
    {
        var reviewer = await TestClients.LoggedInAsync(app, TestClients.DemoUserWithRole(Roles.AgencyReviewer));

        var response = await reviewer.GetAsync("/api/definitions");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task NotFound_IsProblemJson_UnderApi_EvenWhenTheClientAcceptsHtml()
    {
        var response = await TestClients.Anonymous(app).SendAsync(Browser(HttpMethod.Get, "/api/no-such-thing", "it-IT"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task NotFound_IsProblemJson_WhenTheClientDoesNotAcceptHtml()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var response = await TestClients.Anonymous(app).SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static HttpRequestMessage Browser(HttpMethod method, string path, string language)
    {
        // The language in the address: it wins over a remembered one, as the language switch does.
        var request = new HttpRequestMessage(method, $"{path}?culture={language}&ui-culture={language}");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return request;
    }
}
