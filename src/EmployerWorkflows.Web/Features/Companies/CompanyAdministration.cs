using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Companies;

/// <summary>
/// Changes to a company's data and organisational units (sottogruppi; at least one always exists, rule 31). The API and the
/// company administration page both come here, after checking that the caller manages the company; each answers in domain
/// terms and leaves HTTP to its caller. Every change is written to the company's audit trail.
/// </summary>
public sealed class CompanyAdministration(AppDbContext db, TimeProvider clock)
{
    /// <summary>Any field except the codice fiscale; refused when the company changed since <see cref="CompanyUpdate.ExpectedVersion"/>.</summary>
    public async Task<Outcome<CompanyView>> UpdateAsync(Guid companyId, CompanyUpdate request, WorkflowActor actor, CancellationToken ct)
    {
        var errors = CompanyInputValidator.Validate(request.Company, registration: false);
        if (errors.Any) return Outcome<CompanyView>.Invalid(errors);
        var company = await db.Set<Company>().Include(c => c.Types).Include(c => c.Units).SingleOrDefaultAsync(c => c.Id == companyId, ct);
        if (company is null) return Outcome<CompanyView>.NotFound();
        if (company.Version != request.ExpectedVersion) return Conflict(company.Version);
        var before = company.ToView();
        company.Apply(request.Company);
        company.UpdatedAt = clock.GetUtcNow();
        company.Version++;
        JournalWriter.RecordOperation(db, actor, companyId, "company.update", CompanyChanges.Describe(before, company.ToView()), company.UpdatedAt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Not a runtime refusal: the company row is the host's, and its version check is this service's own.
            return Conflict(await db.Set<Company>().AsNoTracking().Where(c => c.Id == companyId).Select(c => c.Version).SingleAsync(ct));
        }
        return Outcome<CompanyView>.Done(company.ToView());
    }

    public async Task<Outcome<UnitView>> AddUnitAsync(Guid companyId, UnitInput input, WorkflowActor actor, CancellationToken ct)
    {
        var errors = Validate(input);
        if (errors.Any) return Outcome<UnitView>.Invalid(errors);
        var unit = new OrganisationalUnit { CompanyId = companyId, Name = input.Name!.Trim(), Code = input.Code?.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Add(unit);
        JournalWriter.RecordOperation(db, actor, companyId, "unit.create", $"Unit «{unit.Name}» created.", unit.CreatedAt);
        await db.SaveChangesAsync(ct);
        return Outcome<UnitView>.Done(new UnitView(unit.Id, unit.Name, unit.Code));
    }

    public async Task<Outcome<UnitView>> RenameUnitAsync(Guid companyId, Guid unitId, UnitInput input, WorkflowActor actor, CancellationToken ct)
    {
        var unit = await db.Set<OrganisationalUnit>().SingleOrDefaultAsync(u => u.Id == unitId && u.CompanyId == companyId, ct);
        if (unit is null) return Outcome<UnitView>.NotFound();
        var errors = Validate(input);
        if (errors.Any) return Outcome<UnitView>.Invalid(errors);
        var summary = $"Unit «{unit.Name}» renamed «{input.Name!.Trim()}».";
        unit.Name = input.Name.Trim();
        unit.Code = input.Code?.Trim();
        JournalWriter.RecordOperation(db, actor, companyId, "unit.update", summary, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Outcome<UnitView>.Done(new UnitView(unit.Id, unit.Name, unit.Code));
    }

    /// <summary>Refused for the last unit of a company and for a unit with profiles on it; answers the unit as it was.</summary>
    public async Task<Outcome<UnitView>> DeleteUnitAsync(Guid companyId, Guid unitId, WorkflowActor actor, CancellationToken ct)
    {
        var units = await db.Set<OrganisationalUnit>().Where(u => u.CompanyId == companyId).ToListAsync(ct);
        var unit = units.SingleOrDefault(u => u.Id == unitId);
        if (unit is null) return Outcome<UnitView>.NotFound();
        if (units.Count == 1)
            return Outcome<UnitView>.Refused("Ogni azienda deve avere almeno un'unità organizzativa: crea prima un'altra unità.",
                "Every company must have at least one organisational unit: create another one first.");
        if (await db.Set<ProfileAssignment>().AnyAsync(p => p.UnitId == unitId, ct))
            return Outcome<UnitView>.Refused("Ci sono profili assegnati su questa unità: toglili prima di eliminarla.",
                "Profiles are assigned on this unit: remove them before deleting it.");
        db.Remove(unit);
        JournalWriter.RecordOperation(db, actor, companyId, "unit.delete", $"Unit «{unit.Name}» deleted.", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Outcome<UnitView>.Done(new UnitView(unit.Id, unit.Name, unit.Code));
    }

    private static FieldErrors Validate(UnitInput input) =>
        new FieldErrors().Required("name", input.Name, "Nome dell'unità", "Unit name").MaxLength("name", input.Name, 200).MaxLength("code", input.Code, 40);

    private static Outcome<CompanyView> Conflict(long currentVersion) => Outcome<CompanyView>.Refused(
        new IdentifierError("I dati dell'azienda sono stati modificati da qualcun altro.", "Someone else has changed the company data."),
        new IdentifierError("Ricarica i dati e ripeti la modifica.", "Reload the data and make your change again."),
        new Dictionary<string, object?> { ["currentVersion"] = currentVersion });
}
