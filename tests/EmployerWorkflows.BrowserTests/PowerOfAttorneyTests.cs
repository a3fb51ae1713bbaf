using EmployerWorkflows.BrowserTests.Hosting;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.JobRoom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

/// <summary>
/// Job-Room accounts for a UID, entirely from the pages: the first person starts it from «Avvia una pratica», the SECO
/// desk posts the procura, the person uploads it signed, the desk confirms it; then a colleague asks for an account of
/// the same UID and the main administrator approves it. The UID page follows each step.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PowerOfAttorneyTests(Chromium chromium) : BrowserScenario(chromium)
{
    private const string Uid = "CHE-471.108.156";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Theory]
    [InlineData("it", 1280)]
    [InlineData("en", 390)]
    public async Task JobRoomAccount_IsActivatedByProcuraThenByTheMainAdministrator_WhenStartedAndCompletedFromThePages(string language, int width)
    {
        var en = language == "en";
        await RegisterUidAsync();
        var person = await LoginAsync(await PersonAsync(en ? "KLLTMS" : "BRNNNA"));
        await person.SetViewportSizeAsync(width, 900);
        if (en) await person.VisitAsync("/language/en?returnUrl=/catalogue");
        else await person.VisitAsync("/catalogue");

        await person.Locator("li[data-procedure='power-of-attorney'] a.btn").ClickAsync();
        await person.ArrivedAtAsync("/catalogue/jobroom-account$");
        await AssertEveryInputLabelledAsync(person);
        await person.GetByLabel(en ? "Employer's UID" : "Numero IDI del datore di lavoro").FillAsync("CHE-471.108.157");
        await person.GetByLabel(en ? "Email address for Job-Room" : "Indirizzo e-mail per Job-Room").FillAsync("persona@example.ch");
        await person.GetByRole(AriaRole.Button, new() { Name = en ? "Send the request" : "Invia la richiesta" }).ClickAsync();
        await Expect(person.Locator("#f-uid-error")).ToContainTextAsync(en ? "The check digit of the UID is wrong." : "La cifra di controllo del numero IDI non è corretta.");
        await Expect(person.GetByLabel(en ? "Email address for Job-Room" : "Indirizzo e-mail per Job-Room")).ToHaveValueAsync("persona@example.ch");
        await person.AssertAccessibleAsync();
        await person.GetByLabel(en ? "Employer's UID" : "Numero IDI del datore di lavoro").FillAsync(Uid);
        await person.GetByRole(AriaRole.Button, new() { Name = en ? "Send the request" : "Invia la richiesta" }).ClickAsync();
        await person.ArrivedAtAsync("/procedures");
        await Expect(person.Locator(".next-step")).ToContainTextAsync(en ? "SECO will post a power of attorney" : "SECO spedirà una procura");
        await ScreenshotAsync(person, $"poa-requested-{language}-{width}");

        var desk = await LoginAsync(await PersonAsync(en ? "SCDSKB" : "SCDSKA", Roles.SecoDesk));
        await desk.VisitAsync("/catalogue");
        await desk.Locator("[data-desk-view='power-of-attorney']").ClickAsync();
        await desk.ArrivedAtAsync("/inbox\\?procedure=power-of-attorney");
        await StepAsync(desk, "Stampa e spedisci la procura all'indirizzo del registro IDI", "Registra la spedizione della procura");

        await person.VisitAsync($"/jobroom/uids/{Uid}");
        await person.GetByRole(AriaRole.Link, new() { Name = en ? "Upload the procura signed by the company" : "Carica la procura firmata dall'azienda" }).ClickAsync();
        await person.ArrivedAtAsync("/tasks/");
        await AssertEveryInputLabelledAsync(person);
        await person.GetByLabel(en ? "Procura signed by the company" : "Procura firmata dall'azienda")
            .SetInputFilesAsync(new FilePayload { Name = "procura.png", MimeType = "image/png", Buffer = Png });
        await person.GetByRole(AriaRole.Button, new() { Name = en ? "Upload the signed procura" : "Carica la procura firmata" }).ClickAsync();
        await person.LeftAsync("/tasks/");

        await StepAsync(desk, "Verifica la procura firmata", "Conferma la procura");

        await person.VisitAsync($"/jobroom/uids/{Uid}");
        await Expect(person.Locator("#uid-accounts")).ToContainTextAsync(en ? "Active" : "Attivo");
        await Expect(person.Locator("#uid-accounts")).ToContainTextAsync(en ? "main administrator" : "amministratore principale");
        await Expect(person.Locator("[data-procedure='power-of-attorney'] .state")).ToHaveTextAsync(en ? "Account activated" : "Conto attivato");
        await ScreenshotAsync(person, $"poa-activated-{language}-{width}");

        // A second person of the UID now asks to join: the main administrator decides from the UID page.
        var colleague = await LoginAsync(await PersonAsync(en ? "CLLGBB" : "CLLGAA"));
        await colleague.SetViewportSizeAsync(width, 900);
        if (en) await colleague.VisitAsync("/language/en?returnUrl=/catalogue/jobroom-account");
        else await colleague.VisitAsync("/catalogue/jobroom-account");
        await colleague.GetByLabel(en ? "Employer's UID" : "Numero IDI del datore di lavoro").FillAsync(Uid);
        await colleague.GetByLabel(en ? "Email address for Job-Room" : "Indirizzo e-mail per Job-Room").FillAsync("collega@example.ch");
        await colleague.GetByRole(AriaRole.Button, new() { Name = en ? "Send the request" : "Invia la richiesta" }).ClickAsync();
        await colleague.ArrivedAtAsync("/procedures");
        await Expect(colleague.Locator(".next-step")).ToContainTextAsync(en ? "main administrator" : "amministratore principale");

        await person.VisitAsync($"/jobroom/uids/{Uid}");
        await person.GetByRole(AriaRole.Link, new() { Name = en ? "Approve or refuse the access request" : "Approva o rifiuta la richiesta di accesso" }).ClickAsync();
        await person.ArrivedAtAsync("/tasks/");
        await person.GetByRole(AriaRole.Button, new() { Name = en ? "Approve the access" : "Approva l'accesso" }).ClickAsync();
        await person.LeftAsync("/tasks/");

        await colleague.VisitAsync($"/jobroom/uids/{Uid}");
        await Expect(colleague.Locator("#uid-accounts")).ToContainTextAsync("collega@example.ch");
        await Expect(colleague.Locator("#uid-accounts")).ToContainTextAsync(en ? "Active" : "Attivo");
        await Expect(colleague.Locator("#uid-accounts")).Not.ToContainTextAsync("persona@example.ch");
    }

    /// <summary>The SECO desk opens the UID's open step from its page and fires the named action.</summary>
    private static async Task StepAsync(IPage desk, string step, string action)
    {
        await desk.VisitAsync($"/jobroom/uids/{Uid}");
        await desk.GetByRole(AriaRole.Link, new() { Name = step }).ClickAsync();
        await desk.ArrivedAtAsync("/tasks/");
        await desk.GetByRole(AriaRole.Button, new() { Name = action }).ClickAsync();
        await desk.LeftAsync("/tasks/");
    }

    private async Task RegisterUidAsync()
    {
        using var scope = App.Services.CreateScope();
        var register = scope.ServiceProvider.GetRequiredService<DatabaseUidRegister>();
        await register.UpsertAsync(SwissUid.Parse(Uid), "Orologi Verzasca SA", "Via Cantonale 3", "6633", "Lavertezzo", null, App.Clock.GetUtcNow());
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }
}
