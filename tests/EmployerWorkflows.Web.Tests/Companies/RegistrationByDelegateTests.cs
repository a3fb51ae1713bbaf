using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmployerWorkflows.TestInfrastructure;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Companies;

/// <summary>
/// Rule 33: a company is registered by its legal representative, or by a delegate who uploads the delegation signed
/// by the legal representative; the reviewer sees which, and the document.
/// </summary>
[Collection(CompaniesCollection.Name)]
public sealed partial class RegistrationByDelegateTests(SharedHost host) : CompanyScenario(host)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    [Fact]
    public async Task Registration_RecordsLegalRepresentative_WhenSubmitterIsTheLegalRepresentativeWithoutDocument()
    {
        var companyId = await RegisterAsync(await Submitter());

        var page = await ReviewPageAsync(companyId);
        Assert.Contains("data-submitted-by=\"legalRepresentative\"", page);
        Assert.Contains($"Legale rappresentante: Lucia Legale ({Representative})", page);
        Assert.DoesNotContain("delegation-document", page);
    }

    [Fact]
    public async Task Registration_ShowsDelegateAndDocumentToReviewer_WhenDelegateUploadsSignedPdf()
    {
        var person = await PersonAsync("DLGATO");
        var delegate_ = await TestClients.LoggedInAsync(App, person.CodiceFiscale);
        var created = await ReadAsync(await delegate_.PostAsync("/api/company-registrations/delegated", Multipart(Input(), Pdf, "delega firmata.pdf")),
            HttpStatusCode.Created);
        var companyId = created.GetProperty("companyId").GetGuid();

        var page = await ReviewPageAsync(companyId);
        Assert.Contains("data-submitted-by=\"delegate\"", page);
        Assert.Contains($"Delegato del legale rappresentante: DLGATO Persona ({person.CodiceFiscale})", page);
        var link = DocumentLink().Match(page);
        Assert.True(link.Success, "The review page links the delegation document.");
        Assert.Equal("delega_firmata.pdf", link.Groups["name"].Value);
        var download = await (await Reviewer()).GetAsync(link.Groups["href"].Value);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("it", "Non risulti il legale rappresentante dell'azienda: carica la delega firmata dal legale rappresentante (PDF).")]
    [InlineData("en", "You are not the company's legal representative: upload the delegation signed by the legal representative (PDF).")]
    public async Task Registration_IsRefusedWithFieldError_WhenDelegateSendsNoDocument(string culture, string message)
    {
        var person = await PersonAsync("SNZDLG");
        var delegate_ = await TestClients.LoggedInAsync(App, person.CodiceFiscale);
        var cf = Identities.PartitaIva();
        var instancesBefore = await InstanceCountAsync();

        using var json = new HttpRequestMessage(HttpMethod.Post, "/api/company-registrations") { Content = JsonContent.Create(new { company = Input(cf) }) };
        json.Headers.AcceptLanguage.ParseAdd(culture);
        var refused = await ReadAsync(await delegate_.SendAsync(json), HttpStatusCode.BadRequest);
        Assert.Equal(message, refused.GetProperty("errors").GetProperty("delegation")[0].GetString());

        using var multipart = new HttpRequestMessage(HttpMethod.Post, "/api/company-registrations/delegated") { Content = Multipart(Input(cf), null, null) };
        multipart.Headers.AcceptLanguage.ParseAdd(culture);
        refused = await ReadAsync(await delegate_.SendAsync(multipart), HttpStatusCode.BadRequest);
        Assert.Equal(message, refused.GetProperty("errors").GetProperty("delegation")[0].GetString());

        var wizard = await TestClients.HtmlAsync(await TestClients.PostFormAsync(delegate_, "/procedures/register", "", WizardFields(cf)), HttpStatusCode.BadRequest);
        Assert.Contains("id=\"f-delegation-error\"", wizard);
        Assert.Contains("Non risulti il legale rappresentante", wizard);

        Assert.Equal(0, await CompanyCountAsync(cf));
        Assert.Equal(instancesBefore, await InstanceCountAsync());
    }

    [Fact]
    public async Task Registration_IsRefused_WhenDelegationIsNotPdf()
    {
        var person = await PersonAsync("NOTPDF");
        var delegate_ = await TestClients.LoggedInAsync(App, person.CodiceFiscale);
        var cf = Identities.PartitaIva();
        var instancesBefore = await InstanceCountAsync();

        // Named .pdf, but its content is a PNG image: the format is recognised by content.
        var refused = await ReadAsync(await delegate_.PostAsync("/api/company-registrations/delegated", Multipart(Input(cf), Png, "delega.pdf")),
            HttpStatusCode.BadRequest);

        Assert.Equal("La delega deve essere un file PDF di al massimo 5 MB.", refused.GetProperty("errors").GetProperty("delegation")[0].GetString());
        Assert.Equal(0, await CompanyCountAsync(cf));
        Assert.Equal(instancesBefore, await InstanceCountAsync());
    }

    private static MultipartFormDataContent Multipart(CompanyInput company, byte[]? document, string? fileName)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(new { company, firstUnitName = "Sede di Bologna" }, Json), Encoding.UTF8), "registration" },
        };
        if (document is not null)
        {
            var file = new ByteArrayContent(document);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "delegation", fileName!);
        }
        return form;
    }

    private Dictionary<string, string> WizardFields(string cf) => new()
    {
        ["step"] = "3", ["codiceFiscale"] = cf, ["name"] = "Officine Esempio Srl", ["types[0].type"] = "private-employer",
        ["registeredOffice.street"] = "Via dell'Indipendenza 1", ["registeredOffice.postalCode"] = "40121",
        ["registeredOffice.municipality"] = "Bologna", ["registeredOffice.province"] = "BO", ["email"] = "info@officine-esempio.it",
        ["legalRepresentative.firstName"] = "Lucia", ["legalRepresentative.lastName"] = "Legale",
        ["legalRepresentative.codiceFiscale"] = Representative, ["firstUnitName"] = "Sede di Bologna",
    };

    private async Task<string> ReviewPageAsync(Guid companyId)
    {
        var reviewer = await Reviewer();
        var task = await TaskForAsync(reviewer, companyId);
        return await TestClients.HtmlAsync(await reviewer.GetAsync($"/tasks/{task.GetProperty("task").GetProperty("id").GetGuid()}"), HttpStatusCode.OK);
    }

    private async Task<int> CompanyCountAsync(string cf)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Company>().CountAsync(c => c.CodiceFiscale == cf);
    }

    private async Task<int> InstanceCountAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Runtime.Persistence.WorkflowInstance>().CountAsync();
    }

    [GeneratedRegex("<a class=\"delegation-document\" href=\"(?<href>/documents/[0-9a-f-]+)\" download>Delega: (?<name>[^<]+)</a>")]
    private static partial Regex DocumentLink();
}
