using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Tests.Hosting;
using MimeKit;

namespace EmployerWorkflows.Web.Tests.JobRoom;

/// <summary>Phase B end to end: the KAE-FFE request email read back from the SMTP server, SECO's update, the release notification.</summary>
[Collection(JobRoomCollection.Name)]
public sealed class WriteRightsTests(JobRoomHost host)
{
    [Fact]
    public async Task WriteRightsRenewal_SendsKaeFfeRequestWithScreenshotAndReleasesCompany_WhenSecoRecordsTheUpdate()
    {
        var company = await host.CompanyAsync("Orologi Mendrisio SA");
        await host.BackPaymentCaseAsync(company, company.AdminAccountId, "A12345678");
        var (id, reference, deadlineId) = await host.RenewalAtLoginStepAsync(company);
        var procedure = await company.Admin.GetFromJsonAsync<JsonElement>($"/api/jobroom/procedures/{id}");
        Assert.Equal("EServiceLogin", procedure.GetProperty("state").GetString());
        Assert.Contains("casesoverviewcreator-ffe?idp=jobroom", procedure.GetProperty("details").GetProperty("eServiceUrl").GetString());
        Assert.Contains(procedure.GetProperty("openTasks")[0].GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "risNumber");

        var login = await company.Admin.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/eservice-login",
            new { risNumber = "A12345678", cadNumber = "CAD-4471", pin = "8812" });
        Assert.True(login.StatusCode == HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        var screenshot = JobRoomScenario.Png.Concat(Encoding.ASCII.GetBytes("errore matita")).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await company.Admin.PostAsync($"/api/jobroom/write-rights/{id}/error-screenshot",
            JobRoomScenario.ScreenshotForm(screenshot, "vecchio.utente@example.ch", "nuovo.utente@example.ch"))).StatusCode);

        var request = Assert.Single(await host.MailAsync("KAE-FFE@seco.admin.ch", $"[KAE-FFE-{reference}]"));
        Assert.Contains("Orologi Mendrisio SA", request.Subject);
        foreach (var expected in new[] { company.Uid, "A12345678", "vecchio.utente@example.ch", "nuovo.utente@example.ch", "Marco Orologi" })
            Assert.Contains(expected, request.TextBody);
        var attachment = Assert.IsType<MimePart>(Assert.Single(request.Attachments));
        using (var content = new MemoryStream())
        {
            await attachment.Content!.DecodeToAsync(content);
            Assert.Equal(screenshot, content.ToArray());
        }
        Assert.Equal("image/png", attachment.ContentType.MimeType);

        using var seco = await host.SecoDeskAsync();
        var matched = await seco.GetFromJsonAsync<JsonElement>($"/api/jobroom/write-rights/by-reference/{Uri.EscapeDataString("Re: " + request.Subject)}");
        Assert.Equal(id, matched.GetProperty("instanceId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await seco.PostAsync($"/api/jobroom/write-rights/{id}/write-rights-updated", null)).StatusCode);

        var release = Assert.Single(await host.MailAsync($"{company.AdminCf}@example.ch", "Diritti di scrittura aggiornati"));
        Assert.Contains("nuovo.utente@example.ch", release.TextBody);
        Assert.Equal(("Released", InstanceStatus.Completed), await StateAsync(id));
        Assert.Equal(("Closed", InstanceStatus.Completed), await StateAsync(deadlineId));
    }

    [Fact]
    public async Task EServiceLogin_NeverStoresNorLogsThePin_WhenItIsTyped()
    {
        const string pin = "Zq7Pin93XkW";
        var company = await host.CompanyAsync("Segreti Bellinzona Sagl");
        var (id, _, _) = await host.RenewalAtLoginStepAsync(company);

        var response = await company.Admin.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/eservice-login",
            new { risNumber = "12345678", cadNumber = "CAD-1", pin });
        await company.Admin.PostAsync($"/api/jobroom/write-rights/{id}/error-screenshot",
            JobRoomScenario.ScreenshotForm(JobRoomScenario.Png, "prima@example.ch", "dopo@example.ch"));
        await host.MailAsync("KAE-FFE@seco.admin.ch", "Segreti Bellinzona Sagl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("AwaitingSecoUpdate", (await host.InstanceAsync(id)).State);
        var needle = Encoding.UTF8.GetBytes(pin);
        var files = host.DatabaseFiles().ToList();
        Assert.Contains(files, f => f.File.EndsWith("-wal"));
        Assert.All(files, f => Assert.True(f.Bytes.AsSpan().IndexOf(needle) < 0, $"PIN found in {f.File}"));
        Assert.NotEmpty(host.Logs.Lines);
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains(pin));
        await OutboxDrain.AllDeliveredAsync(host.Services);
        Assert.DoesNotContain(host.Mailbox.Messages(), m => m.ToString().Contains(pin));
    }

    [Fact]
    public async Task SupportRequest_ReachesJobRoomHelpdeskWithUidDescriptionAndScreenshot_FromAnyStep()
    {
        var company = await host.CompanyAsync("Aiuto Locarno SA");
        var (id, _, _) = await host.RenewalAtLoginStepAsync(company);
        var before = await host.InstanceAsync(id);
        var form = new MultipartFormDataContent
        {
            { new StringContent(company.Uid), "uid" },
            { new StringContent("Dopo il login Job-Room la pagina resta bianca."), "description" },
            { new StringContent(id.ToString()), "instanceId" },
            { new ByteArrayContent(JobRoomScenario.Png), "screenshot", "schermata.png" },
        };

        var response = await company.Admin.PostAsync("/api/jobroom/support-requests", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var mail = Assert.Single(await host.MailAsync("jobroom@alv.admin.ch", company.Uid));
        Assert.Contains("Dopo il login Job-Room la pagina resta bianca.", mail.TextBody);
        Assert.Contains("EServiceLogin", mail.TextBody);
        Assert.Equal("screenshot.png", Assert.IsType<MimePart>(Assert.Single(mail.Attachments)).FileName);
        var after = await host.InstanceAsync(id);
        Assert.Equal((before.State, before.Version), (after.State, after.Version));
    }

    [Fact]
    public async Task WriteRightsApi_AnswersNotFound_WhenCallerIsNotTheResponsiblePerson()
    {
        var company = await host.CompanyAsync("Privata Chiasso SA");
        var (id, _, _) = await host.RenewalAtLoginStepAsync(company);
        using var stranger = await host.ClientAsync(await host.CreatePersonAsync("Ignoto", "Estranei"));
        using var anonymous = host.Anonymous();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/eservice-login",
            new { risNumber = "12345678", cadNumber = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/jobroom/procedures/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/jobroom/write-rights/{id}/write-rights-updated", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/jobroom/write-rights", new { uid = company.Uid })).StatusCode);
        Assert.Equal("EServiceLogin", (await host.InstanceAsync(id)).State);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheKaeFfeSteps()
    {
        using var anonymous = host.Anonymous();

        var document = await anonymous.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/jobroom/write-rights/{instanceId}/error-screenshot", document);
        Assert.Contains("Step 3: uploads the error screenshot with the old and new email address", document);
        Assert.Contains("/api/jobroom/power-of-attorney/{instanceId}/signed-procura", document);
    }

    private async Task<(string, InstanceStatus)> StateAsync(Guid instanceId)
    {
        var instance = await host.InstanceAsync(instanceId);
        return (instance.State, instance.Status);
    }
}
