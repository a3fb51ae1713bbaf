using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Features.JobRoom;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Tests.JobRoom;

/// <summary>Phase A when the UID has no account yet: procura letter, upload, SecoDesk verification, activation.</summary>
public sealed class PowerOfAttorneyTests(JobRoomHost host) : IClassFixture<JobRoomHost>
{
    private static readonly byte[] Png = JobRoomScenario.Png;

    [Fact]
    public async Task PowerOfAttorney_ActivatesFirstAccountAsMainAdministrator_WhenSignedProcuraIsVerified()
    {
        var (uid, cf, user, instanceId) = await RequestFirstAccountAsync("Ticino Trasporti SA");
        using var seco = await host.SecoDeskAsync();

        var letter = await seco.GetAsync($"/api/jobroom/power-of-attorney/{instanceId}/letter");
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
        var pdf = await letter.Content.ReadAsByteArrayAsync();
        Assert.True(PdfText.Contains(pdf, "Ticino Trasporti SA") && PdfText.Contains(pdf, "6900 Lugano") && PdfText.Contains(pdf, uid));

        Assert.Equal(HttpStatusCode.OK, (await seco.PostAsync($"/api/jobroom/power-of-attorney/{instanceId}/dispatched", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(user, instanceId, Png, "procura.png")).StatusCode);
        Assert.Equal("UnderVerification", (await host.InstanceAsync(instanceId)).State);
        var verified = await seco.PostAsync($"/api/jobroom/power-of-attorney/{instanceId}/verify", null);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);

        var account = await AccountAsync(user, uid);
        Assert.Equal(("Active", true), (account.GetProperty("status").GetString(), account.GetProperty("isMainAdministrator").GetBoolean()));
        var mail = Assert.Single(await host.MailAsync($"{cf}@example.ch", "Conto Job-Room attivato"));
        Assert.Contains("amministratore principale", mail.TextBody);
        Assert.Equal(("Activated", InstanceStatus.Completed), await StateAsync(instanceId));
    }

    [Fact]
    public async Task PowerOfAttorney_RemindsThenExpires_WhenNoUploadArrives()
    {
        var (uid, cf, user, instanceId) = await RequestFirstAccountAsync("Ritardi Sagl");
        using var seco = await host.SecoDeskAsync();
        await seco.PostAsync($"/api/jobroom/power-of-attorney/{instanceId}/dispatched", null);

        host.Clock.Advance(TimeSpan.FromDays(9));
        await host.SweepAsync();
        Assert.Equal("AwaitingSignedProcura", (await host.InstanceAsync(instanceId)).State);
        host.Clock.Advance(TimeSpan.FromDays(1.5));
        await host.SweepAsync();
        Assert.Equal("AwaitingSignedProcuraReminded", (await host.InstanceAsync(instanceId)).State);
        Assert.Single(await host.MailAsync($"{cf}@example.ch", "Promemoria: procura firmata di Ritardi Sagl"));

        host.Clock.Advance(TimeSpan.FromDays(20));
        await host.SweepAsync();
        Assert.Equal(("Expired", InstanceStatus.Completed), await StateAsync(instanceId));
        using var again = await host.ClientAsync(cf); // the login cookie of 30 days ago has expired
        Assert.Equal("Expired", (await AccountAsync(again, uid)).GetProperty("status").GetString());
        Assert.Single(await host.MailAsync($"{cf}@example.ch", "Richiesta di conto Job-Room scaduta"));
    }

    [Fact]
    public async Task SignedProcuraUpload_IsRefusedAndNothingStored_WhenFileIsNotPdfOrImage()
    {
        var (_, _, user, instanceId) = await RequestFirstAccountAsync("Contenuti Falsi SA");
        using var seco = await host.SecoDeskAsync();
        await seco.PostAsync($"/api/jobroom/power-of-attorney/{instanceId}/dispatched", null);
        var before = await host.InstanceAsync(instanceId);

        var response = await UploadAsync(user, instanceId, "MZ\u0090 not really a png"u8.ToArray(), "procura.png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("signedProcura", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var after = await host.InstanceAsync(instanceId);
        Assert.Equal((before.State, before.Version), (after.State, after.Version));
        Assert.Equal(0, await host.QueryAsync(db => db.Set<InstanceDocument>().CountAsync(d => d.InstanceId == instanceId && d.Name.StartsWith("signedProcura"))));
    }

    [Fact]
    public async Task AccountRequest_BecomesTaskOfMainAdministrator_WhenUidAlreadyHasAnAccount()
    {
        var company = await host.CompanyAsync("Due Persone SA");
        var (uid, admin) = (company.Uid, company.Admin);
        var colleagueCf = await host.CreatePersonAsync("Carla", "Colleghi");
        using var colleague = await host.ClientAsync(colleagueCf);

        var requested = await colleague.PostAsJsonAsync("/api/jobroom/accounts", new { uid, email = "carla@example.ch" });
        var body = await requested.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        Assert.Equal(AccountRequests.AccessRequest, body.GetProperty("procedure").GetString());
        var instanceId = body.GetProperty("instanceId").GetGuid();
        var tasks = await admin.GetFromJsonAsync<JsonElement>("/api/tasks?limit=200");
        Assert.Contains(tasks.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("instanceId").GetGuid() == instanceId);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.PostAsJsonAsync($"/api/jobroom/access-requests/{instanceId}/approve", new { })).StatusCode);

        var approved = await admin.PostAsJsonAsync($"/api/jobroom/access-requests/{instanceId}/approve", new { });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var account = await AccountAsync(colleague, uid);
        Assert.Equal(("Active", false), (account.GetProperty("status").GetString(), account.GetProperty("isMainAdministrator").GetBoolean()));
        Assert.Single(await host.MailAsync("carla@example.ch", "Accesso al conto Job-Room di Due Persone SA approvato"));
    }

    [Fact]
    public async Task PowerOfAttorneyApi_AnswersWithoutData_WhenCallerIsAnonymousOrNotInvolved()
    {
        var (_, _, _, instanceId) = await RequestFirstAccountAsync("Riservata SA");
        using var anonymous = host.Anonymous();
        using var stranger = await host.ClientAsync(await host.CreatePersonAsync("Estra", "Neo"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/jobroom/procedures/{instanceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/jobroom/procedures/{instanceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/jobroom/power-of-attorney/{instanceId}/letter")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/jobroom/power-of-attorney/{instanceId}/verify", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(stranger, instanceId, Png, "x.png")).StatusCode);
    }

    private async Task<(string Uid, string Cf, HttpClient User, Guid InstanceId)> RequestFirstAccountAsync(string company)
    {
        var uid = JobRoomHost.NewUid();
        await host.RegisterCompanyAsync(uid, company);
        var cf = await host.CreatePersonAsync("Anna", company.Split(' ')[0]);
        var user = await host.ClientAsync(cf);
        var response = await user.PostAsJsonAsync("/api/jobroom/accounts", new { uid, email = $"{cf}@example.ch" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(AccountRequests.PowerOfAttorney, body.GetProperty("procedure").GetString());
        return (uid, cf, user, body.GetProperty("instanceId").GetGuid());
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid instanceId, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "signedProcura", fileName } };
        return client.PostAsync($"/api/jobroom/power-of-attorney/{instanceId}/signed-procura", form);
    }

    private static async Task<JsonElement> AccountAsync(HttpClient client, string uid)
    {
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/jobroom/accounts/mine");
        return mine.EnumerateArray().Single(a => a.GetProperty("uid").GetString() == uid);
    }

    private async Task<(string, InstanceStatus)> StateAsync(Guid instanceId)
    {
        var instance = await host.InstanceAsync(instanceId);
        return (instance.State, instance.Status);
    }
}
