using System.Security.Claims;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Templates;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>What a person types to ask the Job-Room helpdesk for help; the step's procedure id is optional.</summary>
public sealed record SupportRequestInput(string? Uid, string? Description, IFormFile? Screenshot, string? InstanceId);

/// <summary>
/// A support request to the Job-Room helpdesk (rule 9), for <c>POST /api/jobroom/support-requests</c> and the
/// catalogue's form alike: description, UID and a full-screen screenshot. It does not move any procedure; it is
/// queued in the outbox and journaled.
/// </summary>
public sealed class SupportRequests(AppDbContext db, IUidRegister register, IEmailTemplateRenderer renderer, IOptions<JobRoomOptions> options,
    JobRoomSteps steps, TimeProvider clock)
{
    public const string Template = "jobroom-support-request";

    public async Task<Outcome<SupportRequestSent>> SendAsync(SupportRequestInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var settings = options.Value;
        var description = input.Description?.Trim();
        var errors = new FieldErrors().Add("uid", SwissUid.Validate(input.Uid))
            .Required("description", description, "descrizione del problema", "description of the problem").MaxLength("description", description, 4000);
        var screenshot = await Uploads.ReadAsync(input.Screenshot, "screenshot", settings.MaxUploadMb, errors, ct);
        if (errors.Any) return Outcome<SupportRequestSent>.Invalid(errors);
        var uid = SwissUid.Parse(input.Uid).Value;
        var userId = user.UserId() ?? "";
        var account = await db.Set<JobRoomAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.Uid == uid && a.UserId == userId, ct);
        if (account is null)
            return Outcome<SupportRequestSent>.Invalid(
                new FieldErrors().Add("uid", "Non hai conti né richieste per questo numero IDI.", "You hold no account or request for this UID."));
        var company = await register.FindAsync(SwissUid.Parse(account.Uid), ct)
                      ?? throw new InvalidOperationException($"UID {account.Uid} is no longer in the UID register.");
        // Only a procedure of the same company names the step; any other id is ignored rather than revealed.
        var instance = Guid.TryParse(input.InstanceId, out var instanceId)
            ? await InstanceReader.FindAsync(db, instanceId, ct) is { } found && found.CompanyId == company.Id ? found : null
            : null;

        var model = new JsonObject
        {
            ["company"] = JobRoomVariables.Company(company),
            ["requester"] = JobRoomVariables.Person(account),
            ["description"] = description,
            ["step"] = instance is null ? null : $"{instance.DefinitionId} / {instance.State}",
        };
        var email = renderer.Render(Template, settings.KaeFfeLanguage, model);
        var sent = await steps.InTransactionAsync(() =>
        {
            var now = clock.GetUtcNow();
            var message = OutgoingEmails.Enqueue(db, new OutgoingEmail(settings.HelpdeskAddress, email.Subject, email.TextBody, email.HtmlBody,
                settings.KaeFfeLanguage)
            {
                CompanyId = company.Id, InstanceId = instance?.Id, Template = Template,
                Attachments = [new OutgoingAttachment($"screenshot.{screenshot!.Extension}", screenshot.ContentType, screenshot.Content)],
            }, now);
            JournalWriter.RecordOperation(db, WorkflowActors.From(user, company.Id), company.Id, "jobroom.supportRequest",
                $"Support request for UID {company.Uid.Value} sent to {message.To}", now, instance?.Id);
            return Task.FromResult(new SupportRequestSent(message.Id, message.To));
        }, ct);
        return Outcome<SupportRequestSent>.Done(sent);
    }
}
