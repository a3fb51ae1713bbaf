using EmployerWorkflows.BrowserTests.Hosting;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DesignerTests(Chromium chromium) : BrowserScenario(chromium)
{
    private const string Designer = "DSGPRC88D44H501C";
    private const string Registration = "company-registration";

    private const string Reminder =
        "\n        { \"activity\": \"reminder\", \"id\": \"reviewReminder\", \"every\": \"P2D\", \"template\": \"registration-received\", " +
        "\"to\": \"vars.submitter\", \"times\": 2, \"escalate\": \"expire\" },";

    [Fact]
    public async Task Designer_PublishesDraftWithReminder_AfterFixingBadStateName_WhileOldInstanceKeepsItsVersion()
    {
        var company = await LoginAsync(LegalRepresentative);
        await CompanySteps.RegisterCompanyAsync(company);

        var designer = await LoginAsync(Designer);
        await designer.VisitAsync("/designer");
        var published = designer.Locator($"tr[data-definition='{Registration}'][data-version='1']");
        await Expect(published.Locator("[data-running]")).ToHaveTextAsync("1");
        await AssertEveryInputLabelledAsync(designer);
        await designer.GetByRole(AriaRole.Link, new() { Name = "Registrazione azienda" }).ClickAsync();
        await EditorReadyAsync(designer);
        await Expect(designer.Locator("#error-count")).ToContainTextAsync("Nessun errore");

        await InsertAfterAsync(designer, "\"UnderReview\": {", "\"onEntry\": [", Reminder);
        await InsertAfterAsync(designer, "\"UnderReview\": {", "\"on\": {", "\n        \"expire\": { \"to\": \"Expird\" },");

        var error = designer.Locator("#definition-errors button", new() { HasText = "Expird" });
        await Expect(error).ToContainTextAsync("$.states.UnderReview.on.expire");
        await Expect(designer.Locator(".cm-lintRange-error", new() { HasText = "Expird" })).ToHaveCountAsync(1);
        await Expect(designer.Locator("#publish")).ToBeDisabledAsync();
        await ScreenshotAsync(designer, "designer-bad-state");

        await error.ClickAsync();
        await designer.Keyboard.InsertTextAsync("\"Expired\"");
        await Expect(designer.Locator("#error-count")).ToContainTextAsync("Nessun errore");
        await Expect(designer.Locator("#definition-diagram")).ToHaveAttributeAsync("data-highlight", "Expired");
        await Expect(designer.Locator("#definition-diagram svg")).ToContainTextAsync("expire");

        await designer.GetByRole(AriaRole.Button, new() { Name = "Salva bozza" }).ClickAsync();
        await Expect(designer.Locator("#editor-status")).ToContainTextAsync("Bozza salvata (revisione 1)");
        await designer.GetByRole(AriaRole.Button, new() { Name = "Confronta con la pubblicata" }).ClickAsync();
        await Expect(designer.Locator("#diff-panel ins", new() { HasText = "reviewReminder" })).ToHaveCountAsync(1);

        await designer.Locator("#publish").ClickAsync();
        await designer.GetByRole(AriaRole.Button, new() { Name = "Conferma: pubblica" }).ClickAsync();
        await Expect(designer.Locator("#editor-status")).ToContainTextAsync("Pubblicata la versione 2");
        await Expect(designer.Locator("tr[data-version='2'][data-status='Published']")).ToHaveCountAsync(1);
        await ScreenshotAsync(designer, "designer-published");

        await CompanySteps.RegisterCompanyAsync(company, "07654320378", "Nuova Esempio Srl");
        var instances = await InstancesAsync();
        Assert.Equal(1, instances.Single(i => i.Name == "Officine Esempio Srl").Version);
        var fresh = instances.Single(i => i.Name == "Nuova Esempio Srl");
        Assert.Equal(2, fresh.Version);
        Assert.True(fresh.ReminderPending, "the new instance runs the reminder the designer added");
        Assert.False(instances.Single(i => i.Name == "Officine Esempio Srl").ReminderPending);

        await designer.VisitAsync("/designer");
        await Expect(designer.Locator($"tr[data-definition='{Registration}'][data-version='1'] [data-running]")).ToHaveTextAsync("1");
        await Expect(designer.Locator($"tr[data-definition='{Registration}'][data-version='2'] [data-running]")).ToHaveTextAsync("1");
    }

    private static async Task EditorReadyAsync(IPage page) =>
        await Expect(page.Locator("body[data-editor-ready='true']")).ToHaveCountAsync(1);

    /// <summary>Puts the cursor right after <paramref name="marker"/> (the first one after <paramref name="anchor"/>) and types there.</summary>
    private static async Task InsertAfterAsync(IPage page, string anchor, string marker, string text)
    {
        await page.EvaluateAsync("""
            ([anchor, marker]) => {
                const view = window.definitionEditor;
                const doc = view.state.doc.toString();
                const at = doc.indexOf(marker, doc.indexOf(anchor)) + marker.length;
                view.dispatch({ selection: { anchor: at } });
                view.focus();
            }
            """, new[] { anchor, marker });
        await page.Keyboard.InsertTextAsync(text);
    }

    private sealed record Started(string Name, int Version, bool ReminderPending);

    private async Task<List<Started>> InstancesAsync()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var instances = await db.Set<WorkflowInstance>().AsNoTracking().Where(i => i.DefinitionId == Registration).ToListAsync();
        var companies = await db.Set<EmployerWorkflows.Web.Features.Companies.Company>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name);
        var reminders = await db.Set<WorkflowTimer>().AsNoTracking().Where(t => t.Status == TimerStatus.Pending).ToListAsync();
        return instances.Select(i => new Started(companies[i.CompanyId!.Value], i.DefinitionVersion,
            reminders.Any(t => t.InstanceId == i.Id && t.ActivityId == "reviewReminder"))).ToList();
    }
}
