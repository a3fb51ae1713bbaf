using System.Net.Mail;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Intermittent.Registration;
using EmployerWorkflows.Web.Localization;
using EmployerWorkflows.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Intermittent.Calls;

/// <summary>
/// Drafts of call communications (rules 22–26): an approved registration opens one for an employer (the company's
/// own data, read-only, or one a consultant enters), lines are added, changed and removed while it is a Bozza, each
/// checked by <see cref="CallRules"/> and matched against the CO archive. Sending is <see cref="CallSending"/>.
/// </summary>
public sealed class CallCommunications(AppDbContext db, ServiceRegistrations registrations, IContractArchive archive, ItalianCalendar calendar)
{
    public async Task<Outcome<CommunicationView>> CreateDraftAsync(string userId, Guid? registrationId, EmployerInput? employer, CancellationToken ct)
    {
        var registration = await registrations.ApprovedAsync(userId, registrationId, ct);
        if (!registration.Succeeded) return registration.As<CommunicationView>();
        var reg = registration.Value!;
        var now = calendar.Now;
        var communication = new CallCommunication
        {
            RegistrationId = reg.Id, Type = CommunicationType.Invio, Status = CommunicationStatus.Bozza,
            CreatedByUserId = userId, CreatedAt = now, UpdatedAt = now,
        };
        var errors = await ApplyEmployerAsync(communication, reg, employer, ct);
        if (errors.Any) return Outcome<CommunicationView>.Invalid(errors);
        db.Add(communication);
        await db.SaveChangesAsync(ct);
        return Outcome<CommunicationView>.Done(await ViewAsync(communication, reg, ct));
    }

    public async Task<Outcome<CommunicationView>> UpdateEmployerAsync(string userId, Guid id, EmployerInput employer, long? expectedVersion, CancellationToken ct) =>
        await EditDraftAsync(userId, id, expectedVersion, async (communication, reg) =>
        {
            var errors = await ApplyEmployerAsync(communication, reg, employer, ct);
            // Lines keep the CO codes chosen for the previous employer only if they belong to the new one too.
            if (!errors.Any)
                foreach (var line in communication.Lines.Where(l => l.CoCode is not null))
                    if (!(await archive.FindAsync(communication.EmployerCf, line.WorkerCf, line.StartDate, ct)).Any(c => c.CoCode == line.CoCode))
                        line.CoCode = null;
            return errors;
        }, ct);

    public async Task<Outcome<LineSaved>> SaveLineAsync(string userId, Guid id, Guid? lineId, CallLineInput input, long? expectedVersion, CancellationToken ct)
    {
        IReadOnlyList<ContractView> contracts = [];
        Guid savedId = default;
        var edited = await EditDraftAsync(userId, id, expectedVersion, async (communication, _) =>
        {
            var errors = new FieldErrors();
            CallLine? line = null;
            if (lineId is { } existing && (line = communication.Lines.SingleOrDefault(l => l.Id == existing)) is null)
                return errors.Add("lineId", "Questa chiamata non fa parte della comunicazione.", "This call is not part of the communication.");
            var checkedLine = CallRules.Check(input, calendar.Today, errors);
            if (checkedLine is null) return errors;
            var overlap = await OverlapAsync(communication, checkedLine, line?.Id, ct);
            if (overlap is { } o) return CallRules.OverlapError(errors, o);
            contracts = await archive.FindAsync(communication.EmployerCf, checkedLine.WorkerCf, checkedLine.StartDate, ct);
            if (checkedLine.CoCode is { } code && contracts.All(c => c.CoCode != code))
                return errors.Add("coCode", "Il codice comunicazione scelto non è tra le CO intermittenti di questo lavoratore e datore di lavoro.",
                    "The chosen communication code is not one of the intermittent COs of this worker and employer.");
            if (line is null)
            {
                line = new CallLine { CommunicationId = communication.Id, Status = CallStatus.Attiva };
                communication.Lines.Add(line);
                // The key is set on creation, so EF would take the line for an existing row unless told it is new.
                db.Add(line);
            }
            line.WorkerCf = checkedLine.WorkerCf;
            line.StartDate = checkedLine.StartDate;
            line.EndDate = checkedLine.EndDate;
            line.CoCode = checkedLine.CoCode;
            savedId = line.Id;
            return errors;
        }, ct);
        var warning = contracts.Count == 0
            ? Lang.T("Nessun rapporto di lavoro intermittente aperto trovato tra questo lavoratore e il datore di lavoro: la chiamata è salvata senza codice comunicazione. Verifica che la CO di assunzione sia stata inviata.",
                "No open intermittent employment found between this worker and the employer: the call is saved without a communication code. Check that the hiring CO was sent.")
            : null;
        return edited.Map(view => new LineSaved(view, savedId, contracts, warning));
    }

    public Task<Outcome<CommunicationView>> DeleteLineAsync(string userId, Guid id, Guid lineId, long? expectedVersion, CancellationToken ct) =>
        EditDraftAsync(userId, id, expectedVersion, (communication, _) =>
        {
            var line = communication.Lines.SingleOrDefault(l => l.Id == lineId);
            if (line is null)
                return Task.FromResult(new FieldErrors().Add("lineId", "Questa chiamata non fa parte della comunicazione.", "This call is not part of the communication."));
            communication.Lines.Remove(line);
            db.Remove(line);
            return Task.FromResult(new FieldErrors());
        }, ct);

    public async Task<Outcome<bool>> DeleteDraftAsync(string userId, Guid id, CancellationToken ct)
    {
        var found = await LoadAsync(userId, id, ct);
        if (found is null) return Outcome<bool>.NotFound();
        if (found.Value.Communication.Status != CommunicationStatus.Bozza)
            return Outcome<bool>.Refused("Una comunicazione inviata non può essere eliminata.", "A sent communication cannot be deleted.");
        db.Remove(found.Value.Communication);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Done(true);
    }

    public async Task<Outcome<CommunicationView>> GetAsync(string userId, Guid id, CancellationToken ct)
    {
        var found = await LoadAsync(userId, id, ct);
        return found is { } f ? Outcome<CommunicationView>.Done(await ViewAsync(f.Communication, f.Registration, ct)) : Outcome<CommunicationView>.NotFound();
    }

    public async Task<IReadOnlyList<CommunicationSummary>> ListAsync(string userId, CommunicationStatus? status, CancellationToken ct)
    {
        var mine = db.Set<ServiceRegistration>().Where(r => r.UserId == userId).Select(r => r.Id);
        var rows = await db.Set<CallCommunication>().AsNoTracking().Include(c => c.Lines)
            .Where(c => mine.Contains(c.RegistrationId) && (status == null || c.Status == status))
            .ToListAsync(ct);
        return rows.OrderByDescending(c => c.SentAt ?? c.CreatedAt)
            .Select(c => new CommunicationSummary(c.Id, c.Number, c.Type, TypeCode(c.Type), c.Status, c.EmployerCf, c.EmployerName, c.CreatedAt, c.SentAt,
                c.Lines.Count, c.Type == CommunicationType.Invio ? c.Lines.Count(l => l.Status == CallStatus.Attiva) : 0))
            .ToList();
    }

    public async Task<(CallCommunication Communication, ServiceRegistration Registration)?> LoadAsync(string userId, Guid id, CancellationToken ct)
    {
        var communication = await db.Set<CallCommunication>().Include(c => c.Lines).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (communication is null) return null;
        var registration = await db.Set<ServiceRegistration>().AsNoTracking().SingleAsync(r => r.Id == communication.RegistrationId, ct);
        return registration.UserId == userId ? (communication, registration) : null;
    }

    private async Task<Outcome<CommunicationView>> EditDraftAsync(string userId, Guid id, long? expectedVersion,
        Func<CallCommunication, ServiceRegistration, Task<FieldErrors>> edit, CancellationToken ct)
    {
        var found = await LoadAsync(userId, id, ct);
        if (found is not var (communication, registration)) return Outcome<CommunicationView>.NotFound();
        if (communication.Status != CommunicationStatus.Bozza)
            return Outcome<CommunicationView>.Refused("Una comunicazione inviata non può essere modificata.", "A sent communication cannot be changed.");
        if (registration.Status != RegistrationStatus.Approved)
            return Outcome<CommunicationView>.Refused("La tua registrazione al servizio non è approvata.", "Your registration to the service is not approved.", StatusCodes.Status403Forbidden);
        if (expectedVersion is { } v && v != communication.Version)
            return Stale();
        var errors = await edit(communication, registration);
        if (errors.Any) return Outcome<CommunicationView>.Invalid(errors);
        communication.UpdatedAt = calendar.Now;
        communication.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }
        return Outcome<CommunicationView>.Done(await ViewAsync(communication, registration, ct));
    }

    private static Outcome<CommunicationView> Stale() => Outcome<CommunicationView>.Refused(
        "La bozza è stata modificata nel frattempo (forse in un'altra finestra): ricarica per vedere la versione attuale.",
        "The draft was changed meanwhile (perhaps in another window): reload to see the current version.");

    /// <summary>A company's employer data comes from its registry record and cannot be changed; a consultant enters it (rule 22).</summary>
    private async Task<FieldErrors> ApplyEmployerAsync(CallCommunication communication, ServiceRegistration registration, EmployerInput? input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (registration.Kind == ApplicantKind.Company)
        {
            var company = await db.Set<Company>().AsNoTracking().SingleAsync(c => c.Id == registration.CompanyId, ct);
            if (input?.CodiceFiscale is { Length: > 0 } cf && !string.Equals(cf.Trim(), company.CodiceFiscale, StringComparison.OrdinalIgnoreCase))
                return errors.Add("employer.codiceFiscale", "I dati del datore di lavoro sono quelli dell'azienda registrata e non sono modificabili.",
                    "The employer data are those of the registered company and cannot be changed.");
            communication.EmployerCf = company.CodiceFiscale;
            communication.EmployerName = company.Name;
            communication.EmployerEmail = company.Email;
            return errors;
        }
        errors.Add("employer.codiceFiscale", string.IsNullOrWhiteSpace(input?.CodiceFiscale)
            ? new IdentifierError("Indica il codice fiscale del datore di lavoro.", "Enter the employer's codice fiscale.")
            : CompanyCodiceFiscale.Validate(input.CodiceFiscale));
        errors.Required("employer.name", input?.Name, "denominazione", "name").MaxLength("employer.name", input?.Name?.Trim(), 200);
        var email = input?.Email?.Trim();
        if (string.IsNullOrEmpty(email)) errors.Add("employer.email", "Indica l'e-mail del datore di lavoro.", "Enter the employer's e-mail.");
        else if (!(MailAddress.TryCreate(email, out var address) && address.Address == email && address.Host.Contains('.')) || email.Length > 320)
            errors.Add("employer.email", "Indirizzo email non valido.", "Invalid email address.");
        if (errors.Any) return errors;
        communication.EmployerCf = CompanyCodiceFiscale.Parse(input!.CodiceFiscale).Value;
        communication.EmployerName = input.Name!.Trim();
        communication.EmployerEmail = email!;
        return errors;
    }

    /// <summary>Other periods of the same worker: this draft's other lines and the employer's sent, still active calls.</summary>
    internal async Task<(DateOnly Start, DateOnly End)?> OverlapAsync(CallCommunication communication, CheckedLine line, Guid? except, CancellationToken ct)
    {
        var own = communication.Lines.Where(l => l.Id != except).Select(l => (l.WorkerCf, l.StartDate, l.LastDay));
        var sent = await db.Set<CallLine>().AsNoTracking()
            .Where(l => l.WorkerCf == line.WorkerCf && l.Status == CallStatus.Attiva && l.CommunicationId != communication.Id)
            .Join(db.Set<CallCommunication>().Where(c => c.EmployerCf == communication.EmployerCf && c.Status == CommunicationStatus.Inviata
                                                         && c.Type == CommunicationType.Invio),
                l => l.CommunicationId, c => c.Id, (l, c) => new { l.WorkerCf, l.StartDate, l.EndDate })
            .ToListAsync(ct);
        return CallRules.Overlap(line, own.Concat(sent.Select(s => (s.WorkerCf, s.StartDate, s.EndDate ?? s.StartDate))));
    }

    public async Task<CommunicationView> ViewAsync(CallCommunication c, ServiceRegistration registration, CancellationToken ct)
    {
        var cancellations = await db.Set<CallCommunication>().AsNoTracking()
            .Where(x => c.Lines.Select(l => l.CancelledByCommunicationId).Contains(x.Id))
            .ToDictionaryAsync(x => x.Id, x => x.Number, ct);
        var ordered = c.Lines.OrderBy(l => l.WorkerCf).ThenBy(l => l.StartDate).ToList();
        var lines = ordered.Select((l, i) =>
        {
            var continues = i > 0 && ordered[i - 1].WorkerCf == l.WorkerCf && ordered[i - 1].LastDay.AddDays(1) == l.StartDate;
            var sentActive = c.Status == CommunicationStatus.Inviata && c.Type == CommunicationType.Invio && l.Status == CallStatus.Attiva;
            var until = sentActive ? calendar.CancellationDeadline(l) : (DateTimeOffset?)null;
            return new LineView(l.Id, l.WorkerCf, l.CoCode, l.StartDate, l.EndDate, l.LastDay.DayNumber - l.StartDate.DayNumber + 1, l.Status, continues,
                l.StartDate, sentActive && until > calendar.Now, until,
                l.CancelledByCommunicationId is { } by ? cancellations.GetValueOrDefault(by) : null);
        }).ToList();
        return new CommunicationView(c.Id, c.Number, c.Type, TypeCode(c.Type), c.Status, c.RegistrationId,
            new EmployerView(c.EmployerCf, c.EmployerName, c.EmployerEmail),
            registration.Kind == ApplicantKind.Consultant && c.Status == CommunicationStatus.Bozza, c.Channel, c.CreatedAt, c.SentAt, c.Version, lines);
    }

    public static string TypeCode(CommunicationType type) => type == CommunicationType.Invio ? "I" : "A";
}
