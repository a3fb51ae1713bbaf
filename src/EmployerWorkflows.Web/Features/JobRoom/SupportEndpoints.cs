using System.Security.Claims;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Templates;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.JobRoom;

public sealed record SupportRequestSent(Guid MessageId, string To);

/// <summary>
/// A support request to the Job-Room helpdesk (rule 9), possible from any step: description, UID and a
/// full-screen screenshot. It does not move any procedure; it is queued in the outbox and journaled.
/// </summary>
internal static class SupportEndpoints
{
    public const string Template = "jobroom-support-request";

    public static void MapSupportEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/support-requests", SendAsync).AcceptsUpload()
            .WithSummary("Sends a support request to the Job-Room helpdesk")
            .WithDescription("Multipart fields 'uid', 'description', 'screenshot' (PNG, JPG or PDF by content) and optionally 'instanceId' " +
                             "of the procedure the person is in. The caller must hold an account or request for the UID. Goes to " +
                             "JobRoom:HelpdeskAddress (default jobroom@alv.admin.ch).");

    public sealed record SupportRequest(HttpRequest Request, AppDbContext Db, IUidRegister Register, IEmailTemplateRenderer Renderer,
        IOptions<JobRoomOptions> Options, JobRoomSteps Steps, ClaimsPrincipal User, TimeProvider Clock, CancellationToken Ct);

    public static async Task<Results<Accepted<SupportRequestSent>, ValidationProblem>> SendAsync([AsParameters] SupportRequest r)
    {
        var (db, options, ct) = (r.Db, r.Options.Value, r.Ct);
        var form = r.Request.HasFormContentType ? await r.Request.ReadFormAsync(ct) : null;
        var uidText = form?["uid"].ToString();
        var description = form?["description"].ToString().Trim();
        var errors = new FieldErrors().Add("uid", SwissUid.Validate(uidText))
            .Required("description", description, "descrizione del problema", "description of the problem").MaxLength("description", description, 4000);
        var screenshot = await Uploads.ReadAsync(form?.Files["screenshot"], "screenshot", options.MaxUploadMb, errors, ct);
        if (errors.Any) return errors.ToProblem();
        var uid = SwissUid.Parse(uidText).Value;
        var userId = r.User.UserId() ?? "";
        var account = await db.Set<JobRoomAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.Uid == uid && a.UserId == userId, ct);
        if (account is null)
            return new FieldErrors().Add("uid", "Non hai conti né richieste per questo numero IDI.", "You hold no account or request for this UID.").ToProblem();
        var company = await r.Register.FindAsync(SwissUid.Parse(account.Uid), ct)
                      ?? throw new InvalidOperationException($"UID {account.Uid} is no longer in the UID register.");
        // Only a procedure of the same company names the step; any other id is ignored rather than revealed.
        var instance = Guid.TryParse(form?["instanceId"].ToString(), out var instanceId)
            ? await InstanceReader.FindAsync(db, instanceId, ct) is { } found && found.CompanyId == company.Id ? found : null
            : null;

        var model = new JsonObject
        {
            ["company"] = JobRoomVariables.Company(company),
            ["requester"] = JobRoomVariables.Person(account),
            ["description"] = description,
            ["step"] = instance is null ? null : $"{instance.DefinitionId} / {instance.State}",
        };
        var email = r.Renderer.Render(Template, options.KaeFfeLanguage, model);
        var sent = await r.Steps.InTransactionAsync(() =>
        {
            var now = r.Clock.GetUtcNow();
            var message = OutgoingEmails.Enqueue(db, new OutgoingEmail(options.HelpdeskAddress, email.Subject, email.TextBody, email.HtmlBody,
                options.KaeFfeLanguage)
            {
                CompanyId = company.Id, InstanceId = instance?.Id, Template = Template,
                Attachments = [new OutgoingAttachment($"screenshot.{screenshot!.Extension}", screenshot.ContentType, screenshot.Content)],
            }, now);
            JournalWriter.RecordOperation(db, WorkflowActors.From(r.User, company.Id), company.Id, "jobroom.supportRequest",
                $"Support request for UID {company.Uid.Value} sent to {message.To}", now, instance?.Id);
            return Task.FromResult(new SupportRequestSent(message.Id, message.To));
        }, ct);
        return TypedResults.Accepted((string?)null, sent);
    }
}
