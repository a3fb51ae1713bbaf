using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Tests.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EmployerWorkflows.Web.Tests.Hosting.TestClients;

using EmployerWorkflows.Web.Tests.Hosting;

namespace EmployerWorkflows.Web.Tests.Procedures;

/// <summary>The company's integration task shows what the agency asked for, and takes the document it asked for.</summary>
[Collection(CompaniesCollection.Name)]
public sealed partial class IntegrationRequestTests(SharedHost host) : CompanyScenario(host)
{
    private const string Reason = "Manca la visura camerale aggiornata.";
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8.ToArray();

    [Theory]
    [InlineData("it-IT", "Visura camerale")]
    [InlineData("en-GB", "Chamber of commerce extract")]
    public async Task IntegrationTask_ShowsTheReasonTheRequestedDocumentAndAnUpload_WhenTheReviewerAskedForADocument(string culture, string document)
    {
        var submitter = await Submitter();
        var companyId = await RegisterAsync(submitter);
        await RequestIntegrationAsync(companyId, "chamberExtract");

        var html = await HtmlAsync(await submitter.GetAsync($"/tasks/{await TaskIdAsync(submitter, companyId)}?culture={culture}"), HttpStatusCode.OK);

        Assert.Contains($"<p class=\"info-value\" id=\"f-agencyReason\">{Reason}</p>", html);
        Assert.Contains($"<p class=\"info-value\" id=\"f-agencyRequestedDocument\">{document}</p>", html);
        Assert.Matches("<input type=\"file\"[^>]*name=\"requestedDocumentFile\"", html);
        Assert.DoesNotContain("chamberExtract", html);
    }

    [Fact]
    public async Task IntegrationTask_ShowsTheReasonWithoutAnUpload_WhenNoDocumentWasRequested()
    {
        var submitter = await Submitter();
        var companyId = await RegisterAsync(submitter);
        await RequestIntegrationAsync(companyId, document: null);

        var html = await HtmlAsync(await submitter.GetAsync($"/tasks/{await TaskIdAsync(submitter, companyId)}"), HttpStatusCode.OK);

        Assert.Contains($"<p class=\"info-value\" id=\"f-agencyReason\">{Reason}</p>", html);
        Assert.DoesNotContain("f-agencyRequestedDocument", html);
        Assert.DoesNotContain("requestedDocumentFile", html);
    }

    [Fact]
    public async Task IntegrationTask_AsksNoDocument_WhenASecondRequestNamesNone()
    {
        var submitter = await Submitter();
        var companyId = await RegisterAsync(submitter);
        await RequestIntegrationAsync(companyId, "chamberExtract");
        var taskId = await TaskIdAsync(submitter, companyId);
        await ReadAsync(await PostTaskAsync(submitter, taskId, ("visura.pdf", Pdf)), HttpStatusCode.Redirect);
        await RequestIntegrationAsync(companyId, document: null);

        var html = await HtmlAsync(await submitter.GetAsync($"/tasks/{await TaskIdAsync(submitter, companyId)}"), HttpStatusCode.OK);

        Assert.DoesNotContain("requestedDocumentFile", html);
    }

    [Fact]
    public async Task Resubmission_StoresTheRequestedDocumentAndShowsItOnTheNextReview_WhenUploaded()
    {
        var submitter = await Submitter();
        var companyId = await RegisterAsync(submitter);
        var instanceId = await RequestIntegrationAsync(companyId, "chamberExtract");

        var response = await PostTaskAsync(submitter, await TaskIdAsync(submitter, companyId), ("visura-2026.pdf", Pdf));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Set<InstanceDocument>().SingleAsync(d => d.InstanceId == instanceId);
            // Stored under the field's name and a suffix of its own, as every task upload is.
            Assert.StartsWith("requestedDocumentFile-", stored.Name);
            Assert.Equal(("visura-2026.pdf", "application/pdf"), (stored.FileName, stored.ContentType));
            Assert.Equal("UnderReview", (await db.Set<WorkflowInstance>().SingleAsync(i => i.Id == instanceId)).State);
        }
        var reviewer = await Reviewer();
        var review = await HtmlAsync(await reviewer.GetAsync($"/tasks/{await TaskIdAsync(reviewer, companyId)}"), HttpStatusCode.OK);
        Assert.Contains(">visura-2026.pdf</a>", review);
    }

    [Fact]
    public async Task Resubmission_IsRefusedWithTheFieldNamed_WhenTheRequestedDocumentIsMissing()
    {
        var submitter = await Submitter();
        var companyId = await RegisterAsync(submitter);
        var instanceId = await RequestIntegrationAsync(companyId, "chamberExtract");

        var html = await HtmlAsync(await PostTaskAsync(submitter, await TaskIdAsync(submitter, companyId), file: null), HttpStatusCode.OK);

        Assert.Contains("Il campo «Carica il documento richiesto» è obbligatorio.", html);
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal("AwaitingIntegration", (await db.Set<WorkflowInstance>().SingleAsync(i => i.Id == instanceId)).State);
        Assert.False(await db.Set<InstanceDocument>().AnyAsync(d => d.InstanceId == instanceId));
    }

    private async Task<Guid> RequestIntegrationAsync(Guid companyId, string? document)
    {
        var reviewer = await Reviewer();
        var payload = new JsonObject { ["reason"] = Reason };
        if (document is not null) payload["missingDocuments"] = document;
        var result = await ReadAsync(await CompleteAsync(reviewer, await TaskForAsync(reviewer, companyId), "requestIntegration", payload), HttpStatusCode.OK);
        return result.GetProperty("instanceId").GetGuid();
    }

    private static async Task<Guid> TaskIdAsync(HttpClient client, Guid companyId) =>
        (await TaskForAsync(client, companyId)).GetProperty("task").GetProperty("id").GetGuid();

    /// <summary>Posts the task page as a browser would: every input as rendered, a message, the file if any, and «resubmit».</summary>
    private static async Task<HttpResponseMessage> PostTaskAsync(HttpClient client, Guid taskId, (string Name, byte[] Content)? file)
    {
        var page = await client.GetStringAsync($"/tasks/{taskId}");
        var form = new MultipartFormDataContent();
        // Only the task's form: the layout has other forms (e.g. logout) with their own anti-forgery token.
        foreach (Match input in Input().Matches(TaskForm().Match(page).Value))
        {
            var attributes = Attribute().Matches(input.Value).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value));
            if (attributes.GetValueOrDefault("type") == "file" || !attributes.TryGetValue("name", out var name)) continue;
            form.Add(new StringContent(attributes.GetValueOrDefault("value") ?? ""), name);
        }
        form.Add(new StringContent("Allegata la visura aggiornata."), "message");
        form.Add(new StringContent("resubmit"), "action");
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "requestedDocumentFile", f.Name);
        }
        return await client.PostAsync($"/tasks/{taskId}", form);
    }

    [GeneratedRegex("<form method=\"post\" enctype=\"multipart/form-data\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex TaskForm();

    [GeneratedRegex("<input [^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("([a-zA-Z-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();
}
