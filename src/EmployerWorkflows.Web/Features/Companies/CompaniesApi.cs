using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Audit;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Companies;

public static class CompaniesApi
{
    public static IEndpointRouteBuilder MapCompaniesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies").WithTags("Companies").RequireAuthorization();

        group.MapGet("/types", () => CompanyTypes.All).AllowAnonymous()
            .WithSummary("Company types").WithDescription("The types a company may declare, with their legal references.");

        group.MapGet("/", async (string? q, HttpContext http, AppDbContext db, CompanyAccess access, CancellationToken ct) =>
            {
                var visible = access.VisibleCompanyIds(http.User);
                var query = db.Set<Company>().AsNoTracking().Include(c => c.Types).Include(c => c.Units).Where(c => visible.Contains(c.Id));
                if (!string.IsNullOrWhiteSpace(q))
                {
                    var term = q.Trim().ToUpperInvariant();
                    query = query.Where(c => c.CodiceFiscale == term || c.Name.ToUpper().Contains(term));
                }
                var companies = await query.OrderBy(c => c.Name).Take(200).ToListAsync(ct);
                return companies.Select(c => c.ToView()).ToList();
            })
            .WithSummary("Companies I act for").WithDescription("Agency staff see every company; others the companies where they hold a role. `q` filters by codice fiscale or name.");

        group.MapGet("/{companyId:guid}", async (Guid companyId, HttpContext http, AppDbContext db, CompanyAccess access, CancellationToken ct) =>
            {
                if (await access.ForAsync(http.User, companyId, ct) is null) return Results.NotFound();
                var company = await Load(db, companyId, ct);
                return Results.Ok(company.ToView());
            })
            .WithSummary("One company").Produces<CompanyView>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{companyId:guid}", UpdateAsync)
            .WithSummary("Update company data")
            .WithDescription("Administrators and agency staff change any field except the codice fiscale. Send the version you read; a concurrent change gives 409.")
            .Produces<CompanyView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{companyId:guid}/journal", async (Guid companyId, long? before, HttpContext http, CompanyAccess access,
                JournalReader journal, CancellationToken ct) =>
            {
                if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
                return Results.Ok(await journal.ForCompanyAsync(http.User, companyId, before, ct));
            })
            .WithSummary("Audit trail of a company").WithDescription("Who did what for the company, newest first; page with `before`.")
            .Produces<JournalPage>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{companyId:guid}/convention", async (Guid companyId, [FromBody] ConventionMembership request, HttpContext http,
                AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var company = await db.Set<Company>().SingleOrDefaultAsync(c => c.Id == companyId, ct);
                if (company is null) return Results.NotFound();
                company.InConvention = request.InConvention;
                company.UpdatedAt = clock.GetUtcNow();
                company.Version++;
                JournalWriter.RecordOperation(db, WorkflowActors.From(http.User, companyId), companyId, "company.convention",
                    request.InConvention ? "Company joined the conventions." : "Company left the conventions.", company.UpdatedAt);
                await db.SaveChangesAsync(ct);
                return Results.Ok(new { company.Id, company.InConvention, company.Version });
            })
            .RequireAuthorization(p => p.RequireRole(Identity.Roles.AgencyReviewer))
            .WithSummary("Record whether the company joined the conventions")
            .WithDescription("Agency reviewers only. Companies in the conventions may give the «Amministratore Convenzionati» profile (rule 45).");

        group.MapUnits();
        return app;
    }

    internal static Task<Company> Load(AppDbContext db, Guid companyId, CancellationToken ct) =>
        db.Set<Company>().Include(c => c.Types).Include(c => c.Units).SingleAsync(c => c.Id == companyId, ct);

    internal static async Task<IResult> UpdateAsync(Guid companyId, [FromBody] CompanyUpdate request, HttpContext http,
        AppDbContext db, CompanyAccess access, TimeProvider clock, CancellationToken ct)
    {
        if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
        var errors = CompanyInputValidator.Validate(request.Company, registration: false);
        if (errors.Any) return errors.ToResult();
        var company = await Load(db, companyId, ct);
        if (company.Version != request.ExpectedVersion) return Conflict(company);
        var before = company.ToView();
        company.Apply(request.Company);
        company.UpdatedAt = clock.GetUtcNow();
        company.Version++;
        JournalWriter.RecordOperation(db, WorkflowActors.From(http.User, companyId), companyId, "company.update",
            CompanyChanges.Describe(before, company.ToView()), company.UpdatedAt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict(await db.Set<Company>().AsNoTracking().SingleAsync(c => c.Id == companyId, ct));
        }
        return Results.Ok(company.ToView());
    }

    private static IResult Conflict(Company current) => Results.Problem(statusCode: 409,
        title: Lang.T("I dati dell'azienda sono stati modificati da qualcun altro.", "Someone else has changed the company data."),
        detail: Lang.T("Ricarica i dati e ripeti la modifica.", "Reload the data and make your change again."),
        extensions: new Dictionary<string, object?> { ["currentVersion"] = current.Version });
}

public sealed record ConventionMembership(bool InConvention);

/// <param name="ExpectedVersion">The <c>version</c> of the company as last read.</param>
public sealed record CompanyUpdate(CompanyInput Company, long ExpectedVersion);
