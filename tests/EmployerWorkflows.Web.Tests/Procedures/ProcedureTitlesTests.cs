using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Tests.Companies;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static EmployerWorkflows.Web.Tests.Hosting.TestClients;

namespace EmployerWorkflows.Web.Tests.Procedures;

/// <summary>Pages name steps and states by the definition's titles, in the reader's language, never by their ids.</summary>
[Collection(CompaniesCollection.Name)]
public sealed partial class ProcedureTitlesTests(SharedHost host) : CompanyScenario(host)
{
    [Theory]
    [InlineData("it-IT", "Approva", "Respingi", "Chiedi integrazione")]
    [InlineData("en-GB", "Approve", "Reject", "Request more information")]
    public async Task TaskPage_LabelsEachActionButtonWithItsTitle_InTheReadersLanguage(string culture, string approve, string reject, string integrate)
    {
        var companyId = await RegisterAsync(await Submitter());
        var reviewer = await Reviewer();
        var taskId = (await TaskForAsync(reviewer, companyId)).GetProperty("task").GetProperty("id").GetGuid();

        var html = await HtmlAsync(await reviewer.GetAsync($"/tasks/{taskId}?culture={culture}"), HttpStatusCode.OK);

        var buttons = ActionButton().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());
        Assert.Equal(new Dictionary<string, string> { ["approve"] = approve, ["reject"] = reject, ["requestIntegration"] = integrate }, buttons);
    }

    [Theory]
    [InlineData("it-IT", "Chiedi integrazione")]
    [InlineData("en-GB", "Request more information")]
    public async Task TasksApi_GivesEachPermittedActionItsTitle_InTheCallersLanguage(string culture, string title)
    {
        var companyId = await RegisterAsync(await Submitter());
        var reviewer = await Reviewer();
        reviewer.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);

        var task = await TaskForAsync(reviewer, companyId);

        var action = task.GetProperty("permittedActions").EnumerateArray().Single(a => a.GetProperty("trigger").GetString() == "requestIntegration");
        Assert.Equal(title, action.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("it-IT", "Chiedi integrazione: In verifica dall'agenzia → In attesa di integrazione", "Pratica avviata (In verifica dall'agenzia)")]
    [InlineData("en-GB", "Request more information: Under agency review → Awaiting more information", "Procedure started (Under agency review)")]
    public async Task MyProcedures_HistoryNamesTheStepAndStatesByTitle_InTheReadersLanguage(string culture, string step, string started)
    {
        var submitter = await Submitter();
        var companyId = await RegisterAsync(submitter);
        await RequestIntegrationAsync(companyId);

        var html = await HtmlAsync(await submitter.GetAsync($"/procedures?culture={culture}"), HttpStatusCode.OK);

        var history = History().Match(html).Value;
        Assert.Contains(step, history);
        Assert.Contains(started, history);
        Assert.DoesNotContain("requestIntegration", history);
        Assert.DoesNotContain("AwaitingIntegration", history);
        Assert.DoesNotContain("UnderReview", history);
    }

    [Theory]
    [InlineData("it-IT", "Invia l'integrazione")]
    [InlineData("en-GB", "Send the information")]
    public async Task TaskPage_HistoryAndButtonSpeakTheProceduresLanguage_OnTheIntegrationTask(string culture, string resubmit)
    {
        var submitter = await Submitter();
        var companyId = await RegisterAsync(submitter);
        await RequestIntegrationAsync(companyId);
        var taskId = (await TaskForAsync(submitter, companyId)).GetProperty("task").GetProperty("id").GetGuid();

        var html = await HtmlAsync(await submitter.GetAsync($"/tasks/{taskId}?culture={culture}"), HttpStatusCode.OK);

        Assert.Equal(resubmit, Assert.Single(ActionButton().Matches(html)).Groups[2].Value.Trim());
        Assert.DoesNotContain("requestIntegration", History().Match(html).Value);
    }

    [Theory]
    [InlineData("it-IT", "Passaggio di stato «Chiedi integrazione»: In verifica dall'agenzia → In attesa di integrazione")]
    [InlineData("en-GB", "Transition «Request more information»: Under agency review → Awaiting more information")]
    public async Task MonitorJournal_NamesTheStepAndStatesByTitle_InTheReadersLanguage(string culture, string line)
    {
        var companyId = await RegisterAsync(await Submitter());
        var instanceId = await RequestIntegrationAsync(companyId);
        var op = await LoggedInAsync(App, DemoUserWithRole(Roles.Operator));

        var html = await HtmlAsync(await op.GetAsync($"/monitor/{instanceId}?culture={culture}"), HttpStatusCode.OK);

        Assert.Contains(line, html);
    }

    [Theory]
    [InlineData("it-IT")]
    [InlineData("en-GB")]
    public async Task MonitorStateFilter_OffersEveryStateOfEveryPublishedProcedureByTitle_InTheReadersLanguage(string culture)
    {
        var op = await LoggedInAsync(App, DemoUserWithRole(Roles.Operator));

        var html = await HtmlAsync(await op.GetAsync($"/monitor?culture={culture}"), HttpStatusCode.OK);

        var offered = StateOption().Matches(StateFilter().Match(html).Value).Where(m => m.Groups[1].Value != "")
            .Select(m => (State: m.Groups[1].Value, Text: m.Groups[2].Value)).ToList();
        var expected = new List<(string, string)>();
        using var scope = App.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        var published = (await store.ListAsync()).Where(v => v.Status == DefinitionStatus.Published).GroupBy(v => v.DefinitionId).Select(g => g.Last());
        foreach (var version in published)
        {
            var definition = (await store.GetAsync(version.DefinitionId, version.Version)).Definition;
            expected.AddRange(definition.States.Select(s => (s.Key, s.Value.Title!.For(culture))));
        }
        Assert.True(expected.Count > 20, $"Only {expected.Count} states found: the shipped procedures were not imported.");
        Assert.Equal(expected, offered);
    }

    [Fact]
    public async Task MonitorStateFilter_ShowsTitleInsteadOfId_WhenAStateIsChosen()
    {
        var op = await LoggedInAsync(App, DemoUserWithRole(Roles.Operator));

        var html = await HtmlAsync(await op.GetAsync("/monitor?definition=company-registration&state=AwaitingIntegration&culture=en-GB"), HttpStatusCode.OK);

        var filter = StateFilter().Match(html).Value;
        Assert.Contains("<option value=\"AwaitingIntegration\" selected=\"selected\">Awaiting more information</option>", filter);
        Assert.DoesNotContain(">AwaitingIntegration<", filter);
        Assert.DoesNotContain("Under agency verification", filter); // admin-replacement's states are left out when filtered
    }

    [Fact]
    public async Task InboxStateFilter_OffersTheChosenProceduresStatesByTitle_InTheReadersLanguage()
    {
        var reviewer = await Reviewer();

        var html = await HtmlAsync(await reviewer.GetAsync("/inbox?procedure=company-registration&culture=en-GB"), HttpStatusCode.OK);

        var offered = StateOption().Matches(StateFilter().Match(html).Value).Select(m => (m.Groups[1].Value, m.Groups[2].Value));
        Assert.Equal(
        [
            ("", "All"), ("UnderReview", "Under agency review"), ("AwaitingIntegration", "Awaiting more information"),
            ("Approved", "Approved"), ("Rejected", "Rejected"), ("Expired", "Rejected: no information received in time"),
        ], offered);
    }

    private async Task<Guid> RequestIntegrationAsync(Guid companyId, JsonObject? payload = null)
    {
        var reviewer = await Reviewer();
        var review = await TaskForAsync(reviewer, companyId);
        var result = await ReadAsync(await CompleteAsync(reviewer, review, "requestIntegration",
            payload ?? new JsonObject { ["reason"] = "Manca la visura camerale." }), HttpStatusCode.OK);
        return result.GetProperty("instanceId").GetGuid();
    }

    [GeneratedRegex("<button type=\"submit\" name=\"action\" value=\"([^\"]+)\"[^>]*>([^<]*)</button>")]
    private static partial Regex ActionButton();

    [GeneratedRegex("<table class=\"table table-sm history\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex History();

    [GeneratedRegex("<select id=\"state\".*?</select>", RegexOptions.Singleline)]
    private static partial Regex StateFilter();

    [GeneratedRegex("<option value=\"([^\"]*)\"[^>]*>([^<]*)</option>")]
    private static partial Regex StateOption();
}
