using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Localization;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Companies;

/// <summary>Organisational units (sottogruppi): at least one always exists (rule 31).</summary>
public static class UnitsApi
{
    public static RouteGroupBuilder MapUnits(this RouteGroupBuilder group)
    {
        group.MapPost("/{companyId:guid}/units", CreateAsync)
            .WithSummary("Add an organisational unit").Produces<UnitView>(StatusCodes.Status201Created).ProducesValidationProblem();

        group.MapPut("/{companyId:guid}/units/{unitId:guid}", RenameAsync)
            .WithSummary("Rename an organisational unit").Produces<UnitView>().ProducesValidationProblem();

        group.MapDelete("/{companyId:guid}/units/{unitId:guid}", DeleteAsync)
            .WithSummary("Delete an organisational unit")
            .WithDescription("Refused for the last unit of a company and for a unit with profiles on it.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    // Shared by the endpoints and the administration pages.
    internal static async Task<IResult> CreateAsync(Guid companyId, [FromBody] UnitInput input, HttpContext http,
        AppDbContext db, CompanyAccess access, TimeProvider clock, CancellationToken ct)
    {
        if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
        var errors = Validate(input);
        if (errors.Any) return errors.ToResult();
        var unit = new OrganisationalUnit { CompanyId = companyId, Name = input.Name!.Trim(), Code = input.Code?.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Add(unit);
        JournalWriter.RecordOperation(db, WorkflowActors.From(http.User, companyId), companyId, "unit.create", $"Unit «{unit.Name}» created.", unit.CreatedAt);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/companies/{companyId}/units/{unit.Id}", new UnitView(unit.Id, unit.Name, unit.Code));
    }

    internal static async Task<IResult> RenameAsync(Guid companyId, Guid unitId, [FromBody] UnitInput input, HttpContext http,
        AppDbContext db, CompanyAccess access, TimeProvider clock, CancellationToken ct)
    {
        if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
        var unit = await db.Set<OrganisationalUnit>().SingleOrDefaultAsync(u => u.Id == unitId && u.CompanyId == companyId, ct);
        if (unit is null) return Results.NotFound();
        var errors = Validate(input);
        if (errors.Any) return errors.ToResult();
        var summary = $"Unit «{unit.Name}» renamed «{input.Name!.Trim()}».";
        unit.Name = input.Name.Trim();
        unit.Code = input.Code?.Trim();
        JournalWriter.RecordOperation(db, WorkflowActors.From(http.User, companyId), companyId, "unit.update", summary, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Results.Ok(new UnitView(unit.Id, unit.Name, unit.Code));
    }

    internal static async Task<IResult> DeleteAsync(Guid companyId, Guid unitId, HttpContext http,
        AppDbContext db, CompanyAccess access, TimeProvider clock, CancellationToken ct)
    {
        if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
        var units = await db.Set<OrganisationalUnit>().Where(u => u.CompanyId == companyId).ToListAsync(ct);
        var unit = units.SingleOrDefault(u => u.Id == unitId);
        if (unit is null) return Results.NotFound();
        if (units.Count == 1)
            return Refuse("Ogni azienda deve avere almeno un'unità organizzativa: crea prima un'altra unità.",
                "Every company must have at least one organisational unit: create another one first.");
        if (await db.Set<ProfileAssignment>().AnyAsync(p => p.UnitId == unitId, ct))
            return Refuse("Ci sono profili assegnati su questa unità: toglili prima di eliminarla.",
                "Profiles are assigned on this unit: remove them before deleting it.");
        db.Remove(unit);
        JournalWriter.RecordOperation(db, WorkflowActors.From(http.User, companyId), companyId, "unit.delete", $"Unit «{unit.Name}» deleted.", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Results.NoContent();
    }

    private static FieldErrors Validate(UnitInput input) =>
        new FieldErrors().Required("name", input.Name, "Nome dell'unità", "Unit name").MaxLength("name", input.Name, 200).MaxLength("code", input.Code, 40);

    private static IResult Refuse(string italian, string english) =>
        Results.Problem(statusCode: 409, title: Lang.T(italian, english));
}

public sealed record UnitInput(string? Name, string? Code);
