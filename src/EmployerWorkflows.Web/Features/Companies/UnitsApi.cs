using System.Security.Claims;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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

    public sealed record UnitCreate(Guid CompanyId, [property: FromBody] UnitInput Body, ClaimsPrincipal User, CompanyAccess Access,
        CompanyAdministration Administration, CancellationToken Ct);

    public static Task<Results<Created<UnitView>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> CreateUnitAsync(
        [AsParameters] UnitCreate r) =>
        r.Access.ForManagerAsync(r.User, r.CompanyId,
            () => r.Administration.AddUnitAsync(r.CompanyId, r.Body, WorkflowActors.From(r.User, r.CompanyId), r.Ct),
            unit => TypedResults.Created($"/api/companies/{r.CompanyId}/units/{unit.Id}", unit), r.Ct);

    public sealed record UnitRename(Guid CompanyId, Guid UnitId, [property: FromBody] UnitInput Body, ClaimsPrincipal User, CompanyAccess Access,
        CompanyAdministration Administration, CancellationToken Ct);

    public static Task<Results<Ok<UnitView>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> RenameUnitAsync(
        [AsParameters] UnitRename r) =>
        r.Access.ForManagerAsync(r.User, r.CompanyId,
            () => r.Administration.RenameUnitAsync(r.CompanyId, r.UnitId, r.Body, WorkflowActors.From(r.User, r.CompanyId), r.Ct),
            unit => TypedResults.Ok(unit), r.Ct);

    public sealed record UnitDelete(Guid CompanyId, Guid UnitId, ClaimsPrincipal User, CompanyAccess Access, CompanyAdministration Administration,
        CancellationToken Ct);

    public static Task<Results<NoContent, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> DeleteUnitAsync(
        [AsParameters] UnitDelete r) =>
        r.Access.ForManagerAsync(r.User, r.CompanyId,
            () => r.Administration.DeleteUnitAsync(r.CompanyId, r.UnitId, WorkflowActors.From(r.User, r.CompanyId), r.Ct),
            _ => TypedResults.NoContent(), r.Ct);
}

public sealed record UnitInput(string? Name, string? Code);
