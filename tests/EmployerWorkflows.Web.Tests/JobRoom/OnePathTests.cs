using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Features.JobRoom;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace EmployerWorkflows.Web.Tests.JobRoom;

/// <summary>
/// The Job-Room steps do the same thing, with the same refusals, through the task API and the task page as through
/// their dedicated endpoints: the checks and side effects are the definitions'.
/// </summary>
[Collection(JobRoomCollection.Name)]
public sealed class OnePathTests(JobRoomHost host)
{
    [Fact]
    public async Task LoggedIn_RefusesOtherRisNumber_ThroughTheTaskApi()
    {
        var company = await host.CompanyAsync("Percorsi Chiasso SA");
        await host.BackPaymentCaseAsync(company, company.AdminAccountId, "A12345678");
        var (id, _, _) = await host.RenewalAtLoginStepAsync(company);

        var response = await TaskPaths.CompleteAsync(company.Admin, id, "loggedIn",
            new JsonObject { ["risNumber"] = "B87654321", ["cadNumber"] = "CAD-1" });

        var errors = await TaskPaths.ProblemAsync(response);
        Assert.Equal(["risNumber"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal("EServiceLogin", (await host.InstanceAsync(id)).State);
    }

    [Fact]
    public async Task LoggedIn_RefusesOtherRisNumber_ThroughTheTaskPage()
    {
        var company = await host.CompanyAsync("Pagine Riva SA");
        await host.BackPaymentCaseAsync(company, company.AdminAccountId, "A12345678");
        var (id, _, _) = await host.RenewalAtLoginStepAsync(company);

        var response = await TaskPaths.PostPageAsync(company.Admin, id, "loggedIn",
            new Dictionary<string, string> { ["risNumber"] = "B87654321", ["cadNumber"] = "CAD-1" });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Il numero RIS non è quello della richiesta di pagamento arretrato di questo IDI.", html);
        Assert.Equal("EServiceLogin", (await host.InstanceAsync(id)).State);
    }

    [Fact]
    public async Task AccountConfirmed_IsRefused_ThroughTheTaskApi_WhenTheAccountIsNotActive()
    {
        var company = await host.CompanyAsync("Conferme Agno SA");
        var colleague = await host.ColleagueAsync(company, "Ilaria");
        var id = await StartRenewalAsync(colleague.Client, company);

        var errors = await TaskPaths.ProblemAsync(await TaskPaths.CompleteAsync(colleague.Client, id, "accountConfirmed", null));

        Assert.True(errors.TryGetProperty("email", out _));
        Assert.Equal("AccountCheck", (await host.InstanceAsync(id)).State);
    }

    [Fact]
    public async Task NeedsAccount_FilesJobRoomRequest_ThroughTheTaskApi()
    {
        var company = await host.CompanyAsync("Richieste Melide SA");
        var colleague = await host.ColleagueAsync(company, "Bruno");
        var id = await StartRenewalAsync(colleague.Client, company);
        await company.Admin.PostAsJsonAsync($"/api/jobroom/access-requests/{colleague.InstanceId}/refuse", new { reason = "Da verificare" });
        Assert.Equal(JobRoomAccountStatus.Refused, await StatusAsync(colleague.AccountId));

        var response = await TaskPaths.CompleteAsync(colleague.Client, id, "needsAccount", new JsonObject { ["email"] = "bruno.nuovo@example.ch" });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("AwaitingAccount", (await host.InstanceAsync(id)).State);
        Assert.Equal(JobRoomAccountStatus.AwaitingApproval, await StatusAsync(colleague.AccountId));
    }

    [Fact]
    public async Task SubmitRequest_SendsScreenshotToKaeFfe_ThroughUploadAndTaskApi()
    {
        var company = await host.CompanyAsync("Allegati Lugano SA");
        var (id, reference, _) = await AtScreenshotStepAsync(company);
        var screenshot = JobRoomScenario.Png.Concat(Encoding.ASCII.GetBytes("via api")).ToArray();
        var documentId = await TaskPaths.UploadAsync(company.Admin, id, "screenshot", screenshot, "errore.png");

        var response = await TaskPaths.CompleteAsync(company.Admin, id, "submitRequest", new JsonObject
        {
            ["screenshot"] = documentId, ["oldEmail"] = "vecchio@example.ch", ["newEmail"] = "nuovo@example.ch",
        });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var request = Assert.Single(await host.MailAsync("KAE-FFE@seco.admin.ch", $"[KAE-FFE-{reference}]"));
        Assert.Equal(screenshot, await ContentAsync(Assert.IsType<MimePart>(Assert.Single(request.Attachments))));
    }

    [Fact]
    public async Task SubmitRequest_SendsScreenshotToKaeFfe_ThroughTheTaskPage()
    {
        var company = await host.CompanyAsync("Schermate Ponte SA");
        var (id, reference, _) = await AtScreenshotStepAsync(company);
        var screenshot = JobRoomScenario.Png.Concat(Encoding.ASCII.GetBytes("via pagina")).ToArray();

        var response = await TaskPaths.PostPageAsync(company.Admin, id, "submitRequest",
            new Dictionary<string, string> { ["oldEmail"] = "vecchio@example.ch", ["newEmail"] = "nuovo@example.ch" },
            ("screenshot", screenshot, "errore.png"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var request = Assert.Single(await host.MailAsync("KAE-FFE@seco.admin.ch", $"[KAE-FFE-{reference}]"));
        Assert.Equal(screenshot, await ContentAsync(Assert.IsType<MimePart>(Assert.Single(request.Attachments))));
    }

    [Fact]
    public async Task SubmitRequest_RefusesADocumentOfAnotherProcedure_ThroughTheTaskApi()
    {
        var company = await host.CompanyAsync("Documenti Altrui SA");
        var (id, _, _) = await AtScreenshotStepAsync(company);
        var other = await host.CompanyAsync("Documenti Propri SA");
        var (otherId, _, _) = await AtScreenshotStepAsync(other);
        var foreign = await TaskPaths.UploadAsync(other.Admin, otherId, "screenshot", JobRoomScenario.Png, "errore.png");

        var errors = await TaskPaths.ProblemAsync(await TaskPaths.CompleteAsync(company.Admin, id, "submitRequest", new JsonObject
        {
            ["screenshot"] = foreign, ["oldEmail"] = "vecchio@example.ch", ["newEmail"] = "nuovo@example.ch",
        }));

        Assert.Equal(["screenshot"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ErrorScreenshot", (await host.InstanceAsync(id)).State);
    }

    [Fact]
    public async Task WriteRightsUpdated_ClosesTheCorrectionDeadline_ThroughTheTaskApi()
    {
        var company = await host.CompanyAsync("Scadenze Caslano SA");
        var (id, _, deadlineId) = await AtScreenshotStepAsync(company);
        var form = JobRoomScenario.ScreenshotForm(JobRoomScenario.Png, "vecchio@example.ch", "nuovo@example.ch");
        Assert.Equal(HttpStatusCode.OK, (await company.Admin.PostAsync($"/api/jobroom/write-rights/{id}/error-screenshot", form)).StatusCode);
        using var seco = await host.SecoDeskAsync();

        var response = await TaskPaths.CompleteAsync(seco, id, "writeRightsUpdated", null);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var deadline = await host.InstanceAsync(deadlineId);
        Assert.Equal(("Closed", InstanceStatus.Completed), (deadline.State, deadline.Status));
    }

    [Fact]
    public async Task Upload_RefusesAccountIdAndMissingFile_ThroughTheTaskApi()
    {
        var (person, instanceId, accountId) = await ProcuraPostedAsync("Procure Vira SA");

        var errors = await TaskPaths.ProblemAsync(await TaskPaths.CompleteAsync(person, instanceId, "upload",
            new JsonObject { ["accountId"] = Guid.NewGuid().ToString() }));

        Assert.Equal(["accountId", "signedProcura"], errors.EnumerateObject().Select(p => p.Name).Order());
        var instance = await host.InstanceAsync(instanceId);
        Assert.Equal(("AwaitingSignedProcura", accountId.ToString()), (instance.State, JsonNode.Parse(instance.Variables)!["accountId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Dispatched_StartsTheUploadWindow_ThroughTheTaskPage()
    {
        var uid = JobRoomHost.NewUid();
        await host.RegisterCompanyAsync(uid, "Spedizioni Morcote SA");
        var person = await host.ClientAsync(await host.CreatePersonAsync("Paola", "Spedizioni"));
        var requested = await (await person.PostAsJsonAsync("/api/jobroom/accounts", new { uid, email = "paola@example.ch" })).Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = requested.GetProperty("instanceId").GetGuid();
        using var seco = await host.SecoDeskAsync();

        var response = await TaskPaths.PostPageAsync(seco, instanceId, "dispatched");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var instance = await host.InstanceAsync(instanceId);
        Assert.Equal("AwaitingSignedProcura", instance.State);
        Assert.NotNull(JsonNode.Parse(instance.Variables)!["expiresAt"]);
    }

    [Fact]
    public async Task Upload_AcceptsTheSignedProcura_ThroughTheTaskPage()
    {
        var (person, instanceId, _) = await ProcuraPostedAsync("Firme Gandria SA");

        var response = await TaskPaths.PostPageAsync(person, instanceId, "upload", file: ("signedProcura", JobRoomScenario.Png, "procura.png"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("UnderVerification", (await host.InstanceAsync(instanceId)).State);
    }

    private async Task<(HttpClient Person, Guid InstanceId, Guid AccountId)> ProcuraPostedAsync(string name)
    {
        var uid = JobRoomHost.NewUid();
        await host.RegisterCompanyAsync(uid, name);
        var person = await host.ClientAsync(await host.CreatePersonAsync("Paolo", name.Split(' ')[0]));
        var requested = await (await person.PostAsJsonAsync("/api/jobroom/accounts", new { uid, email = $"{Guid.NewGuid():N}@example.ch" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = requested.GetProperty("instanceId").GetGuid();
        using var seco = await host.SecoDeskAsync();
        Assert.Equal(HttpStatusCode.OK, (await seco.PostAsync($"/api/jobroom/power-of-attorney/{instanceId}/dispatched", null)).StatusCode);
        return (person, instanceId, requested.GetProperty("account").GetProperty("id").GetGuid());
    }

    private async Task<(Guid Id, string Reference, Guid DeadlineId)> AtScreenshotStepAsync(JobRoomCompany company)
    {
        var (id, reference, deadlineId) = await host.RenewalAtLoginStepAsync(company);
        Assert.Equal(HttpStatusCode.OK, (await company.Admin.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/eservice-login",
            new { risNumber = "12345678", cadNumber = "CAD-3" })).StatusCode);
        return (id, reference, deadlineId);
    }

    private static async Task<Guid> StartRenewalAsync(HttpClient client, JobRoomCompany company)
    {
        var started = await client.PostAsJsonAsync("/api/jobroom/write-rights", new { uid = company.Uid });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetGuid();
    }

    private Task<JobRoomAccountStatus> StatusAsync(Guid accountId) =>
        host.QueryAsync(db => db.Set<JobRoomAccount>().Where(a => a.Id == accountId).Select(a => a.Status).SingleAsync());

    private static async Task<byte[]> ContentAsync(MimePart part)
    {
        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content);
        return content.ToArray();
    }
}
