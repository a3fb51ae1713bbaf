using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Collaborators;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Localization;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Companies;

/// <summary>Organisational units (sottogruppi): at least one always exists (rule 31).</summary>
public static class UnitsApi
{
    public static RouteGroupBuilder MapUnits(this RouteGroupBuilder group)
    {
        group.MapPost("/{companyId:guid}/units", CreateUnitAsync)
            .WithSummary("Add an organisational unit");
        group.MapPut("/{companyId:guid}/units/{unitId:guid}", RenameUnitAsync)
            .WithSummary("Rename an organisational unit");
        group.MapDelete("/{companyId:guid}/units/{unitId:guid}", DeleteUnitAsync)
            .WithSummary("Delete an organisational unit")
            .WithDescription("Refused for the last unit of a company and for a unit with profiles on it.");
        return group;
    }

    public sealed record UnitCreate(Guid CompanyId, [property: FromBody] UnitInput Body, HttpContext Http, AppDbContext Db, CompanyAccess Access,
        TimeProvider Clock, CancellationToken Ct);

    public static async Task<Results<Created<UnitView>, ValidationProblem, NotFound, ForbidHttpResult>> CreateUnitAsync([AsParameters] UnitCreate r)
    {
        var rights = await r.Access.ForAsync(r.Http.User, r.CompanyId, r.Ct);
        if (rights is null) return TypedResults.NotFound();
        if (!rights.CanManage) return TypedResults.Forbid();
        var errors = Validate(r.Body);
        if (errors.Any) return errors.ToProblem();
        var unit = new OrganisationalUnit { CompanyId = r.CompanyId, Name = r.Body.Name!.Trim(), Code = r.Body.Code?.Trim(), CreatedAt = r.Clock.GetUtcNow() };
        r.Db.Add(unit);
        JournalWriter.RecordOperation(r.Db, WorkflowActors.From(r.Http.User, r.CompanyId), r.CompanyId, "unit.create", $"Unit «{unit.Name}» created.",
            unit.CreatedAt);
        await r.Db.SaveChangesAsync(r.Ct);
        return TypedResults.Created($"/api/companies/{r.CompanyId}/units/{unit.Id}", new UnitView(unit.Id, unit.Name, unit.Code));
    }

    public sealed record UnitRename(Guid CompanyId, Guid UnitId, [property: FromBody] UnitInput Body, HttpContext Http, AppDbContext Db,
        CompanyAccess Access, TimeProvider Clock, CancellationToken Ct);

    public static async Task<Results<Ok<UnitView>, ValidationProblem, NotFound, ForbidHttpResult>> RenameUnitAsync([AsParameters] UnitRename r)
    {
        var rights = await r.Access.ForAsync(r.Http.User, r.CompanyId, r.Ct);
        if (rights is null) return TypedResults.NotFound();
        if (!rights.CanManage) return TypedResults.Forbid();
        var unit = await r.Db.Set<OrganisationalUnit>().SingleOrDefaultAsync(u => u.Id == r.UnitId && u.CompanyId == r.CompanyId, r.Ct);
        if (unit is null) return TypedResults.NotFound();
        var errors = Validate(r.Body);
        if (errors.Any) return errors.ToProblem();
        var summary = $"Unit «{unit.Name}» renamed «{r.Body.Name!.Trim()}».";
        unit.Name = r.Body.Name.Trim();
        unit.Code = r.Body.Code?.Trim();
        JournalWriter.RecordOperation(r.Db, WorkflowActors.From(r.Http.User, r.CompanyId), r.CompanyId, "unit.update", summary, r.Clock.GetUtcNow());
        await r.Db.SaveChangesAsync(r.Ct);
        return TypedResults.Ok(new UnitView(unit.Id, unit.Name, unit.Code));
    }

    public sealed record UnitDelete(Guid CompanyId, Guid UnitId, HttpContext Http, AppDbContext Db, CompanyAccess Access, TimeProvider Clock,
        CancellationToken Ct);

    public static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> DeleteUnitAsync([AsParameters] UnitDelete r)
    {
        var rights = await r.Access.ForAsync(r.Http.User, r.CompanyId, r.Ct);
        if (rights is null) return TypedResults.NotFound();
        if (!rights.CanManage) return TypedResults.Forbid();
        var units = await r.Db.Set<OrganisationalUnit>().Where(u => u.CompanyId == r.CompanyId).ToListAsync(r.Ct);
        var unit = units.SingleOrDefault(u => u.Id == r.UnitId);
        if (unit is null) return TypedResults.NotFound();
        if (units.Count == 1)
            return Refuse("Ogni azienda deve avere almeno un'unità organizzativa: crea prima un'altra unità.",
                "Every company must have at least one organisational unit: create another one first.");
        if (await r.Db.Set<ProfileAssignment>().AnyAsync(p => p.UnitId == r.UnitId, r.Ct))
            return Refuse("Ci sono profili assegnati su questa unità: toglili prima di eliminarla.",
                "Profiles are assigned on this unit: remove them before deleting it.");
        r.Db.Remove(unit);
        JournalWriter.RecordOperation(r.Db, WorkflowActors.From(r.Http.User, r.CompanyId), r.CompanyId, "unit.delete", $"Unit «{unit.Name}» deleted.",
            r.Clock.GetUtcNow());
        await r.Db.SaveChangesAsync(r.Ct);
        return TypedResults.NoContent();
    }

    // The company administration page still reads these answers as plain results.
    internal static async Task<IResult> CreateAsync(Guid companyId, UnitInput input, HttpContext http, AppDbContext db, CompanyAccess access,
        TimeProvider clock, CancellationToken ct) =>
        await CreateUnitAsync(new UnitCreate(companyId, input, http, db, access, clock, ct));

    internal static async Task<IResult> RenameAsync(Guid companyId, Guid unitId, UnitInput input, HttpContext http, AppDbContext db,
        CompanyAccess access, TimeProvider clock, CancellationToken ct) =>
        await RenameUnitAsync(new UnitRename(companyId, unitId, input, http, db, access, clock, ct));

    internal static async Task<IResult> DeleteAsync(Guid companyId, Guid unitId, HttpContext http, AppDbContext db, CompanyAccess access,
        TimeProvider clock, CancellationToken ct) =>
        await DeleteUnitAsync(new UnitDelete(companyId, unitId, http, db, access, clock, ct));

    private static FieldErrors Validate(UnitInput input) =>
        new FieldErrors().Required("name", input.Name, "Nome dell'unità", "Unit name").MaxLength("name", input.Name, 200).MaxLength("code", input.Code, 40);

    private static ProblemHttpResult Refuse(string italian, string english) =>
        TypedResults.Problem(statusCode: 409, title: Lang.T(italian, english));
}

public sealed record UnitInput(string? Name, string? Code);
