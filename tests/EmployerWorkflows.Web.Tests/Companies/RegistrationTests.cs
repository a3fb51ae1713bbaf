using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Companies;

[Collection(CompaniesCollection.Name)]
public sealed class RegistrationTests(SharedHost host) : CompanyScenario(host)
{
    [Fact]
    public async Task Registration_ActivatesCompanyAndMakesSubmitterAdministrator_WhenReviewerApproves()
    {
        var submitter = await Submitter();
        var companyId = await RegisterAsync(submitter);
        var received = (await MailsAsync(1, "Richiesta di registrazione ricevuta")).Single();
        Assert.Equal(RepresentativeEmail, received.To.Mailboxes.Single().Address);
        Assert.Contains("Officine Esempio Srl", received.TextBody);

        var reviewer = await Reviewer();
        var task = await TaskForAsync(reviewer, companyId);
        Assert.Contains(task.GetProperty("permittedActions").EnumerateArray(), a => a.GetProperty("trigger").GetString() == "approve");
        await ReadAsync(await CompleteAsync(reviewer, task, "approve"), HttpStatusCode.OK);

        var company = await CompanyAsync(submitter, companyId);
        Assert.Equal("Active", company.GetProperty("status").GetString());
        Assert.Equal("Sede di Bologna", company.GetProperty("units")[0].GetProperty("name").GetString());
        var approved = (await MailsAsync(1, "Registrazione approvata")).Single();
        Assert.Equal(RepresentativeEmail, approved.To.Mailboxes.Single().Address);

        var journal = await ReadAsync(await submitter.GetAsync($"/api/companies/{companyId}/journal"), HttpStatusCode.OK);
        var triggers = journal.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("trigger").GetString()).ToList();
        Assert.Contains("company.register", triggers);
        Assert.Contains("approve", triggers);
        Assert.Contains("company.activate", triggers);
    }

    [Fact]
    public async Task Registration_ReturnsToReview_WhenSubmitterAnswersIntegrationRequest()
    {
        var submitter = await Submitter();
        var companyId = await RegisterAsync(submitter);
        var reviewer = await Reviewer();
        var review = await TaskForAsync(reviewer, companyId);
        await ReadAsync(await CompleteAsync(reviewer, review, "requestIntegration",
            new JsonObject { ["reason"] = "Manca la visura camerale." }), HttpStatusCode.OK);
        var request = (await MailsAsync(1, "servono altre informazioni")).Single();
        Assert.Contains("Manca la visura camerale.", request.TextBody);

        var integrate = await TaskForAsync(submitter, companyId);
        Assert.Equal("company-resubmission", integrate.GetProperty("task").GetProperty("form").GetString());
        var corrected = Input() with { Name = "Officine Esempio S.r.l." , CodiceFiscale = null };
        await ReadAsync(await submitter.PostAsJsonAsync($"/api/company-registrations/{companyId}/resubmit",
            new { company = corrected, message = "Allegata la visura." }), HttpStatusCode.OK);

        var again = await TaskForAsync(reviewer, companyId);
        Assert.Equal("UnderReview", again.GetProperty("instanceState").GetString());
        Assert.Equal("Officine Esempio S.r.l.", (await CompanyAsync(reviewer, companyId)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Reject_RequiresReason_AndRecordsIt()
    {
        var submitter = await Submitter();
        var companyId = await RegisterAsync(submitter);
        var reviewer = await Reviewer();
        var task = await TaskForAsync(reviewer, companyId);
        var missing = await ReadAsync(await CompleteAsync(reviewer, task, "reject"), HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("reason", out _));

        await ReadAsync(await CompleteAsync(reviewer, task, "reject", new JsonObject { ["reason"] = "Dati non veritieri." }), HttpStatusCode.OK);
        Assert.Equal("Rejected", (await CompanyAsync(reviewer, companyId)).GetProperty("status").GetString());
        Assert.Contains("Dati non veritieri.", (await MailsAsync(1, "Registrazione respinta")).Single().TextBody);
    }

    [Fact]
    public async Task SecondRegistration_IsRefused_WhileOneIsOpenOrActive()
    {
        var submitter = await Submitter();
        await RegisterAsync(submitter);
        var again = await ReadAsync(await submitter.PostAsJsonAsync("/api/company-registrations", new { company = Input() }), HttpStatusCode.BadRequest);
        Assert.Contains("già una registrazione in corso", again.GetProperty("errors").GetProperty("codiceFiscale")[0].GetString());
        using var scope = App.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Company>().CountAsync(c => c.CodiceFiscale == CompanyCf));
    }

    [Theory]
    [InlineData("it-IT", "La cifra di controllo della partita IVA non è corretta.", "Tipologia sconosciuta")]
    [InlineData("en-GB", "The check digit of the partita IVA is wrong.", "Unknown company type")]
    public async Task Registration_AnswersFieldErrorsInTheCallersLanguage_AndStoresNothing(string culture, string cfMessage, string typeMessage)
    {
        var submitter = await Submitter();
        // The host is shared: count the instances before, as nothing else runs on it meanwhile.
        var instancesBefore = await InstanceCountAsync();
        var input = Input("12345670372") with { Email = "", Types = [new CompanyTypeInput("space-agency", null, null, null)] };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/company-registrations") { Content = JsonContent.Create(new { company = input }) };
        request.Headers.AcceptLanguage.ParseAdd(culture);
        var problem = await ReadAsync(await submitter.SendAsync(request), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(cfMessage, errors.GetProperty("codiceFiscale")[0].GetString());
        Assert.StartsWith(typeMessage, errors.GetProperty("types[0].type")[0].GetString());
        Assert.True(errors.TryGetProperty("email", out _));
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.Set<Company>().CountAsync(c => c.CodiceFiscale == "12345670372"));
        Assert.Equal(instancesBefore, await InstanceCountAsync());
    }

    private async Task<int> InstanceCountAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Runtime.Persistence.WorkflowInstance>().CountAsync();
    }
}
