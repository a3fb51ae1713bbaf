using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Intermittent.Calls;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Localization;
using EmployerWorkflows.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Intermittent.Sms;

/// <summary>What the SMS provider sends back to the phone, and whether the message was applied.</summary>
public sealed record SmsReply(bool Accepted, string Reply, string? CommunicationNumber);

public enum SmsRefusal { None, Unparseable, UnknownNumber, Rule }

/// <summary>
/// An inbound SMS (rule 28, DOMAIN §4.4): accepted only from a number registered by a company whose registration is
/// approved; <c>I CF</c> calls the worker for today (the SMS carries no dates: it covers work starting within 12 hours),
/// <c>A CF</c> cancels the worker's earliest Attiva call not yet past its cancellation deadline. Calls and cancellations
/// go through the same rules, numbering, receipts and emails as the web. A refused message changes nothing and is journaled.
/// </summary>
public sealed class SmsInbox(AppDbContext db, CallCommunications communications, CallSending sending, CallCancellations cancellations,
    IContractArchive archive, ItalianCalendar calendar)
{
    public async Task<(SmsRefusal Refusal, SmsReply Reply)> ReceiveAsync(string? from, string? text, CancellationToken ct)
    {
        var sender = ItalianMobile.TryParse(from, out var mobile) ? mobile : null;
        var number = sender is null ? null : await db.Set<SmsNumber>().AsNoTracking().SingleOrDefaultAsync(n => n.NationalNumber == sender.NationalNumber, ct);
        var registration = number is null ? null
            : await db.Set<ServiceRegistration>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == number.RegistrationId && r.Status == RegistrationStatus.Approved, ct);
        var actor = new WorkflowActor(registration?.UserId, null, $"SMS {sender?.E164 ?? Truncate(from)}", new HashSet<string>(), registration?.CompanyId);
        if (registration is null)
            return await RefuseAsync(actor, SmsRefusal.UnknownNumber, from, text,
                new IdentifierError("Numero non registrato in Gestione Intermittenti: l'SMS non è valido.",
                    "This number is not registered in intermittent-work calls: the SMS is not valid."), ct);
        if (SmsCommand.Parse(text, out var formatError) is not { } command)
            return await RefuseAsync(actor, SmsRefusal.Unparseable, from, text, formatError!.Value, ct);

        var outcome = command.Action == SmsAction.Call
            ? await CallAsync(registration, actor, command.WorkerCf, ct)
            : await CancelAsync(registration, actor, command.WorkerCf, ct);
        if (!outcome.Succeeded)
        {
            // The failed attempt left tracked changes behind; the refusal is journaled on a clean unit of work.
            db.ChangeTracker.Clear();
            return await RefuseAsync(actor, SmsRefusal.Rule, from, text, new IdentifierError(outcome.Message, outcome.Message), ct);
        }
        var view = outcome.Value!;
        var reply = command.Action == SmsAction.Call
            ? Lang.T($"Chiamata comunicata: n. {view.Number}, lavoratore {command.WorkerCf}, {CallRules.Period(view.Lines[0].StartDate, null, "it")}.",
                $"Call communicated: no. {view.Number}, worker {command.WorkerCf}, {CallRules.Period(view.Lines[0].StartDate, null, "en")}.")
            : Lang.T($"Chiamata annullata: n. {view.Number}, lavoratore {command.WorkerCf}, {CallRules.Period(view.Lines[0].StartDate, view.Lines[0].EndDate, "it")}.",
                $"Call cancelled: no. {view.Number}, worker {command.WorkerCf}, {CallRules.Period(view.Lines[0].StartDate, view.Lines[0].EndDate, "en")}.");
        return (SmsRefusal.None, new SmsReply(true, reply, view.Number));
    }

    private async Task<Outcome<CommunicationView>> CallAsync(ServiceRegistration registration, WorkflowActor actor, string workerCf, CancellationToken ct)
    {
        var company = await db.Set<Company>().AsNoTracking().SingleAsync(c => c.Id == registration.CompanyId, ct);
        var today = calendar.Today;
        var errors = new FieldErrors();
        var contracts = await archive.FindAsync(company.CodiceFiscale, workerCf, today, ct);
        // With one open intermittent CO the choice is obvious; with several or none the call goes without a code.
        var co = contracts.Count == 1 ? contracts[0].CoCode : null;
        var line = CallRules.Check(new CallLineInput(workerCf, today.ToString("yyyy-MM-dd"), null, co), today, errors)!;
        var now = calendar.Now;
        var communication = new CallCommunication
        {
            RegistrationId = registration.Id, Type = CommunicationType.Invio, Status = CommunicationStatus.Bozza, Channel = "sms",
            EmployerCf = company.CodiceFiscale, EmployerName = company.Name, EmployerEmail = company.Email,
            CreatedByUserId = registration.UserId, CreatedAt = now, UpdatedAt = now,
        };
        if (await communications.OverlapAsync(communication, line, null, ct) is { } overlap)
            return Outcome<CommunicationView>.Invalid(CallRules.OverlapError(errors, overlap));
        communication.Lines.Add(new CallLine
        {
            CommunicationId = communication.Id, WorkerCf = line.WorkerCf, StartDate = line.StartDate, CoCode = line.CoCode, Status = CallStatus.Attiva,
        });
        db.Add(communication);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await sending.IssueAsync(communication, registration, actor, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<CommunicationView>.Refused("Chiamata non registrata: riprova tra poco.", "Call not recorded: try again shortly.");
        }
        await transaction.CommitAsync(ct);
        return Outcome<CommunicationView>.Done(await communications.ViewAsync(communication, registration, ct));
    }

    private async Task<Outcome<CommunicationView>> CancelAsync(ServiceRegistration registration, WorkflowActor actor, string workerCf, CancellationToken ct)
    {
        var company = await db.Set<Company>().AsNoTracking().SingleAsync(c => c.Id == registration.CompanyId, ct);
        var candidates = await db.Set<CallLine>().AsNoTracking()
            .Where(l => l.WorkerCf == workerCf && l.Status == CallStatus.Attiva)
            .Join(db.Set<CallCommunication>().Where(c => c.RegistrationId == registration.Id && c.EmployerCf == company.CodiceFiscale
                                                         && c.Status == CommunicationStatus.Inviata && c.Type == CommunicationType.Invio),
                l => l.CommunicationId, c => c.Id, (l, c) => l)
            .ToListAsync(ct);
        var target = candidates.Where(l => calendar.CancellationDeadline(l) > calendar.Now).OrderBy(l => l.StartDate).FirstOrDefault();
        if (target is null)
            return Outcome<CommunicationView>.Refused($"Nessuna chiamata «Attiva» annullabile per {workerCf}.", $"No cancellable «Attiva» call for {workerCf}.");
        return await cancellations.CancelAsync(registration.UserId, actor, [target.Id], "sms", ct);
    }

    private async Task<(SmsRefusal, SmsReply)> RefuseAsync(WorkflowActor actor, SmsRefusal refusal, string? from, string? text, IdentifierError reason,
        CancellationToken ct)
    {
        JournalWriter.RecordOperation(db, actor, actor.CompanyId, "intermittent.sms.refused",
            $"SMS from {Truncate(from)} refused ({refusal}): «{Truncate(text)}». {reason.English}", calendar.Now);
        await db.SaveChangesAsync(ct);
        return (refusal, new SmsReply(false, reason.For(Lang.Code), null));
    }

    private static string Truncate(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";
}
