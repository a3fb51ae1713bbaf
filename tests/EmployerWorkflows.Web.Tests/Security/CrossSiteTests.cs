using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Companies;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Security;

/// <summary>What another site can make a logged-in browser send is refused; the app's own scripts get through.</summary>
[Collection(SecurityCollection.Name)]
public sealed class CrossSiteTests(SharedHost host) : CompanyScenario(host)
{
    [Fact]
    public async Task JsonChange_IsRefused_WhenLoginCookieComesWithoutAntiforgeryHeader()
    {
        var forged = await WithoutHeaderAsync(Representative);

        var response = await forged.PostAsJsonAsync("/api/company-registrations", new { company = Input() });

        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Manca il token anti-falsificazione.", problem.GetProperty("title").GetString());
        Assert.Equal(0, await CompaniesRegisteredAsync());
    }

    [Fact]
    public async Task MultipartSupportRequest_IsRefused_WhenLoginCookieComesWithoutAntiforgeryHeader()
    {
        var forged = await WithoutHeaderAsync(Representative);
        var form = new MultipartFormDataContent
        {
            { new StringContent("CHE-123.456.788"), "uid" },
            { new StringContent("Pagina bianca."), "description" },
            { new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]), "screenshot", "schermata.png" },
        };

        var response = await forged.PostAsync("/api/jobroom/support-requests", form);

        await ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await MailsQueuedAboutAsync("Pagina bianca."));
    }

    [Fact]
    public async Task DefinitionImport_IsRefused_WhenLoginCookieComesWithoutAntiforgeryHeader()
    {
        var forged = await WithoutHeaderAsync(TestClients.DemoUserWithRole(Roles.ProcessDesigner));
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"id\":\"forged-import\"}"));
        file.Headers.ContentType = new("application/json");

        var response = await forged.PostAsync("/api/definitions/import", new MultipartFormDataContent { { file, "file", "forged.workflow.json" } });

        await ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NotFound, (await forged.GetAsync("/api/definitions/forged-import/diff")).StatusCode);
    }

    [Fact]
    public async Task Change_IsForbidden_WhenOriginIsAnotherSite()
    {
        var submitter = await Submitter();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/company-registrations") { Content = JsonContent.Create(new { company = Input() }) };
        request.Headers.Add("Origin", "https://pagina-ostile.example");

        var response = await submitter.SendAsync(request);

        var problem = await ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("Richiesta da un altro sito rifiutata.", problem.GetProperty("title").GetString());
        Assert.Equal(0, await CompaniesRegisteredAsync());
    }

    [Fact]
    public async Task LoginForm_IsForbidden_WhenOriginIsAnotherSite()
    {
        var client = TestClients.Anonymous(App);
        var form = await client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["CodiceFiscale"] = Representative, ["Password"] = TestClients.DemoPassword, ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Origin", "https://pagina-ostile.example");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ew.auth=")));
    }

    [Fact]
    public async Task Change_IsAccepted_WhenOriginIsTheAppAndHeaderCarriesTheToken()
    {
        var submitter = await Submitter();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/company-registrations") { Content = JsonContent.Create(new { company = Input() }) };
        request.Headers.Add("Origin", "http://localhost");

        await ReadAsync(await submitter.SendAsync(request), HttpStatusCode.Created);

        Assert.Equal(1, await CompaniesRegisteredAsync());
    }

    [Fact]
    public async Task TokenEndpoint_NamesTheHeaderScriptsSend()
    {
        var client = await Submitter();

        var token = await ReadAsync(await client.GetAsync("/api/antiforgery/token"), HttpStatusCode.OK);

        Assert.Equal("X-CSRF-TOKEN", token.GetProperty("headerName").GetString());
        Assert.False(string.IsNullOrEmpty(token.GetProperty("token").GetString()));
    }

    private async Task<HttpClient> WithoutHeaderAsync(string codiceFiscale)
    {
        var client = TestClients.WithoutAntiforgery(App);
        Assert.Equal(HttpStatusCode.Redirect, (await TestClients.PostLoginAsync(client, codiceFiscale, TestClients.DemoPassword)).StatusCode);
        return client;
    }

    /// <summary>Companies with this test's codice fiscale: the only one its requests name.</summary>
    private async Task<int> CompaniesRegisteredAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Company>().CountAsync(c => c.CodiceFiscale == CompanyCf);
    }

    /// <summary>Emails queued to this test's legal representative or quoting <paramref name="text"/>, which only this test writes.</summary>
    private async Task<int> MailsQueuedAboutAsync(string text)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>()
            .CountAsync(m => m.To == RepresentativeEmail || m.TextBody.Contains(text));
    }
}
