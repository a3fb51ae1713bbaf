using System.Security.Claims;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Templates;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
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
        api.MapPost("/support-requests", SendAsync)
            .WithSummary("Sends a support request to the Job-Room helpdesk")
            .WithDescription("Multipart fields 'uid', 'description', 'screenshot' (PNG, JPG or PDF by content) and optionally 'instanceId' " +
                             "of the procedure the person is in. The caller must hold an account or request for the UID. Goes to " +
                             "JobRoom:HelpdeskAddress (default jobroom@alv.admin.ch).")
            .Accepts<IFormFile>("multipart/form-data").Produces<SupportRequestSent>(202).ProducesValidationProblem();

    private static async Task<IResult> SendAsync(HttpRequest request, AppDbContext db, IUidRegister register, IEmailTemplateRenderer renderer,
        IOptions<JobRoomOptions> options, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        var uidText = form?["uid"].ToString();
        var description = form?["description"].ToString().Trim();
        var errors = new FieldErrors().Add("uid", SwissUid.Validate(uidText))
            .Required("description", description, "descrizione del problema", "description of the problem").MaxLength("description", description, 4000);
        var screenshot = await Uploads.ReadAsync(form?.Files["screenshot"], "screenshot", options.Value.MaxUploadMb, errors, ct);
        if (errors.Any) return errors.ToResult();
        var uid = SwissUid.Parse(uidText).Value;
        var userId = (user.UserId() ?? "");
        var account = await db.Set<JobRoomAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.Uid == uid && a.UserId == userId, ct);
        if (account is null)
            return new FieldErrors().Add("uid", "Non hai conti né richieste per questo numero IDI.", "You hold no account or request for this UID.").ToResult();
        var company = await register.FindAsync(SwissUid.Parse(account.Uid), ct)
                      ?? throw new InvalidOperationException($"UID {account.Uid} is no longer in the UID register.");
        var instance = Guid.TryParse(form?["instanceId"].ToString(), out var instanceId)
            ? await db.Set<WorkflowInstance>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId && i.CompanyId == company.Id, ct)
            : null;

        var model = new JsonObject
        {
            ["company"] = JobRoomVariables.Company(company),
            ["requester"] = JobRoomVariables.Person(account),
            ["description"] = description,
            ["step"] = instance is null ? null : $"{instance.DefinitionId} / {instance.State}",
        };
        var email = renderer.Render(Template, options.Value.KaeFfeLanguage, model);
        return await JobRoomSetup.InTransactionAsync(db, () =>
        {
            var now = clock.GetUtcNow();
            var message = OutboxQueue.Enqueue(db, new OutboxMessage
            {
                To = options.Value.HelpdeskAddress, Subject = email.Subject, TextBody = email.TextBody, HtmlBody = email.HtmlBody,
                Language = options.Value.KaeFfeLanguage, CompanyId = company.Id, InstanceId = instance?.Id, Template = Template,
                Attachments = [new OutboxAttachment { FileName = $"screenshot.{screenshot!.Extension}", ContentType = screenshot.ContentType, Content = screenshot.Content }],
            }, now);
            JournalWriter.RecordOperation(db, WorkflowActors.From(user, company.Id), company.Id, "jobroom.supportRequest",
                $"Support request for UID {company.Uid.Value} sent to {message.To}", now, instance?.Id);
            return Task.FromResult(Results.Accepted(value: new SupportRequestSent(message.Id, message.To)));
        }, ct);
    }
}
