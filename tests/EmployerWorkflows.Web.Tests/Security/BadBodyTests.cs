using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Companies;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Security;

/// <summary>The bodies that used to crash the company, member and draft endpoints: each is a 400 naming the field.</summary>
[Collection(SecurityCollection.Name)]
public sealed class BadBodyTests(SharedHost host) : CompanyScenario(host)
{
    [Theory]
    [InlineData("{}", "company")]
    [InlineData("{\"company\":null}", "company")]
    public async Task Registration_NamesTheMissingCompany_WhenBodyLacksIt(string body, string field)
    {
        var submitter = await Submitter();

        var problem = await ReadAsync(await PostAsync(submitter, "/api/company-registrations", body), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        await AssertNothingRegisteredAsync();
    }

    [Fact]
    public async Task Registration_NamesTheBody_WhenItIsLargerThanTheJsonLimit()
    {
        var submitter = await Submitter();
        var body = $"{{\"company\":{{\"name\":\"{new string('x', 300 * 1024)}\"}}}}";

        var problem = await ReadAsync(await PostAsync(submitter, "/api/company-registrations", body), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _), problem.ToString());
        await AssertNothingRegisteredAsync();
    }

    [Fact]
    public async Task Registration_NamesTheEntry_WhenTypesHoldNull()
    {
        var submitter = await Submitter();
        var company = CompanyJson();
        company["types"] = new JsonArray(null, company["types"]![0]!.DeepClone());

        var problem = await ReadAsync(await PostAsync(submitter, "/api/company-registrations", new JsonObject { ["company"] = company }.ToJsonString()),
            HttpStatusCode.BadRequest);

        Assert.Equal(["types[0]"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        await AssertNothingRegisteredAsync();
    }

    [Theory]
    [InlineData("colour", "colour")]
    [InlineData("company.colour", "company.colour")]
    public async Task Registration_NamesTheUnknownField_WhenBodyHasOne(string where, string field)
    {
        var submitter = await Submitter();
        var body = new JsonObject { ["company"] = CompanyJson() };
        (where.StartsWith("company.") ? body["company"]!.AsObject() : body)["colour"] = "red";

        var problem = await ReadAsync(await PostAsync(submitter, "/api/company-registrations", body.ToJsonString()), HttpStatusCode.BadRequest);

        Assert.StartsWith("Campo sconosciuto", problem.GetProperty("errors").GetProperty(field)[0].GetString());
        await AssertNothingRegisteredAsync();
    }

    [Fact]
    public async Task CompanyUpdate_NamesTheMissingCompany_WhenBodyIsEmptyOrCompanyNull()
    {
        var (admin, companyId) = await ActiveCompanyAsync();

        foreach (var body in new[] { "{}", "{\"company\":null,\"expectedVersion\":2}" })
        {
            var problem = await ReadAsync(await SendAsync(admin, HttpMethod.Put, $"/api/companies/{companyId}", body), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("company", out _), problem.ToString());
        }
        Assert.Equal("Officine Esempio Srl", (await CompanyAsync(admin, companyId)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task CompanyUpdate_NamesTheEntry_WhenTypesHoldNull()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var current = await CompanyAsync(admin, companyId);
        var company = CompanyJson();
        company.Remove("codiceFiscale");
        company["name"] = "Nome Cambiato Srl";
        company["types"] = new JsonArray(company["types"]![0]!.DeepClone(), null);
        var body = new JsonObject { ["company"] = company, ["expectedVersion"] = current.GetProperty("version").GetInt64() };

        var problem = await ReadAsync(await SendAsync(admin, HttpMethod.Put, $"/api/companies/{companyId}", body.ToJsonString()), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("types[1]", out _), problem.ToString());
        Assert.Equal("Officine Esempio Srl", (await CompanyAsync(admin, companyId)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task EnableMember_NamesTheEntry_WhenProfilesHoldNull()
    {
        var (admin, companyId) = await ActiveCompanyAsync();
        var person = await PersonAsync("NLLPRF");
        var body = new JsonObject
        {
            ["codiceFiscale"] = person.CodiceFiscale, ["kind"] = "Collaborator", ["relationship"] = "Stable",
            ["dataProcessingAuthorised"] = true, ["profiles"] = new JsonArray((JsonNode?)null),
        };

        var problem = await ReadAsync(await PostAsync(admin, $"/api/companies/{companyId}/members", body.ToJsonString()), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("profiles[0]", out _), problem.ToString());
        var members = await ReadAsync(await admin.GetAsync($"/api/companies/{companyId}/members"), HttpStatusCode.OK);
        Assert.DoesNotContain(members.EnumerateArray(), m => m.GetProperty("codiceFiscale").GetString() == person.CodiceFiscale);
    }

    [Fact]
    public async Task DraftSave_NamesTheMissingText_WhenBodyIsEmptyObject()
    {
        var designer = await TestClients.LoggedInAsync(App, TestClients.DemoUserWithRole(Roles.ProcessDesigner));

        var problem = await ReadAsync(await SendAsync(designer, HttpMethod.Put, "/api/definitions/empty-draft/draft", "{}"), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("json", out _), problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await designer.GetAsync("/api/definitions/empty-draft/diff")).StatusCode);
    }

    [Fact]
    public async Task Registration_AnswersTheProblemInEnglish_WhenBrowserSaysEnUs()
    {
        var submitter = await Submitter();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/company-registrations")
        {
            Content = new StringContent("{\"company\":{\"colour\":1}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var problem = await ReadAsync(await submitter.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal("Some data is not valid.", problem.GetProperty("title").GetString());
        Assert.Equal("Unknown field: this request does not take it.", problem.GetProperty("errors").GetProperty("company.colour")[0].GetString());
    }

    private JsonObject CompanyJson() => JsonSerializer.SerializeToNode(Input(), Json)!.AsObject();

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string body) => SendAsync(client, HttpMethod.Post, url, body);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string body) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

    /// <summary>No company with this test's codice fiscale, and no email to its legal representative, who submitted.</summary>
    private async Task AssertNothingRegisteredAsync()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.Set<Company>().CountAsync(c => c.CodiceFiscale == CompanyCf));
        Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync(m => m.To == RepresentativeEmail));
    }
}
