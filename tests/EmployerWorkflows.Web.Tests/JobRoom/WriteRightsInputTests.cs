using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Web.Features.JobRoom;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Tests.JobRoom;

/// <summary>Bad input gets field errors in the caller's language, stores nothing and leaves the procedure where it was.</summary>
[Collection(JobRoomCollection.Name)]
public sealed class WriteRightsInputTests(JobRoomHost host)
{
    [Fact]
    public async Task StartRenewal_RefusesInvalidUid_WithoutCreatingAProcedure()
    {
        var company = await host.CompanyAsync("Numeri Errati SA");
        var before = await host.QueryAsync(db => db.Set<WriteRightsProcedure>().CountAsync());

        var response = await company.Admin.PostAsJsonAsync("/api/jobroom/write-rights", new { uid = "CHE-109.322.552" });

        Assert.Equal(["uid"], await JobRoomScenario.ErrorFieldsAsync(response));
        Assert.Equal(before, await host.QueryAsync(db => db.Set<WriteRightsProcedure>().CountAsync()));
    }

    [Fact]
    public async Task AccountRequest_FindsTheCompany_WhenUidIsWrittenCompactWithVatSuffix()
    {
        var company = await host.CompanyAsync("Formati Vari SA");
        using var colleague = await host.ClientAsync(await host.CreatePersonAsync("Ugo", "Formati"));
        var compact = company.Uid.Replace("-", "").Replace(".", "") + " MWST";

        var response = await colleague.PostAsJsonAsync("/api/jobroom/accounts", new { uid = compact, email = "ugo@example.ch" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((company.Uid, AccountRequests.AccessRequest),
            (body.GetProperty("account").GetProperty("uid").GetString(), body.GetProperty("procedure").GetString()));
    }

    [Theory]
    [InlineData("1234567", "risNumber")]
    [InlineData("B87654321", "risNumber")]
    [InlineData("", "risNumber")]
    public async Task EServiceLogin_RefusesWrongRis_AndLeavesTheStepUnchanged(string ris, string field)
    {
        var company = await host.CompanyAsync($"Ris {ris.Length} SA");
        await host.BackPaymentCaseAsync(company, company.AdminAccountId, "A12345678");
        var (id, _, _) = await host.RenewalAtLoginStepAsync(company);
        var before = await host.InstanceAsync(id);

        var response = await company.Admin.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/eservice-login", new { risNumber = ris, cadNumber = "CAD-9" });

        Assert.Equal([field], await JobRoomScenario.ErrorFieldsAsync(response));
        var after = await host.InstanceAsync(id);
        Assert.Equal(("EServiceLogin", before.Version, before.Variables), (after.State, after.Version, after.Variables));
    }

    // The screenshot is named, not given: theory rows are serialized at discovery, and a 10 MB array made that last a minute.
    public static TheoryData<string, string?, string?, string?, string> BadScreenshotRequests => new()
    {
        { "not an image", "gif named png", "vecchio@example.ch", "nuovo@example.ch", "screenshot" },
        { "oversize", "oversize png", "vecchio@example.ch", "nuovo@example.ch", "screenshot" },
        { "missing screenshot", null, "vecchio@example.ch", "nuovo@example.ch", "screenshot" },
        { "missing new email", "png", "vecchio@example.ch", null, "newEmail" },
        { "same email", "png", "vecchio@example.ch", "VECCHIO@example.ch", "newEmail" },
        { "bad old email", "png", "vecchio(at)example", "nuovo@example.ch", "oldEmail" },
    };

    private static byte[]? Screenshot(string? kind) => kind switch
    {
        null => null,
        "png" => JobRoomScenario.Png,
        "gif named png" => "GIF89a but named png"u8.ToArray(),
        "oversize png" => [.. JobRoomScenario.Png, .. new byte[10 * 1024 * 1024]],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such screenshot."),
    };

    [Theory]
    [MemberData(nameof(BadScreenshotRequests))]
    public async Task ErrorScreenshot_RefusesBadInput_AndStoresAndSendsNothing(string why, string? screenshotKind, string? oldEmail, string? newEmail, string field)
    {
        var screenshot = Screenshot(screenshotKind);
        var company = await host.CompanyAsync($"Schermate {why.Replace(" ", "")} SA");
        var (id, reference, _) = await host.RenewalAtLoginStepAsync(company);
        await company.Admin.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/eservice-login", new { risNumber = "12345678", cadNumber = "CAD-2" });
        var before = await host.InstanceAsync(id);

        var response = await company.Admin.PostAsync($"/api/jobroom/write-rights/{id}/error-screenshot",
            JobRoomScenario.ScreenshotForm(screenshot, oldEmail, newEmail));

        Assert.Equal([field], await JobRoomScenario.ErrorFieldsAsync(response));
        var after = await host.InstanceAsync(id);
        Assert.Equal(("ErrorScreenshot", before.Version, before.Variables), (after.State, after.Version, after.Variables));
        Assert.False(await host.QueryAsync(db => db.Set<InstanceDocument>().AnyAsync(d => d.InstanceId == id)));
        Assert.False(await host.QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Subject.Contains(reference))));
    }

    [Fact]
    public async Task FieldErrors_AreInEnglish_WhenTheCallerAsksForEnglish()
    {
        var company = await host.CompanyAsync("Lingue Inglesi SA");
        var (id, _, _) = await host.RenewalAtLoginStepAsync(company);
        using var english = await host.ClientAsync(company.AdminCf, "en");
        await english.PostAsJsonAsync($"/api/jobroom/write-rights/{id}/eservice-login", new { risNumber = "12345678", cadNumber = "CAD-3" });

        var response = await english.PostAsync($"/api/jobroom/write-rights/{id}/error-screenshot",
            JobRoomScenario.ScreenshotForm(JobRoomScenario.Png, "old@example.ch", null));

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("This field is required.", body.GetProperty("errors").GetProperty("newEmail")[0].GetString());
    }
}
