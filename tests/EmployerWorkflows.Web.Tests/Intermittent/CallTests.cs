using System.Net;
using System.Net.Http.Json;
using EmployerWorkflows.Web.Features.Intermittent;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf.IO;

namespace EmployerWorkflows.Web.Tests.Intermittent;

/// <summary>Call communications (rules 22–26, DOMAIN §4.1–4.2): line rules, CO lookup, employer section, sending with receipt.</summary>
public sealed class CallTests(IntermittentHost host) : IClassFixture<IntermittentHost>
{
    private static Task<HttpResponseMessage> AddLineAsync(HttpClient client, Guid id, string? worker, string? start, string? end = null, string? coCode = null) =>
        client.PostAsJsonAsync($"/api/intermittent/communications/{id}/lines", new { workerCf = worker, startDate = start, endDate = end, coCode });

    [Fact]
    public async Task Line_IsRefused_WhenPeriodIsLongerThan30Days()
    {
        var (_, _, admin) = await host.ApprovedCompanyAsync("Lido Azzurro");
        var id = await host.DraftAsync(admin);
        var start = host.Today.AddDays(1);

        var tooLong = await AddLineAsync(admin, id, IntermittentHost.NewWorkerCf(), IntermittentHost.Day(start), IntermittentHost.Day(start.AddDays(30)));
        var thirty = await AddLineAsync(admin, id, IntermittentHost.NewWorkerCf(), IntermittentHost.Day(start), IntermittentHost.Day(start.AddDays(29)));

        Assert.Equal(["endDate"], await IntermittentHost.ErrorFieldsAsync(tooLong));
        Assert.Equal(HttpStatusCode.OK, thirty.StatusCode);
    }

    [Fact]
    public async Task Line_IsRefused_WhenStartIsInThePast_ButAcceptedForToday()
    {
        var (_, _, admin) = await host.ApprovedCompanyAsync("Sagra Paese");
        var id = await host.DraftAsync(admin);

        var yesterday = await AddLineAsync(admin, id, IntermittentHost.NewWorkerCf(), IntermittentHost.Day(host.Today.AddDays(-1)));
        var today = await AddLineAsync(admin, id, IntermittentHost.NewWorkerCf(), IntermittentHost.Day(host.Today));

        Assert.Equal(["startDate"], await IntermittentHost.ErrorFieldsAsync(yesterday));
        Assert.Equal(HttpStatusCode.OK, today.StatusCode);
    }

    [Fact]
    public async Task Line_NeedsValidWorkerCfAndStartDate_EndDateOptional()
    {
        var (_, _, admin) = await host.ApprovedCompanyAsync("Bar Stazione");
        var id = await host.DraftAsync(admin);

        var missing = await AddLineAsync(admin, id, "RSSMRA80A01H501X", null);
        var single = await IntermittentHost.JsonAsync(await AddLineAsync(admin, id, IntermittentHost.NewWorkerCf(), IntermittentHost.Day(host.Today.AddDays(2))), HttpStatusCode.OK);

        Assert.Equal(["workerCf", "startDate"], await IntermittentHost.ErrorFieldsAsync(missing));
        var line = single.GetProperty("communication").GetProperty("lines")[0];
        Assert.Equal((1, true), (line.GetProperty("days").GetInt32(), line.GetProperty("endDate").ValueKind == System.Text.Json.JsonValueKind.Null));
    }

    [Fact]
    public async Task Line_IsRefused_WhenItOverlapsTheSameWorkersPeriod_AndConsecutiveOnesAreMarked()
    {
        var (_, _, admin) = await host.ApprovedCompanyAsync("Ristorante Monte");
        var worker = IntermittentHost.NewWorkerCf();
        var start = host.Today.AddDays(3);
        var id = await host.DraftAsync(admin, (worker, start, start.AddDays(4)));

        var overlapping = await AddLineAsync(admin, id, worker, IntermittentHost.Day(start.AddDays(4)), IntermittentHost.Day(start.AddDays(6)));
        var consecutive = await IntermittentHost.JsonAsync(
            await AddLineAsync(admin, id, worker, IntermittentHost.Day(start.AddDays(5)), IntermittentHost.Day(start.AddDays(6))), HttpStatusCode.OK);

        Assert.Equal(["startDate"], await IntermittentHost.ErrorFieldsAsync(overlapping));
        var lines = consecutive.GetProperty("communication").GetProperty("lines");
        Assert.Equal([false, true], lines.EnumerateArray().Select(l => l.GetProperty("continuesPrevious").GetBoolean()));
    }

    [Fact]
    public async Task Line_IsRefused_WhenItOverlapsAnActiveCallAlreadySent()
    {
        var (_, _, admin) = await host.ApprovedCompanyAsync("Discoteca Luna");
        var worker = IntermittentHost.NewWorkerCf();
        var day = host.Today.AddDays(2);
        await host.SendAsync(admin, await host.DraftAsync(admin, (worker, day, null)));
        var second = await host.DraftAsync(admin);

        Assert.Equal(["startDate"], await IntermittentHost.ErrorFieldsAsync(await AddLineAsync(admin, second, worker, IntermittentHost.Day(day))));
    }

    [Fact]
    public async Task Line_OffersTheIntermittentContracts_AndStoresTheChosenCoCode()
    {
        var (_, companyCf, admin) = await host.ApprovedCompanyAsync("Catering Sud");
        var worker = IntermittentHost.NewWorkerCf();
        var code = $"13{Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999)}";
        using (var helpDesk = await host.HelpDeskAsync())
            await IntermittentHost.JsonAsync(await helpDesk.PostAsJsonAsync("/api/intermittent/contracts",
                new { employerCf = companyCf, workerCf = worker, coCode = code, startDate = IntermittentHost.Day(host.Today.AddDays(-90)) }), HttpStatusCode.Created);
        var id = await host.DraftAsync(admin);
        var day = IntermittentHost.Day(host.Today.AddDays(1));

        var offered = await IntermittentHost.JsonAsync(await AddLineAsync(admin, id, worker, day), HttpStatusCode.OK);
        var lineId = offered.GetProperty("lineId").GetGuid();
        var chosen = await IntermittentHost.JsonAsync(await admin.PutAsJsonAsync($"/api/intermittent/communications/{id}/lines/{lineId}",
            new { workerCf = worker, startDate = day, coCode = code }), HttpStatusCode.OK);
        var unknown = await admin.PutAsJsonAsync($"/api/intermittent/communications/{id}/lines/{lineId}",
            new { workerCf = worker, startDate = day, coCode = "1300000000000001" });

        Assert.Equal(code, offered.GetProperty("contracts")[0].GetProperty("coCode").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, offered.GetProperty("warning").ValueKind);
        Assert.Equal(code, chosen.GetProperty("communication").GetProperty("lines")[0].GetProperty("coCode").GetString());
        Assert.Equal(["coCode"], await IntermittentHost.ErrorFieldsAsync(unknown));
    }

    [Fact]
    public async Task Line_WarnsClearly_WhenTheWorkerHasNoIntermittentContract()
    {
        var (_, _, admin) = await host.ApprovedCompanyAsync("Stabilimento Onda");
        var id = await host.DraftAsync(admin);

        var saved = await IntermittentHost.JsonAsync(await AddLineAsync(admin, id, IntermittentHost.NewWorkerCf(), IntermittentHost.Day(host.Today.AddDays(1))), HttpStatusCode.OK);

        Assert.Equal(0, saved.GetProperty("contracts").GetArrayLength());
        Assert.Contains("senza codice comunicazione", saved.GetProperty("warning").GetString());
    }

    [Fact]
    public async Task Employer_IsTheCompanysOwnAndReadOnly_ForACompany()
    {
        var (_, companyCf, admin) = await host.ApprovedCompanyAsync("Agriturismo Colle");

        var other = await admin.PostAsJsonAsync("/api/intermittent/communications",
            new { employer = new { codiceFiscale = IntermittentHost.NewPartitaIva(), name = "Altro", email = "altro@example.it" } });
        var own = await IntermittentHost.JsonAsync(await admin.PostAsJsonAsync("/api/intermittent/communications", new { }), HttpStatusCode.Created);

        Assert.Equal(["employer.codiceFiscale"], await IntermittentHost.ErrorFieldsAsync(other));
        Assert.Equal((companyCf, false), (own.GetProperty("employer").GetProperty("codiceFiscale").GetString(), own.GetProperty("employerEditable").GetBoolean()));
    }

    [Fact]
    public async Task Employer_IsEnteredAndEditable_ForAConsultant()
    {
        var consultant = await host.ClientAsync(await host.CreatePersonAsync("Marta", "Paghe"));
        var registration = await IntermittentHost.JsonAsync(await consultant.PostAsync("/api/intermittent/registrations",
            IntermittentHost.RegistrationForm(null, IntermittentHost.Pdf, deed: IntermittentHost.Pdf, consultant: true)), HttpStatusCode.Created);
        await host.DecideAsync(registration.GetProperty("instanceId").GetGuid(), "approve");
        var employerCf = IntermittentHost.NewPartitaIva();

        var missing = await consultant.PostAsJsonAsync("/api/intermittent/communications", new { });
        var draft = await IntermittentHost.JsonAsync(await consultant.PostAsJsonAsync("/api/intermittent/communications",
            new { employer = new { codiceFiscale = employerCf, name = "Cliente Uno Srl", email = "paghe@cliente.it" } }), HttpStatusCode.Created);
        var changed = await IntermittentHost.JsonAsync(await consultant.PutAsJsonAsync($"/api/intermittent/communications/{draft.GetProperty("id").GetGuid()}/employer",
            new { employer = new { codiceFiscale = employerCf, name = "Cliente Uno S.r.l.", email = "paghe@cliente.it" } }), HttpStatusCode.OK);

        Assert.Equal(["employer.codiceFiscale", "employer.name", "employer.email"], await IntermittentHost.ErrorFieldsAsync(missing));
        Assert.True(draft.GetProperty("employerEditable").GetBoolean());
        Assert.Equal("Cliente Uno S.r.l.", changed.GetProperty("employer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Send_NeedsConfirmation_ThenGivesNumberReceiptAndEmail_AndTheCommunicationIsFrozen()
    {
        var (companyId, companyCf, admin) = await host.ApprovedCompanyAsync("Pasticceria Dolce");
        var (a, b) = (IntermittentHost.NewWorkerCf(), IntermittentHost.NewWorkerCf());
        var id = await host.DraftAsync(admin, (a, host.Today.AddDays(1), host.Today.AddDays(3)), (b, host.Today.AddDays(2), null));

        var unconfirmed = await admin.PostAsJsonAsync($"/api/intermittent/communications/{id}/send", new { confirm = false });
        var sent = await host.SendAsync(admin, id);

        Assert.Equal(["confirm"], await IntermittentHost.ErrorFieldsAsync(unconfirmed));
        var number = sent.GetProperty("number").GetString()!;
        Assert.Matches("^[0-9]{15}$", number);
        Assert.Equal(("Inviata", "I"), (sent.GetProperty("status").GetString(), sent.GetProperty("typeCode").GetString()));
        var receipt = await admin.GetAsync($"/api/intermittent/communications/{id}/receipt");
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType?.MediaType);
        using (var pdf = PdfReader.Open(await receipt.Content.ReadAsStreamAsync(), PdfDocumentOpenMode.Import))
            Assert.Equal(number, pdf.Info.Title);
        var mail = Assert.Single(await host.MailAsync($"ufficio-{companyCf}@example.it", number));
        Assert.Contains(a, mail.TextBody);
        Assert.Equal($"ricevuta-{number}.pdf", Assert.Single(mail.Attachments).ContentDisposition?.FileName);

        var edit = await AddLineAsync(admin, id, IntermittentHost.NewWorkerCf(), IntermittentHost.Day(host.Today.AddDays(4)));
        var delete = await admin.DeleteAsync($"/api/intermittent/communications/{id}");
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (edit.StatusCode, delete.StatusCode));
        Assert.Equal(1, await host.QueryAsync(db => db.Set<CallCommunication>().CountAsync(c => c.Id == id && c.Number == number)));
        _ = companyId;
    }

    [Fact]
    public async Task Draft_CanBeDeleted_AndListedByState()
    {
        var (_, _, admin) = await host.ApprovedCompanyAsync("Birreria Ponte");
        var kept = await host.DraftAsync(admin, (IntermittentHost.NewWorkerCf(), host.Today.AddDays(1), null));
        var dropped = await host.DraftAsync(admin);
        await host.SendAsync(admin, await host.DraftAsync(admin, (IntermittentHost.NewWorkerCf(), host.Today.AddDays(1), null)));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/intermittent/communications/{dropped}")).StatusCode);

        var drafts = await IntermittentHost.JsonAsync(await admin.GetAsync("/api/intermittent/communications?status=Bozza"), HttpStatusCode.OK);
        var sent = await IntermittentHost.JsonAsync(await admin.GetAsync("/api/intermittent/communications?status=Inviata"), HttpStatusCode.OK);
        Assert.Equal([kept], drafts.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Single(sent.EnumerateArray());
    }

    [Fact]
    public async Task Send_RechecksTheStart_WhenTheDraftWasSavedBeforeTheDayPassed()
    {
        var (_, _, admin) = await host.ApprovedCompanyAsync("Osteria Vecchia");
        var id = await host.DraftAsync(admin, (IntermittentHost.NewWorkerCf(), host.Today, null));
        // Whole days only: the other tests' "today" stays the same in Italy and in UTC.
        host.Clock.Advance(TimeSpan.FromDays(1));
        admin = await host.LoginAgainAsync(admin);

        var response = await admin.PostAsJsonAsync($"/api/intermittent/communications/{id}/send", new { confirm = true });

        Assert.Equal(["lines[0].startDate"], await IntermittentHost.ErrorFieldsAsync(response));
    }
}
