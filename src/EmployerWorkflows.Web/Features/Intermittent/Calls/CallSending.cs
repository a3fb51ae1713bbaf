using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Outbox;
using EmployerWorkflows.Runtime.Templates;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Localization;
using EmployerWorkflows.Web.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.Intermittent.Calls;

/// <summary>
/// Sends a draft (rule 26): only when confirmed, with at least one call, every line checked again (a day may have
/// passed since it was saved, another communication may have been sent meanwhile). A sent communication gets its
/// 15-digit number, its PDF receipt and an email to the employer with the receipt, all in one transaction.
/// </summary>
public sealed class CallSending(AppDbContext db, CallCommunications communications, ItalianCalendar calendar, IEmailTemplateRenderer renderer,
    IOptions<IntermittentOptions> options)
{
    public const string Template = "intermittent-communication-sent";

    public async Task<Outcome<CommunicationView>> SendAsync(string userId, WorkflowActor actor, Guid id, bool confirmed, long? expectedVersion, CancellationToken ct)
    {
        var found = await communications.LoadAsync(userId, id, ct);
        if (found is not var (communication, registration)) return Outcome<CommunicationView>.NotFound();
        if (communication.Status != CommunicationStatus.Bozza)
            return Outcome<CommunicationView>.Refused("La comunicazione è già stata inviata.", "The communication has already been sent.");
        if (registration.Status != RegistrationStatus.Approved)
            return Outcome<CommunicationView>.Refused("La tua registrazione al servizio non è approvata.", "Your registration to the service is not approved.", StatusCodes.Status403Forbidden);
        if (!confirmed)
            return Outcome<CommunicationView>.Invalid(new FieldErrors().Add("confirm", "Conferma l'invio: una comunicazione inviata non può più essere modificata.",
                "Confirm sending: a sent communication can no longer be changed."));
        if (expectedVersion is { } v && v != communication.Version)
            return Outcome<CommunicationView>.Refused("La bozza è stata modificata nel frattempo: ricarica prima di inviarla.",
                "The draft was changed meanwhile: reload before sending it.");
        var errors = new FieldErrors();
        if (communication.Lines.Count == 0)
            errors.Add("lines", "Inserisci almeno una chiamata.", "Add at least one call.");
        foreach (var (line, i) in communication.Lines.OrderBy(l => l.WorkerCf).ThenBy(l => l.StartDate).Select((l, i) => (l, i)))
        {
            var lineErrors = new FieldErrors();
            var again = CallRules.Check(new CallLineInput(line.WorkerCf, line.StartDate.ToString("yyyy-MM-dd"), line.EndDate?.ToString("yyyy-MM-dd"), line.CoCode),
                calendar.Today, lineErrors);
            if (again is not null && await communications.OverlapAsync(communication, again, line.Id, ct) is { } overlap)
                CallRules.OverlapError(lineErrors, overlap);
            foreach (var (field, messages) in lineErrors.ToDictionary())
                foreach (var message in messages)
                    errors.Add($"lines[{i}].{field}", $"{line.WorkerCf}: {message}", $"{line.WorkerCf}: {message}");
        }
        if (errors.Any) return Outcome<CommunicationView>.Invalid(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await IssueAsync(communication, registration, actor, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Edited in another window, or the same number taken by a communication sent at the same instant.
            return Outcome<CommunicationView>.Refused("La comunicazione non è stata inviata perché è cambiata nel frattempo: ricarica e riprova.",
                "The communication was not sent because it changed meanwhile: reload and try again.");
        }
        await transaction.CommitAsync(ct);
        return Outcome<CommunicationView>.Done(await communications.ViewAsync(communication, registration, ct));
    }

    /// <summary>
    /// Marks a communication sent in the caller's unit of work: number, receipt, email with the receipt, journal entry.
    /// The caller saves and commits; nothing is sent unless it does.
    /// </summary>
    internal async Task IssueAsync(CallCommunication communication, ServiceRegistration registration, WorkflowActor actor, CancellationToken ct)
    {
        var now = calendar.Now;
        communication.Number = await NextNumberAsync(now, ct);
        communication.Status = CommunicationStatus.Inviata;
        communication.SentAt = now;
        communication.UpdatedAt = now;
        communication.Version++;
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone));
        communication.Receipt = Receipt.Write(communication, local);

        var language = Lang.Code;
        var typeName = communication.Type == CommunicationType.Invio ? Lang.T("invio chiamata", "call") : Lang.T("annullamento", "cancellation");
        var model = new JsonObject
        {
            ["recipient"] = new JsonObject { ["name"] = communication.EmployerName },
            ["communication"] = new JsonObject
            {
                ["number"] = communication.Number, ["typeName"] = typeName, ["employerName"] = communication.EmployerName,
                ["employerCf"] = communication.EmployerCf, ["sentAt"] = local.ToString("dd/MM/yyyy HH:mm"),
                ["lines"] = new JsonArray(communication.Lines.OrderBy(l => l.WorkerCf).ThenBy(l => l.StartDate).Select(l => (JsonNode)new JsonObject
                {
                    ["workerCf"] = l.WorkerCf, ["coCode"] = l.CoCode, ["period"] = CallRules.Period(l.StartDate, l.EndDate, language),
                }).ToArray()),
            },
        };
        var email = renderer.Render(Template, language, model);
        OutgoingEmails.Enqueue(db, new OutgoingEmail(communication.EmployerEmail, email.Subject, email.TextBody, email.HtmlBody, language)
        {
            ToName = communication.EmployerName, CompanyId = registration.CompanyId, RecipientUserId = registration.UserId, Template = Template,
            Attachments = [new OutgoingAttachment($"ricevuta-{communication.Number}.pdf", "application/pdf", communication.Receipt)],
        }, now);
        JournalWriter.RecordOperation(db, actor, registration.CompanyId, communication.Type == CommunicationType.Invio ? "intermittent.send" : "intermittent.cancel",
            $"Communication {communication.Number} ({CallCommunications.TypeCode(communication.Type)}, {communication.Channel}) for {communication.EmployerCf} sent: " +
            string.Join("; ", communication.Lines.Select(l => $"{l.WorkerCf} {l.StartDate:dd/MM/yyyy}-{l.LastDay:dd/MM/yyyy}")), now);
    }

    /// <summary>
    /// 15 digits like the portal's codes (DOMAIN §4.7; their inner structure is unknown): 1, the two-digit year, then a
    /// 12-digit sequence within the year. The unique index refuses a number taken concurrently.
    /// </summary>
    private async Task<string> NextNumberAsync(DateTimeOffset now, CancellationToken ct)
    {
        var prefix = $"1{now.Year % 100:D2}";
        var last = await db.Set<CallCommunication>().Where(c => c.Number != null && c.Number.StartsWith(prefix))
            .MaxAsync(c => c.Number, ct);
        var next = last is null ? 1 : long.Parse(last[3..]) + 1;
        return $"{prefix}{next:D12}";
    }
}
