using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Intermittent.Registration;
using EmployerWorkflows.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Intermittent.Sms;

public sealed record SmsNumberView(Guid Id, string NationalNumber, string Display, DateTimeOffset CreatedAt);

/// <summary>
/// The mobile numbers a company registered for the SMS channel (rule 28, DOMAIN §6): Italian mobiles only, stored
/// as national numbers, each number for one registration. Only SMS from these numbers are accepted.
/// </summary>
public sealed class SmsNumbers(AppDbContext db, ServiceRegistrations registrations, TimeProvider clock)
{
    public async Task<Outcome<SmsNumberView>> RegisterAsync(string userId, Guid? registrationId, string? number, CancellationToken ct)
    {
        var registration = await registrations.ApprovedAsync(userId, registrationId, ct);
        if (!registration.Succeeded) return registration.As<SmsNumberView>();
        if (registration.Value!.Kind != ApplicantKind.Company)
            return Outcome<SmsNumberView>.Refused("Il canale SMS è disponibile per le aziende registrate al servizio: un SMS non indica il datore di lavoro.",
                "The SMS channel is for companies registered to the service: an SMS does not name the employer.");
        if (ItalianMobile.Validate(number) is { } invalid)
            return Outcome<SmsNumberView>.Invalid(new FieldErrors().Add("number", invalid));
        ItalianMobile.TryParse(number, out var mobile);
        if (await db.Set<SmsNumber>().AnyAsync(n => n.NationalNumber == mobile!.NationalNumber, ct))
            return Outcome<SmsNumberView>.Invalid(new FieldErrors().Add("number", "Questo numero è già registrato.", "This number is already registered."));
        var row = new SmsNumber
        {
            RegistrationId = registration.Value.Id, NationalNumber = mobile!.NationalNumber, CreatedByUserId = userId, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<SmsNumberView>.Invalid(new FieldErrors().Add("number", "Questo numero è già registrato.", "This number is already registered."));
        }
        return Outcome<SmsNumberView>.Done(View(row));
    }

    public async Task<IReadOnlyList<SmsNumberView>> MineAsync(string userId, CancellationToken ct)
    {
        var mine = db.Set<ServiceRegistration>().Where(r => r.UserId == userId).Select(r => r.Id);
        var rows = await db.Set<SmsNumber>().AsNoTracking().Where(n => mine.Contains(n.RegistrationId)).ToListAsync(ct);
        return rows.OrderBy(n => n.CreatedAt).Select(View).ToList();
    }

    public async Task<Outcome<bool>> RemoveAsync(string userId, Guid id, CancellationToken ct)
    {
        var mine = db.Set<ServiceRegistration>().Where(r => r.UserId == userId).Select(r => r.Id);
        var row = await db.Set<SmsNumber>().SingleOrDefaultAsync(n => n.Id == id && mine.Contains(n.RegistrationId), ct);
        if (row is null) return Outcome<bool>.NotFound();
        db.Remove(row);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Done(true);
    }

    private static SmsNumberView View(SmsNumber n) => new(n.Id, n.NationalNumber, $"(+39) {n.NationalNumber}", n.CreatedAt);
}
