using System.Security.Claims;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Audit;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Companies;

public static class CompaniesApi
{
    public static IEndpointRouteBuilder MapCompaniesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies").WithTags("Companies").RequireAuthorization();

        group.MapGet("/types", Types).AllowAnonymous()
            .WithSummary("Company types").WithDescription("The types a company may declare, with their legal references.");
        group.MapGet("/", ListAsync)
            .WithSummary("Companies I act for").WithDescription("Agency staff see every company; others the companies where they hold a role. `q` filters by codice fiscale or name.");
        group.MapGet("/{companyId:guid}", GetAsync)
            .WithSummary("One company");
        group.MapPut("/{companyId:guid}", UpdateAsync)
            .WithSummary("Update company data")
            .WithDescription("Administrators and agency staff change any field except the codice fiscale. Send the version you read; a concurrent change gives 409.");
        group.MapGet("/{companyId:guid}/journal", JournalAsync)
            .WithSummary("Audit trail of a company").WithDescription("Who did what for the company, newest first; page with `before`.");
        group.MapPut("/{companyId:guid}/convention", SetConventionAsync)
            .RequireAuthorization(p => p.RequireRole(Identity.Roles.AgencyReviewer))
            .WithSummary("Record whether the company joined the conventions")
            .WithDescription("Agency reviewers only. Companies in the conventions may give the «Amministratore Convenzionati» profile (rule 45).");

        group.MapUnits();
        return app;
    }

    public static Ok<IReadOnlyList<CompanyType>> Types() => TypedResults.Ok(CompanyTypes.All);

    public sealed record CompanySearch(string? Q, HttpContext Http, AppDbContext Db, CompanyAccess Access, CancellationToken Ct);

    public static async Task<Ok<List<CompanyView>>> ListAsync([AsParameters] CompanySearch r)
    {
        var visible = r.Access.VisibleCompanyIds(r.Http.User);
        var query = r.Db.Set<Company>().AsNoTracking().Include(c => c.Types).Include(c => c.Units).Where(c => visible.Contains(c.Id));
        if (!string.IsNullOrWhiteSpace(r.Q))
        {
            var term = r.Q.Trim().ToUpperInvariant();
            query = query.Where(c => c.CodiceFiscale == term || c.Name.ToUpper().Contains(term));
        }
        var companies = await query.OrderBy(c => c.Name).Take(200).ToListAsync(r.Ct);
        return TypedResults.Ok(companies.Select(c => c.ToView()).ToList());
    }

    public sealed record CompanyRead(Guid CompanyId, HttpContext Http, AppDbContext Db, CompanyAccess Access, CancellationToken Ct);

    public static async Task<Results<Ok<CompanyView>, NotFound>> GetAsync([AsParameters] CompanyRead r)
    {
        if (await r.Access.ForAsync(r.Http.User, r.CompanyId, r.Ct) is null) return TypedResults.NotFound();
        return TypedResults.Ok((await Load(r.Db, r.CompanyId, r.Ct)).ToView());
    }

    public sealed record JournalRequest(Guid CompanyId, long? Before, HttpContext Http, CompanyAccess Access, JournalReader Journal,
        CancellationToken Ct);

    public static async Task<Results<Ok<JournalPage>, NotFound, ForbidHttpResult>> JournalAsync([AsParameters] JournalRequest r)
    {
        var rights = await r.Access.ForAsync(r.Http.User, r.CompanyId, r.Ct);
        if (rights is null) return TypedResults.NotFound();
        if (!rights.CanManage) return TypedResults.Forbid();
        return TypedResults.Ok(await r.Journal.ForCompanyAsync(r.Http.User, r.CompanyId, r.Before, r.Ct));
    }

    public sealed record ConventionRequest(Guid CompanyId, [property: FromBody] ConventionMembership Body, HttpContext Http, AppDbContext Db,
        TimeProvider Clock, CancellationToken Ct);

    public static async Task<Results<Ok<ConventionView>, NotFound>> SetConventionAsync([AsParameters] ConventionRequest r)
    {
        var company = await r.Db.Set<Company>().SingleOrDefaultAsync(c => c.Id == r.CompanyId, r.Ct);
        if (company is null) return TypedResults.NotFound();
        company.InConvention = r.Body.InConvention;
        company.UpdatedAt = r.Clock.GetUtcNow();
        company.Version++;
        JournalWriter.RecordOperation(r.Db, WorkflowActors.From(r.Http.User, r.CompanyId), r.CompanyId, "company.convention",
            r.Body.InConvention ? "Company joined the conventions." : "Company left the conventions.", company.UpdatedAt);
        await r.Db.SaveChangesAsync(r.Ct);
        return TypedResults.Ok(new ConventionView(company.Id, company.InConvention, company.Version));
    }

    internal static Task<Company> Load(AppDbContext db, Guid companyId, CancellationToken ct) =>
        db.Set<Company>().Include(c => c.Types).Include(c => c.Units).SingleAsync(c => c.Id == companyId, ct);

    public sealed record CompanyChange(Guid CompanyId, [property: FromBody] CompanyUpdate Body, ClaimsPrincipal User, CompanyAccess Access,
        CompanyAdministration Administration, CancellationToken Ct);

    public static Task<Results<Ok<CompanyView>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> UpdateAsync(
        [AsParameters] CompanyChange r) =>
        r.Access.ForManagerAsync(r.User, r.CompanyId,
            () => r.Administration.UpdateAsync(r.CompanyId, r.Body, WorkflowActors.From(r.User, r.CompanyId), r.Ct),
            company => TypedResults.Ok(company), r.Ct);
}

public sealed record ConventionMembership(bool InConvention);

public sealed record ConventionView(Guid Id, bool InConvention, long Version);

/// <param name="ExpectedVersion">The <c>version</c> of the company as last read.</param>
public sealed record CompanyUpdate(CompanyInput Company, long ExpectedVersion);
