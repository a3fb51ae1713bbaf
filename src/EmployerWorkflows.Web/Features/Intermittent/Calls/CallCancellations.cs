using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Intermittent.Calls;

/// <summary>A call of a sent communication, offered for cancellation with whether it can be and why not.</summary>
public sealed record CancellableCall(Guid CommunicationId, string? CommunicationNumber, LineView Call);

/// <summary>
/// Cancellation (rule 27, DOMAIN §4.5): calls picked from sent communications are cancelled by a new communication of
/// type A, with its own number, receipt and email. Only Attiva calls within the cancellation deadline qualify; a
/// request naming any other is refused whole, each refused call with its reason, so nothing is half-cancelled.
/// </summary>
public sealed class CallCancellations(AppDbContext db, CallCommunications communications, CallSending sending, ItalianCalendar calendar)
{
    public async Task<IReadOnlyList<CancellableCall>> CallsAsync(string userId, IReadOnlyCollection<Guid> communicationIds, CancellationToken ct)
    {
        var result = new List<CancellableCall>();
        foreach (var id in communicationIds.Distinct())
        {
            if (await communications.LoadAsync(userId, id, ct) is not var (communication, registration)) continue;
            if (communication is not { Status: CommunicationStatus.Inviata, Type: CommunicationType.Invio }) continue;
            var view = await communications.ViewAsync(communication, registration, ct);
            result.AddRange(view.Lines.Select(l => new CancellableCall(communication.Id, communication.Number, l)));
        }
        return result;
    }

    public async Task<Outcome<CommunicationView>> CancelAsync(string userId, WorkflowActor actor, IReadOnlyCollection<Guid> lineIds, string channel, CancellationToken ct)
    {
        if (lineIds.Count == 0)
            return Outcome<CommunicationView>.Invalid(new FieldErrors().Add("callIds", "Seleziona almeno una chiamata da annullare.", "Select at least one call to cancel."));
        var lines = await db.Set<CallLine>().Where(l => lineIds.Contains(l.Id)).ToListAsync(ct);
        var parents = await db.Set<CallCommunication>().Where(c => lines.Select(l => l.CommunicationId).Contains(c.Id)).ToListAsync(ct);
        var mine = await db.Set<ServiceRegistration>().AsNoTracking().Where(r => r.UserId == userId).ToDictionaryAsync(r => r.Id, ct);
        if (lines.Count != lineIds.Distinct().Count() || parents.Any(p => !mine.ContainsKey(p.RegistrationId)))
            return Outcome<CommunicationView>.NotFound();

        var errors = new FieldErrors();
        var now = calendar.Now;
        foreach (var line in lines)
        {
            var parent = parents.Single(p => p.Id == line.CommunicationId);
            var field = $"callIds[{line.Id}]";
            if (parent is not { Status: CommunicationStatus.Inviata, Type: CommunicationType.Invio })
                errors.Add(field, $"{line.WorkerCf}: solo le chiamate di comunicazioni inviate possono essere annullate.",
                    $"{line.WorkerCf}: only calls of sent communications can be cancelled.");
            else if (line.Status != CallStatus.Attiva)
                errors.Add(field, $"{line.WorkerCf} ({line.StartDate:dd/MM/yyyy}): la chiamata è già annullata; si possono annullare solo le chiamate in stato «Attiva».",
                    $"{line.WorkerCf} ({line.StartDate:dd/MM/yyyy}): the call is already cancelled; only calls in state «Attiva» can be cancelled.");
            else if (calendar.CancellationDeadline(line) <= now)
                errors.Add(field, $"{line.WorkerCf} ({line.StartDate:dd/MM/yyyy}): il termine per l'annullamento è scaduto il {calendar.CancellationDeadline(line).ToLocalDisplay(calendar)}.",
                    $"{line.WorkerCf} ({line.StartDate:dd/MM/yyyy}): the cancellation deadline passed on {calendar.CancellationDeadline(line).ToLocalDisplay(calendar)}.");
        }
        if (errors.Any) return Outcome<CommunicationView>.Invalid(errors);
        var employers = parents.Select(p => (p.RegistrationId, p.EmployerCf)).Distinct().ToList();
        if (employers.Count > 1)
            return Outcome<CommunicationView>.Invalid(new FieldErrors().Add("callIds",
                "Annulla in una volta sola le chiamate di un solo datore di lavoro.", "Cancel the calls of one employer at a time."));

        var source = parents[0];
        var registration = mine[source.RegistrationId];
        var cancellation = new CallCommunication
        {
            RegistrationId = registration.Id, Type = CommunicationType.Annullamento, Status = CommunicationStatus.Bozza,
            EmployerCf = source.EmployerCf, EmployerName = source.EmployerName, EmployerEmail = source.EmployerEmail,
            CreatedByUserId = userId, Channel = channel, CreatedAt = now, UpdatedAt = now,
        };
        foreach (var line in lines)
        {
            line.Status = CallStatus.Annullata;
            line.CancelledAt = now;
            line.CancelledByCommunicationId = cancellation.Id;
            cancellation.Lines.Add(new CallLine
            {
                CommunicationId = cancellation.Id, WorkerCf = line.WorkerCf, CoCode = line.CoCode, StartDate = line.StartDate, EndDate = line.EndDate,
                Status = CallStatus.Annullata, CancelsLineId = line.Id, CancelledAt = now,
            });
        }
        foreach (var parent in parents) parent.Version++;
        db.Add(cancellation);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await sending.IssueAsync(cancellation, registration, actor, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<CommunicationView>.Refused("Le chiamate sono cambiate nel frattempo (forse annullate da un altro canale): ricarica e riprova.",
                "The calls changed meanwhile (perhaps cancelled through another channel): reload and try again.");
        }
        await transaction.CommitAsync(ct);
        return Outcome<CommunicationView>.Done(await communications.ViewAsync(cancellation, registration, ct));
    }
}

internal static class DeadlineDisplay
{
    public static string ToLocalDisplay(this DateTimeOffset instant, ItalianCalendar calendar) => calendar.Local(instant).ToString("dd/MM/yyyy HH:mm");
}
