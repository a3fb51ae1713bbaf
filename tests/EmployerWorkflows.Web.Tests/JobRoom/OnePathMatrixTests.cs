using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Tests.JobRoom;

/// <summary>
/// Every Job-Room step that has a dedicated route, fired by every kind of caller (the person whose task it is, a
/// person of another company, an agency reviewer, the SECO desk, the company's own administrator, an anonymous
/// caller), through the generic task API and through the dedicated route: same status, same resulting state. A
/// payload naming a variable the procedure sets is refused and changes nothing.
/// </summary>
[Collection(JobRoomCollection.Name)]
public sealed class OnePathMatrixTests(JobRoomHost host)
{
    /// <summary>An instance waiting at the step, the client of whoever works it, and the company's administrator.</summary>
    private sealed record Subject(Guid InstanceId, HttpClient Worker, HttpClient CompanyAdmin);

    private sealed record Step(string Trigger, JsonObject? Payload, Func<JobRoomHost, Task<Subject>> Arrange,
        Func<HttpClient, Guid, Task<HttpResponseMessage>> Route);

    private static readonly Dictionary<string, Step> Steps = new()
    {
        ["access request approved"] = new("approve", null, ColleagueRequestAsync,
            (c, id) => c.PostAsJsonAsync($"/api/jobroom/access-requests/{id}/approve", new { })),
        ["access request refused"] = new("refuse", new JsonObject { ["reason"] = "Persona sconosciuta" }, ColleagueRequestAsync,
            (c, id) => c.PostAsJsonAsync($"/api/jobroom/access-requests/{id}/refuse", new { reason = "Persona sconosciuta" })),
        ["account confirmed"] = new("accountConfirmed", null, RenewalAtAccountCheckAsync,
            (c, id) => c.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/account-check", new { })),
        ["eService login"] = new("loggedIn", new JsonObject { ["risNumber"] = "A12345678", ["cadNumber"] = "CAD-7" }, RenewalAtLoginAsync,
            (c, id) => c.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/eservice-login", new { risNumber = "A12345678", cadNumber = "CAD-7" })),
        ["eService login, other RIS"] = new("loggedIn", new JsonObject { ["risNumber"] = "B87654321", ["cadNumber"] = "CAD-7" }, RenewalAtLoginAsync,
            (c, id) => c.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/eservice-login", new { risNumber = "B87654321", cadNumber = "CAD-7" })),
        ["write rights updated"] = new("writeRightsUpdated", null, RenewalAwaitingSecoAsync,
            (c, id) => c.PostAsync($"/api/jobroom/write-rights/{id}/write-rights-updated", null)),
        ["procura posted"] = new("dispatched", null, FirstAccountRequestAsync,
            (c, id) => c.PostAsync($"/api/jobroom/power-of-attorney/{id}/dispatched", null)),
        ["signed procura verified"] = new("verify", null, SignedProcuraAsync,
            (c, id) => c.PostAsync($"/api/jobroom/power-of-attorney/{id}/verify", null)),
        ["signed procura rejected"] = new("reject", new JsonObject { ["reason"] = "Firma mancante" }, SignedProcuraAsync,
            (c, id) => c.PostAsJsonAsync($"/api/jobroom/power-of-attorney/{id}/reject", new { reason = "Firma mancante" })),
    };

    public static TheoryData<string> StepNames => new(Steps.Keys);

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task Step_AnswersAndEndsAlike_ThroughTaskApiAndDedicatedRoute_ForItsWorker(string name)
    {
        var step = Steps[name];
        var viaTasks = await step.Arrange(host);
        var viaRoute = await step.Arrange(host);

        var generic = await CompleteAsync(viaTasks.Worker, viaTasks.InstanceId, step.Trigger, step.Payload);
        var dedicated = await step.Route(viaRoute.Worker, viaRoute.InstanceId);

        Assert.True(generic.StatusCode == dedicated.StatusCode,
            $"{name}: task API {generic.StatusCode} {await generic.Content.ReadAsStringAsync()}, route {dedicated.StatusCode} {await dedicated.Content.ReadAsStringAsync()}");
        Assert.Equal(await OutcomeAsync(viaTasks.InstanceId), await OutcomeAsync(viaRoute.InstanceId));
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task Step_RefusesEveryOtherCallerAlike_ThroughTaskApiAndDedicatedRoute(string name)
    {
        var step = Steps[name];
        var subject = await step.Arrange(host);
        var before = await OutcomeAsync(subject.InstanceId);
        var other = await host.CompanyAsync($"Estranei {Guid.NewGuid():N}"[..24]);
        using var reviewer = await host.ClientAsync(TestClients.DemoUserWithRole(Roles.AgencyReviewer));
        using var secoDesk = await host.SecoDeskAsync();
        using var anonymous = host.Anonymous();
        var callers = new Dictionary<string, HttpClient>
        {
            ["other company"] = other.Admin, ["reviewer"] = reviewer, ["SECO desk"] = secoDesk,
            ["company administrator"] = subject.CompanyAdmin, ["anonymous"] = anonymous,
        };
        var workerIsSecoDesk = await IsSecoDeskStepAsync(subject.InstanceId);

        foreach (var (caller, client) in callers.Where(c => c.Value != subject.Worker && !(workerIsSecoDesk && c.Key == "SECO desk")))
        {
            var generic = await CompleteAsync(client, subject.InstanceId, step.Trigger, step.Payload);
            var dedicated = await step.Route(client, subject.InstanceId);

            Assert.True(generic.StatusCode == dedicated.StatusCode, $"{name}, {caller}: task API {generic.StatusCode}, route {dedicated.StatusCode}");
            Assert.True(generic.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound, $"{name}, {caller}: {generic.StatusCode}");
            Assert.Equal(before, await OutcomeAsync(subject.InstanceId));
        }
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task Step_RefusesAPayloadNamingTheCompany_ThroughTheTaskApi(string name)
    {
        var step = Steps[name];
        var subject = await step.Arrange(host);
        var before = await OutcomeAsync(subject.InstanceId);
        var payload = step.Payload?.DeepClone().AsObject() ?? [];
        payload["company"] = new JsonObject { ["uid"] = "CHE-116.281.710", ["name"] = "Altra SA" };

        var errors = await TaskPaths.ProblemAsync(await CompleteAsync(subject.Worker, subject.InstanceId, step.Trigger, payload));

        Assert.True(errors.TryGetProperty("company", out _), name);
        Assert.Equal(before, await OutcomeAsync(subject.InstanceId));
    }

    /// <summary>The generic path: the instance's open task offering the trigger, completed by <paramref name="client"/>.</summary>
    private async Task<HttpResponseMessage> CompleteAsync(HttpClient client, Guid instanceId, string trigger, JsonObject? payload)
    {
        var tasks = await host.QueryAsync(db => db.Set<WorkflowTask>()
            .Where(t => t.InstanceId == instanceId && t.Status == WorkflowTaskStatus.Open).ToListAsync());
        var task = Assert.Single(tasks, t => t.ActionList.Contains(trigger));
        return await client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { action = trigger, payload = payload?.DeepClone() });
    }

    private async Task<(string State, InstanceStatus Status, long Version)> OutcomeAsync(Guid instanceId)
    {
        var instance = await host.InstanceAsync(instanceId);
        return (instance.State, instance.Status, instance.Version);
    }

    private Task<bool> IsSecoDeskStepAsync(Guid instanceId) =>
        host.QueryAsync(db => db.Set<WorkflowTask>().AnyAsync(t => t.InstanceId == instanceId && t.Status == WorkflowTaskStatus.Open && t.Role == Roles.SecoDesk));

    private static async Task<Subject> ColleagueRequestAsync(JobRoomHost host)
    {
        var company = await host.CompanyAsync($"Accessi {Guid.NewGuid():N}"[..24]);
        var colleague = await host.ColleagueAsync(company, "Matrice");
        return new Subject(colleague.InstanceId, company.Admin, company.Admin);
    }

    private static async Task<Subject> RenewalAtAccountCheckAsync(JobRoomHost host)
    {
        var company = await host.CompanyAsync($"Verifiche {Guid.NewGuid():N}"[..24]);
        var started = await company.Admin.PostAsJsonAsync("/api/jobroom/write-rights", new { uid = company.Uid });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("instanceId").GetGuid();
        return new Subject(id, company.Admin, company.Admin);
    }

    private static async Task<Subject> RenewalAtLoginAsync(JobRoomHost host)
    {
        var company = await host.CompanyAsync($"Accessi RIS {Guid.NewGuid():N}"[..24]);
        await host.BackPaymentCaseAsync(company, company.AdminAccountId, "A12345678");
        var (id, _, _) = await host.RenewalAtLoginStepAsync(company);
        return new Subject(id, company.Admin, company.Admin);
    }

    private static async Task<Subject> RenewalAwaitingSecoAsync(JobRoomHost host)
    {
        var company = await host.CompanyAsync($"Attese SECO {Guid.NewGuid():N}"[..24]);
        var (id, _, _) = await host.RenewalAtLoginStepAsync(company);
        Assert.Equal(HttpStatusCode.OK, (await company.Admin.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/eservice-login",
            new { risNumber = "A12345678", cadNumber = "CAD-7" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await company.Admin.PostAsync($"/api/jobroom/write-rights/{id}/error-screenshot",
            JobRoomScenario.ScreenshotForm(JobRoomScenario.Png, "vecchio@example.ch", "nuovo@example.ch"))).StatusCode);
        return new Subject(id, await host.SecoDeskAsync(), company.Admin);
    }

    private static async Task<Subject> SignedProcuraAsync(JobRoomHost host)
    {
        var request = await FirstAccountRequestAsync(host);
        Assert.Equal(HttpStatusCode.OK, (await request.Worker.PostAsync($"/api/jobroom/power-of-attorney/{request.InstanceId}/dispatched", null)).StatusCode);
        var upload = new MultipartFormDataContent { { new ByteArrayContent(JobRoomScenario.Png), "signedProcura", "procura.png" } };
        Assert.Equal(HttpStatusCode.OK, (await request.CompanyAdmin.PostAsync($"/api/jobroom/power-of-attorney/{request.InstanceId}/signed-procura", upload)).StatusCode);
        return request;
    }

    private static async Task<Subject> FirstAccountRequestAsync(JobRoomHost host)
    {
        var uid = JobRoomHost.NewUid();
        await host.RegisterCompanyAsync(uid, $"Procure {uid}");
        var cf = await host.CreatePersonAsync("Paola", "Procure");
        var person = await host.ClientAsync(cf);
        var response = await person.PostAsJsonAsync("/api/jobroom/accounts", new { uid, email = $"{cf}@example.ch" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("instanceId").GetGuid();
        return new Subject(id, await host.SecoDeskAsync(), person);
    }
}
