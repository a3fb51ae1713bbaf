using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Intermediaries;

public sealed record IntermediaryInput(string? Type, string? Name, string? RegisterName, string? RegisterNumber);

public sealed record IntermediaryView(Guid Id, string Type, string Name, string RegisterName, string RegisterNumber, string CodiceFiscale, string PersonName)
{
    public static IntermediaryView From(Intermediary i, AppUser person) =>
        new(i.Id, i.Type, i.Name, i.RegisterName, i.RegisterNumber, person.CodiceFiscale, person.DisplayName);
}

/// <summary>
/// A person registers as intermediary with their own identity (the login) and the register that entitles them
/// (rule 30: consultants, associations and the other types marked as acting for employers). Registering again
/// updates the firm and register details; the person never changes.
/// </summary>
public sealed class IntermediaryRegistration(AppDbContext db, TimeProvider clock)
{
    public static FieldErrors Check(IntermediaryInput input)
    {
        var errors = new FieldErrors();
        if (CompanyTypes.Find(input.Type) is not { ActsForEmployers: true })
            errors.Add("type", "Scegli un tipo di soggetto abilitato ad agire per i datori di lavoro (es. consulente del lavoro, associazione di categoria).",
                "Choose a type entitled to act for employers (e.g. labour consultant, trade association).");
        errors.Required("name", input.Name, "Studio o associazione", "Firm or association").MaxLength("name", input.Name, 200);
        errors.Required("registerName", input.RegisterName, "Albo o elenco", "Register").MaxLength("registerName", input.RegisterName, 200);
        errors.Required("registerNumber", input.RegisterNumber, "Numero di iscrizione", "Registration number").MaxLength("registerNumber", input.RegisterNumber, 40);
        return errors;
    }

    public async Task<Outcome<IntermediaryView>> RegisterAsync(ClaimsPrincipal user, IntermediaryInput input, CancellationToken ct)
    {
        var userId = user.UserId();
        var person = userId is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (person is null) return Outcome<IntermediaryView>.NotFound();
        var errors = Check(input);
        if (errors.Any) return Outcome<IntermediaryView>.Invalid(errors);
        var now = clock.GetUtcNow();
        var intermediary = await db.Set<Intermediary>().SingleOrDefaultAsync(i => i.UserId == person.Id, ct);
        if (intermediary is null)
        {
            intermediary = new Intermediary { UserId = person.Id, CreatedAt = now };
            db.Add(intermediary);
        }
        intermediary.Type = input.Type!;
        intermediary.Name = input.Name!.Trim();
        intermediary.RegisterName = input.RegisterName!.Trim();
        intermediary.RegisterNumber = input.RegisterNumber!.Trim();
        JournalWriter.RecordOperation(db, WorkflowActors.From(user), null, "intermediary.register",
            $"{person.CodiceFiscale} registered as intermediary {intermediary.Name} ({intermediary.Type}, {intermediary.RegisterName} {intermediary.RegisterNumber}).", now);
        await db.SaveChangesAsync(ct);
        return Outcome<IntermediaryView>.Done(IntermediaryView.From(intermediary, person));
    }

    public async Task<IntermediaryView?> MineAsync(string userId, CancellationToken ct) =>
        await db.Set<Intermediary>().AsNoTracking().Where(i => i.UserId == userId)
            .Join(db.Users, i => i.UserId, u => u.Id, (i, u) => new { i, u }).Select(x => IntermediaryView.From(x.i, x.u)).SingleOrDefaultAsync(ct);
}
