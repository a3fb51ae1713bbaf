using System.Net;
using System.Text.Json;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EmployerWorkflows.Web.Tests.Security;

/// <summary>Headers that keep pages from being framed or sniffed; HTTPS only and a closed API reference in production.</summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task Pages_CarryContentSecurityPolicyAndNoSniff_WhenServed()
    {
        using var app = AppFactory.OnSqlite();

        var response = await TestClients.Anonymous(app).GetAsync("/account/login");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Production_SendsHstsAndSecureCookies_WhenServedOverHttps()
    {
        using var app = AppFactory.OnSqlite(environment: "Production");
        // HSTS is never sent to localhost, so the request names a public host.
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://lavoro.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/v1")]
    public async Task ApiReference_NeedsLogin_InProduction(string path)
    {
        using var app = AppFactory.OnSqlite(environment: "Production");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ReadyHealth_ShowsNoExceptionText_WhenReported()
    {
        using var app = AppFactory.OnSqlite();

        var ready = JsonDocument.Parse(await TestClients.Anonymous(app).GetStringAsync("/health/ready")).RootElement;

        Assert.All(ready.GetProperty("checks").EnumerateObject(), c => Assert.False(c.Value.TryGetProperty("error", out _), c.Name));
    }
}
