using System.Net;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Tests.Companies;
using EmployerWorkflows.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Web.Tests.Email;

/// <summary>Every procedure email links to the portal; an email that expects an answer says where replies go.</summary>
public sealed partial class EmailLinksTests : CompanyScenario
{
    private const string Portal = "https://lavoro.example.it";

    protected override Task<AppFactory> CreateAppAsync() => Task.FromResult(AppFactory.OnSqlite(Mailbox.Host, Mailbox.Port)
        .WithSetting("App:PublicBaseUrl", Portal + "/")
        .WithSetting("Smtp:ReplyTo:kae-ffe-request", "sportello-seco@example.ch"));

    [Fact]
    public async Task RegistrationReceived_EndsWithTheProcedureLinkOnTheConfiguredAddress()
    {
        await RegisterAsync(await Submitter());

        var email = (await MailsAsync(1, "Richiesta di registrazione ricevuta")).Single();

        Assert.Matches($"\n\nApri la pratica: {Regex.Escape(Portal)}/procedures/[0-9a-f-]{{36}}\n$", email.TextBody?.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ProcedureLink_OpensTheReviewersTask_WhenTheReviewerFollowsIt()
    {
        var companyId = await RegisterAsync(await Submitter());
        var reviewer = await Reviewer();
        var taskId = (await TaskForAsync(reviewer, companyId)).GetProperty("task").GetProperty("id").GetGuid();

        var opened = await reviewer.GetAsync(await LinkAsync());

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/tasks/{taskId}", opened.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ProcedureLink_OpensTheCompanysProcedures_WhenNothingWaitsForTheReader()
    {
        var submitter = await Submitter();
        await RegisterAsync(submitter);

        var opened = await submitter.GetAsync(await LinkAsync());

        Assert.Equal("/procedures", opened.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task KaeFfeRequest_CarriesTheConfiguredReplyTo_AndOtherEmailsNone()
    {
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            OutboxQueue.Enqueue(db, new OutboxMessage { To = "kae-ffe@example.ch", Subject = "Richiesta diritti KAE", TextBody = "…", Template = "kae-ffe-request" }, App.Clock.GetUtcNow());
            OutboxQueue.Enqueue(db, new OutboxMessage { To = "altro@example.ch", Subject = "Altro avviso", TextBody = "…", Template = "poa-activated" }, App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var request = (await MailsAsync(1, "Richiesta diritti KAE")).Single();
        var other = (await MailsAsync(1, "Altro avviso")).Single();

        Assert.Equal("sportello-seco@example.ch", request.ReplyTo.Mailboxes.Single().Address);
        Assert.Empty(other.ReplyTo);
    }

    /// <summary>The path of the link in the registration-received email.</summary>
    private async Task<string> LinkAsync()
    {
        var email = (await MailsAsync(1, "Richiesta di registrazione ricevuta")).Single();
        return new Uri(Link().Match(email.TextBody ?? "").Value).AbsolutePath;
    }

    [GeneratedRegex(@"https://lavoro\.example\.it/procedures/[0-9a-f-]{36}")]
    private static partial Regex Link();
}
