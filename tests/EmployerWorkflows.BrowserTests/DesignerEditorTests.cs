using EmployerWorkflows.BrowserTests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DesignerEditorTests(Chromium chromium) : BrowserScenario(chromium)
{
    private const string Designer = "DSGPRC88D44H501C";

    [Fact]
    public async Task Editor_SuggestsActivityPropertiesFromSchema_WhenAskedInsideAReminder()
    {
        var designer = await OpenEditorAsync("sample-procedure");
        await PlaceCursorAsync(designer, "\"times\": 2", after: true, anchor: "\"nudge\"");
        await designer.Keyboard.InsertTextAsync(", ");
        await designer.Keyboard.TypeAsync("\"");
        await designer.Keyboard.PressAsync("Control+Space");

        var suggestions = designer.Locator(".cm-tooltip-autocomplete");
        await Expect(suggestions).ToContainTextAsync("escalate");
        await Expect(suggestions).ToContainTextAsync("first");
        await Expect(suggestions).Not.ToContainTextAsync("every");

        await designer.Keyboard.TypeAsync("esc");
        await Expect(suggestions).Not.ToContainTextAsync("first");
        await suggestions.GetByRole(AriaRole.Option, new() { Name = "escalate" }).ClickAsync();
        await designer.Keyboard.InsertTextAsync("\"nudged\"");
        var text = await designer.EvaluateAsync<string>("() => window.definitionEditor.state.doc.toString()");
        Assert.Equal("\"times\": 2, \"escalate\": \"nudged\" }", text.Substring(text.IndexOf("\"times\": 2", StringComparison.Ordinal), 34));
        await Expect(designer.Locator("#definition-errors button", new() { HasText = "nudged" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Editor_RefusesSecondSaveAndKeepsText_WhenAnotherDesignerSavedTheDraftMeanwhile()
    {
        var first = await OpenEditorAsync("sample-procedure");
        var second = await OpenEditorAsync("sample-procedure");

        await PlaceCursorAsync(first, "\"P3D\"", after: false);
        await first.Keyboard.InsertTextAsync("\"P2D\", \"first\": ");
        await first.GetByRole(AriaRole.Button, new() { Name = "Salva bozza" }).ClickAsync();
        await Expect(first.Locator("#editor-status")).ToContainTextAsync("Bozza salvata (revisione 1)");

        await PlaceCursorAsync(second, "\"Inviata\"", after: false);
        await second.Keyboard.InsertTextAsync("\"Ricevuta\", \"old\": ");
        await second.GetByRole(AriaRole.Button, new() { Name = "Salva bozza" }).ClickAsync();

        await Expect(second.Locator("#editor-alert")).ToContainTextAsync("Qualcun altro ha salvato questa bozza nel frattempo");
        await Expect(second.Locator("#editor-alert a")).ToHaveAttributeAsync("target", "_blank");
        Assert.Contains("\"Ricevuta\"", await second.EvaluateAsync<string>("() => window.definitionEditor.state.doc.toString()"));
        await Expect(second.Locator("#draft-state")).ToHaveTextAsync("Modifiche non salvate");
        await ScreenshotAsync(second, "designer-conflict");
    }

    [Fact]
    public async Task Versions_RollBackToANewDraftAndRetire_WithATwoStepConfirmation()
    {
        var designer = await OpenEditorAsync("sample-procedure");
        var rollback = designer.Locator("button[data-rollback='1']");

        await rollback.ClickAsync();
        await Expect(rollback).ToHaveTextAsync("Conferma: nuova bozza da questa versione");
        await rollback.ClickAsync();
        await Expect(designer.Locator("#editor-status")).ToContainTextAsync("La bozza ora riparte dalla versione 1");
        await Expect(designer.Locator("tr[data-status='Draft']")).ToHaveCountAsync(1);

        var retire = designer.Locator("button[data-retire='1']");
        await retire.ClickAsync();
        await retire.ClickAsync();
        await Expect(designer.Locator("#editor-status")).ToContainTextAsync("Versione 1 ritirata");
        await Expect(designer.Locator("tr[data-version='1'][data-status='Retired']")).ToHaveCountAsync(1);

        var download = await designer.RunAndWaitForDownloadAsync(() =>
            designer.Locator("tr[data-version='1']").GetByRole(AriaRole.Link, new() { Name = "Esporta" }).ClickAsync());
        Assert.Equal("sample-procedure.v1.workflow.json", download.SuggestedFilename);
    }

    private async Task<IPage> OpenEditorAsync(string definitionId)
    {
        var page = await LoginAsync(Designer);
        await page.VisitAsync($"/designer/{definitionId}");
        await Expect(page.Locator("body[data-editor-ready='true']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#error-count")).ToContainTextAsync("Nessun errore");
        return page;
    }

    /// <summary>Puts the cursor before or after <paramref name="marker"/> (the first one after <paramref name="anchor"/>).</summary>
    private static async Task PlaceCursorAsync(IPage page, string marker, bool after, string anchor = "") =>
        await page.EvaluateAsync("""
            ([marker, after, anchor]) => {
                const view = window.definitionEditor;
                const doc = view.state.doc.toString();
                const found = doc.indexOf(marker, doc.indexOf(anchor));
                if (found < 0) throw new Error(`${marker} is not in the document`);
                const at = found + (after ? marker.length : 0);
                view.dispatch({ selection: { anchor: at } });
                view.focus();
            }
            """, new object[] { marker, after, anchor });
}
