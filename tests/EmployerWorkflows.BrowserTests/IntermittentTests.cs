using EmployerWorkflows.BrowserTests.Hosting;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Features.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

/// <summary>Gestione Intermittenti end to end: registration, help desk approval, two workers, receipt, cancellation of an Attiva call.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IntermittentTests(Chromium chromium) : BrowserScenario(chromium)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    /// <summary>An active company administered by a new person; returns the person's codice fiscale.</summary>
    private async Task<string> CompanyAdministratorAsync(string name)
    {
        var cf = await PersonAsync("NTRBRI");
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.SingleAsync(u => u.CodiceFiscale == cf);
        var company = new Company
        {
            CodiceFiscale = "12345670371", Name = name, Email = "ufficio@bar-intermittente.it", Status = CompanyStatus.Active,
            SubmittedByUserId = user.Id, CreatedAt = App.Clock.GetUtcNow(), UpdatedAt = App.Clock.GetUtcNow(),
        };
        db.Add(company);
        db.Add(new Membership { CompanyId = company.Id, UserId = user.Id, Kind = MembershipKind.Administrator, CreatedAt = App.Clock.GetUtcNow(), CreatedByUserId = user.Id });
        await db.SaveChangesAsync();
        return cf;
    }

    [Fact]
    public async Task Intermittent_RegistrationApprovalCallsReceiptAndCancellation_InBrowser()
    {
        var company = await LoginAsync(await CompanyAdministratorAsync("Bar Intermittente"));
        company.Dialog += (_, dialog) => dialog.AcceptAsync();
        await company.VisitAsync("/intermittent");
        await AssertEveryInputLabelledAsync(company);
        await company.GetByLabel("Azienda (se non sei consulente)").SelectOptionAsync(new SelectOptionValue { Label = "Bar Intermittente (12345670371)" });
        await company.GetByLabel("Documento d'identità (pdf, jpeg, jpg, png, tiff, bmp)").SetInputFilesAsync(
            new FilePayload { Name = "documento.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await company.GetByRole(AriaRole.Button, new() { Name = "Invia registrazione" }).ClickAsync();
        await Expect(company.Locator(".registration-status")).ToContainTextAsync("in verifica dall'Help Desk");
        await Expect(company.GetByRole(AriaRole.Button, new() { Name = "Invia nuova comunicazione", Exact = false })).ToHaveCountAsync(0);

        var helpDesk = await LoginAsync(HelpDesk);
        await helpDesk.VisitAsync("/intermittent/registrations");
        await ScreenshotAsync(helpDesk, "intermittent-registrations");
        await helpDesk.Locator("tr[data-status=Pending]").GetByRole(AriaRole.Link, new() { Name = "Verifica" }).ClickAsync();
        await helpDesk.ArrivedAtAsync("/tasks/[^/]+$");
        await helpDesk.GetByRole(AriaRole.Button, new() { Name = "Approva" }).ClickAsync();
        await helpDesk.LeftAsync("/tasks/");

        await company.VisitAsync("/intermittent");
        await Expect(company.Locator(".registration-status")).ToContainTextAsync("approvata");
        await company.GetByRole(AriaRole.Button, new() { Name = "Invia nuova comunicazione", Exact = false }).ClickAsync();
        await company.ArrivedAtAsync("/intermittent/communications/[^/?]+$");
        await Expect(company.Locator("dl.employer")).ToContainTextAsync("12345670371");
        foreach (var (worker, start, end) in new[] { ("PRVTST90A01A944G", "2026-11-17", "2026-11-19"), ("SMPNNA85L55F205Z", "2026-11-18", "") })
        {
            await company.GetByLabel("Codice fiscale lavoratore *").FillAsync(worker);
            await company.GetByLabel("Data inizio *").FillAsync(start);
            if (end.Length > 0) await company.GetByLabel("Data fine").FillAsync(end);
            await company.GetByRole(AriaRole.Button, new() { Name = "Salva", Exact = true }).ClickAsync();
            await Expect(company.Locator($"table.calls tr[data-worker={worker}]")).ToBeVisibleAsync();
        }
        await Expect(company.Locator(".co-lookup")).ToContainTextAsync("senza codice comunicazione");
        await Expect(company.Locator("table.calls .deadline").First).ToContainTextAsync("prima dell'inizio della prestazione");
        await AssertEveryInputLabelledAsync(company);
        await ScreenshotAsync(company, "intermittent-editor");
        await company.GetByLabel("Confermo l'invio", new() { Exact = false }).CheckAsync();
        await company.GetByRole(AriaRole.Button, new() { Name = "Invia Comunicazione" }).ClickAsync();
        await company.ArrivedAtAsync(@"\?sent=true$");
        var number = (await company.Locator(".communication-number").TextContentAsync())!;
        Assert.Matches("^[0-9]{15}$", number);
        var receipt = await company.APIRequest.GetAsync(await company.Locator("a.receipt-link").GetAttributeAsync("href") ?? "");
        Assert.Equal("application/pdf", receipt.Headers["content-type"]);
        await ScreenshotAsync(company, "intermittent-sent");

        await company.VisitAsync("/intermittent");
        await company.GetByLabel($"Seleziona {number} per l'annullamento").CheckAsync();
        await company.GetByRole(AriaRole.Button, new() { Name = "Conferma selezione per annullamento" }).ClickAsync();
        await company.ArrivedAtAsync("/intermittent/cancel");
        await AssertEveryInputLabelledAsync(company);
        await company.GetByLabel("Annulla la chiamata di PRVTST90A01A944G").CheckAsync();
        await company.GetByRole(AriaRole.Button, new() { Name = "Annulla chiamate selezionate" }).ClickAsync();
        await company.ArrivedAtAsync(@"\?sent=true$");
        await Expect(company.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Comunicazione di annullamento");
        await Expect(company.Locator("table.calls")).ToContainTextAsync("PRVTST90A01A944G");
        await ScreenshotAsync(company, "intermittent-cancelled");
    }
}
