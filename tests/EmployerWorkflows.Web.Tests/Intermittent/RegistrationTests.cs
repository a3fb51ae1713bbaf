using System.Net;
using System.Net.Http.Json;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Web.Features.Intermittent;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Tests.Intermittent;

/// <summary>Registration to the service (rules 21–22): documents by content, help-desk approval or rejection, email, nothing before approval.</summary>
[Collection(IntermittentCollection.Name)]
public sealed class RegistrationTests(IntermittentHost host)
{
    [Fact]
    public async Task Registration_EnablesCommunications_WhenHelpDeskApproves()
    {
        var (companyId, _, adminCf, admin) = await host.CompanyAsync("Bar Centrale");
        var registration = await IntermittentHost.JsonAsync(
            await admin.PostAsync("/api/intermittent/registrations", IntermittentHost.RegistrationForm(companyId, IntermittentHost.Pdf)), HttpStatusCode.Created);
        var instanceId = registration.GetProperty("instanceId").GetGuid();
        Assert.Equal("Pending", registration.GetProperty("status").GetString());
        Assert.Single(await host.MailAsync($"{adminCf.ToLowerInvariant()}@example.it", "Registrazione a Gestione Intermittenti ricevuta"));
        var documents = await host.QueryAsync(db => db.Set<InstanceDocument>().Where(d => d.InstanceId == instanceId).Select(d => d.Name).ToListAsync());
        Assert.Equal(["identityDocument"], documents);

        Assert.Equal(HttpStatusCode.OK, (await host.DecideAsync(instanceId, "approve")).StatusCode);

        Assert.Single(await host.MailAsync($"{adminCf.ToLowerInvariant()}@example.it", "Registrazione a Gestione Intermittenti approvata"));
        var mine = await IntermittentHost.JsonAsync(await admin.GetAsync("/api/intermittent/registrations/mine"), HttpStatusCode.OK);
        Assert.Equal("Approved", mine[0].GetProperty("status").GetString());
        await IntermittentHost.JsonAsync(await admin.PostAsJsonAsync("/api/intermittent/communications", new { }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Communication_IsRefused_BeforeHelpDeskApproval()
    {
        var (companyId, _, _, admin) = await host.CompanyAsync("Pizzeria Sole");
        await IntermittentHost.JsonAsync(
            await admin.PostAsync("/api/intermittent/registrations", IntermittentHost.RegistrationForm(companyId, IntermittentHost.Pdf)), HttpStatusCode.Created);

        var response = await admin.PostAsJsonAsync("/api/intermittent/communications", new { });

        var body = await IntermittentHost.JsonAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("approvazione", body.GetProperty("title").GetString());
        Assert.Equal(0, await host.QueryAsync(db => db.Set<CallCommunication>()
            .CountAsync(c => db.Set<ServiceRegistration>().Any(r => r.Id == c.RegistrationId && r.CompanyId == companyId))));
    }

    [Fact]
    public async Task Rejection_TellsApplicantTheReason_AndKeepsCommunicationsClosed()
    {
        var (companyId, _, adminCf, admin) = await host.CompanyAsync("Hotel Lago");
        var registration = await IntermittentHost.JsonAsync(
            await admin.PostAsync("/api/intermittent/registrations", IntermittentHost.RegistrationForm(companyId, IntermittentHost.Pdf)), HttpStatusCode.Created);
        var instanceId = registration.GetProperty("instanceId").GetGuid();

        Assert.Equal(HttpStatusCode.BadRequest, (await host.DecideAsync(instanceId, "reject")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.DecideAsync(instanceId, "reject", "Il documento non è firmato.")).StatusCode);

        var mail = Assert.Single(await host.MailAsync($"{adminCf.ToLowerInvariant()}@example.it", "respinta"));
        Assert.Contains("Il documento non è firmato.", mail.TextBody);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/intermittent/communications", new { })).StatusCode);
    }

    [Fact]
    public async Task Registration_RefusesIdentityDocument_WhenContentIsNotAnAcceptedFormat()
    {
        var (companyId, _, _, admin) = await host.CompanyAsync("Trattoria Nord");
        var response = await admin.PostAsync("/api/intermittent/registrations",
            IntermittentHost.RegistrationForm(companyId, "just text, not a document"u8.ToArray(), "documento.pdf"));

        Assert.Equal(["identityDocument"], await IntermittentHost.ErrorFieldsAsync(response));
        Assert.Equal(0, await host.QueryAsync(db => db.Set<ServiceRegistration>().CountAsync(r => r.CompanyId == companyId)));
    }

    [Fact]
    public async Task ConsultantRegistration_RequiresAttoDiNotorieta()
    {
        var consultant = await host.ClientAsync(await host.CreatePersonAsync("Paolo", "Consulenti"));

        var response = await consultant.PostAsync("/api/intermittent/registrations",
            IntermittentHost.RegistrationForm(null, IntermittentHost.Pdf, consultant: true));

        Assert.Equal(["notarialDeed"], await IntermittentHost.ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task ConsultantRegistration_AcceptsTiffAndBmp_RecognisedByContent()
    {
        var consultant = await host.ClientAsync(await host.CreatePersonAsync("Lucia", "Studio"));

        var created = await IntermittentHost.JsonAsync(await consultant.PostAsync("/api/intermittent/registrations",
            IntermittentHost.RegistrationForm(null, IntermittentHost.Tiff, "id.tiff", IntermittentHost.Bmp, consultant: true)), HttpStatusCode.Created);

        var instanceId = created.GetProperty("instanceId").GetGuid();
        var types = await host.QueryAsync(db => db.Set<InstanceDocument>().Where(d => d.InstanceId == instanceId)
            .OrderBy(d => d.Name).Select(d => d.ContentType).ToListAsync());
        Assert.Equal(["image/tiff", "image/bmp"], types);
        Assert.Equal("Consultant", created.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task CompanyRegistration_IsRefused_ForCompanyTheApplicantDoesNotAdminister()
    {
        var (companyId, _, _, _) = await host.CompanyAsync("Gelateria Est");
        var stranger = await host.ClientAsync(await host.CreatePersonAsync("Ugo", "Estranei"));

        var response = await stranger.PostAsync("/api/intermittent/registrations", IntermittentHost.RegistrationForm(companyId, IntermittentHost.Pdf));

        Assert.Equal(["companyId"], await IntermittentHost.ErrorFieldsAsync(response));
    }
}
