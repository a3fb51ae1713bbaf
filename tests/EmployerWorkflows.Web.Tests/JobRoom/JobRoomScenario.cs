using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmployerWorkflows.Web.Features.JobRoom;

namespace EmployerWorkflows.Web.Tests.JobRoom;

/// <summary>A company with people on Job-Room, set up through the API as a real company would be.</summary>
internal sealed record JobRoomCompany(string Uid, string Name, string AdminCf, HttpClient Admin, Guid AdminAccountId);

internal static class JobRoomScenario
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    /// <summary>A registered company whose first account (its main administrator) was activated by a power of attorney.</summary>
    public static async Task<JobRoomCompany> CompanyAsync(this JobRoomHost host, string name)
    {
        var uid = JobRoomHost.NewUid();
        await host.RegisterCompanyAsync(uid, name);
        var cf = await host.CreatePersonAsync("Marco", name.Split(' ')[0]);
        var admin = await host.ClientAsync(cf);
        var requested = await (await admin.PostAsJsonAsync("/api/jobroom/accounts", new { uid, email = $"{cf}@example.ch" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = requested.GetProperty("instanceId").GetGuid();
        using var seco = await host.SecoDeskAsync();
        await seco.PostAsync($"/api/jobroom/power-of-attorney/{instanceId}/dispatched", null);
        var form = new MultipartFormDataContent { { new ByteArrayContent(Png), "signedProcura", "procura.png" } };
        await admin.PostAsync($"/api/jobroom/power-of-attorney/{instanceId}/signed-procura", form);
        Assert.Equal(HttpStatusCode.OK, (await seco.PostAsync($"/api/jobroom/power-of-attorney/{instanceId}/verify", null)).StatusCode);
        return new JobRoomCompany(uid, name, cf, admin, requested.GetProperty("account").GetProperty("id").GetGuid());
    }

    /// <summary>Asks for an account of the company's UID as a new person; returns the person, their client and the request.</summary>
    public static async Task<(string Cf, HttpClient Client, Guid AccountId, Guid InstanceId)> ColleagueAsync(this JobRoomHost host, JobRoomCompany company, string firstName)
    {
        var cf = await host.CreatePersonAsync(firstName, "Colleghi");
        var client = await host.ClientAsync(cf);
        var response = await client.PostAsJsonAsync("/api/jobroom/accounts", new { uid = company.Uid, email = $"{cf}@example.ch" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(AccountRequests.AccessRequest, body.GetProperty("procedure").GetString());
        return (cf, client, body.GetProperty("account").GetProperty("id").GetGuid(), body.GetProperty("instanceId").GetGuid());
    }

    public static async Task<Guid> BackPaymentCaseAsync(this JobRoomHost host, JobRoomCompany company, Guid filedBy, string ris)
    {
        using var seco = await host.SecoDeskAsync();
        var response = await seco.PostAsJsonAsync("/api/jobroom/back-payment-cases", new { uid = company.Uid, risNumber = ris, filedByAccountId = filedBy });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Starts a renewal on demand as the administrator and confirms their active account.</summary>
    public static async Task<(Guid InstanceId, string Reference, Guid DeadlineId)> RenewalAtLoginStepAsync(this JobRoomHost host, JobRoomCompany company,
        string? correctionDeadline = null)
    {
        var started = await company.Admin.PostAsJsonAsync("/api/jobroom/write-rights", new { uid = company.Uid, correctionDeadline });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("instanceId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await company.Admin.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/account-check", new { })).StatusCode);
        return (id, body.GetProperty("reference").GetString()!, body.GetProperty("deadlineInstanceId").GetGuid());
    }

    public static MultipartFormDataContent ScreenshotForm(byte[]? screenshot, string? oldEmail, string? newEmail, string fileName = "errore.png")
    {
        var form = new MultipartFormDataContent();
        if (screenshot is not null) form.Add(new ByteArrayContent(screenshot), "screenshot", fileName);
        if (oldEmail is not null) form.Add(new StringContent(oldEmail), "oldEmail");
        if (newEmail is not null) form.Add(new StringContent(newEmail), "newEmail");
        return form;
    }

    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }
}
