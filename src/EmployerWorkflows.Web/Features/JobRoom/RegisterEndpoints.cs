using System.Security.Claims;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.JobRoom;

public sealed record UidRegisterInput(string? Name, string? Street, string? PostalCode, string? Town);

public sealed record UidRegisterView(Guid Id, string Uid, string Name, string Street, string PostalCode, string Town, string Country);

public sealed record BackPaymentCaseInput(string? Uid, string? RisNumber, Guid? FiledByAccountId, DateTimeOffset? FiledAt);

public sealed record AccountUseInput(DateTimeOffset? LastUsedAt);

public sealed record LeftCompanyInput(DateTimeOffset? LeftAt);

public sealed record BackPaymentCaseAdded(Guid Id);

/// <summary>What agency staff keep: the UID register, the back-payment cases, the accounts' last use and departures.</summary>
internal static class RegisterEndpoints
{
    public static void MapRegisterEndpoints(this RouteGroupBuilder api)
    {
        var staff = api.MapGroup("").RequireAuthorization(JobRoomSetup.SecoDeskPolicy);

        staff.MapPut("/uid-register/{uid}", PutEntryAsync)
            .WithSummary("Adds or updates a company in the UID register")
            .WithDescription("SecoDesk only. The postal address is where a power of attorney is mailed (rule 3). The UID is accepted as " +
                             "CHE123456789 or CHE-123.456.789, with HR/MWST/TVA/IVA suffixes stripped, and its check digit verified.");

        staff.MapGet("/uid-register/{uid}", GetEntryAsync)
            .WithSummary("Reads a company of the UID register").WithDescription("SecoDesk only.");

        staff.MapPost("/back-payment-cases", AddCaseAsync)
            .WithSummary("Records a back-payment request filed on the eService")
            .WithDescription("SecoDesk only. Links the UID, the RIS number of the SECO letter and the Job-Room account that filed it; " +
                             "the daily inactivity check watches that account (rule 4).");

        staff.MapPost("/accounts/{id:guid}/last-use", RecordUseAsync)
            .WithSummary("Records the last known use of a Job-Room account").WithDescription("SecoDesk only; feeds the six-month inactivity check.");

        api.MapPost("/accounts/{id:guid}/left-company", LeftCompanyAsync)
            .WithSummary("Records that the account holder left the company")
            .WithDescription("The main administrator of the UID or SecoDesk. The account stops counting as active; a back-payment " +
                             "request it filed is proposed for write-rights renewal by the daily check.");
    }

    public static async Task<Results<Ok<UidRegisterView>, ValidationProblem>> PutEntryAsync(string uid, UidRegisterInput input,
        DatabaseUidRegister register, AppDbContext db, JobRoomSteps steps, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors().Add("uid", SwissUid.Validate(uid))
            .Required("name", input.Name, "ragione sociale", "company name").MaxLength("name", input.Name, 200)
            .Required("street", input.Street, "via", "street").MaxLength("street", input.Street, 200)
            .Required("postalCode", input.PostalCode, "NPA", "postal code").MaxLength("postalCode", input.PostalCode, 10)
            .Required("town", input.Town, "località", "town").MaxLength("town", input.Town, 100);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(await steps.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var entry = await register.UpsertAsync(SwissUid.Parse(uid), input.Name!, input.Street!, input.PostalCode!, input.Town!,
                (user.UserId() ?? ""), now, ct);
            JournalWriter.RecordOperation(db, WorkflowActors.From(user, entry.Id), entry.Id, "jobroom.uidRegister.upsert",
                $"UID register entry {entry.Uid}: {entry.Name}, {entry.Street}, {entry.PostalCode} {entry.Town}", now);
            return View(entry);
        }, ct));
    }

    public static async Task<Results<Ok<UidRegisterView>, ValidationProblem, ProblemHttpResult>> GetEntryAsync(string uid, AppDbContext db,
        CancellationToken ct)
    {
        if (!SwissUid.TryParse(uid, out var parsed)) return new FieldErrors().Add("uid", SwissUid.Validate(uid)).ToProblem();
        var entry = await db.Set<UidRegisterEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Uid == parsed.Value, ct);
        return entry is null ? JobRoomSetup.NotFound() : TypedResults.Ok(View(entry));
    }

    public static async Task<Results<Created<BackPaymentCaseAdded>, ValidationProblem>> AddCaseAsync(BackPaymentCaseInput input, AppDbContext db,
        JobRoomSteps steps, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors().Add("uid", SwissUid.Validate(input.Uid)).Add("risNumber", RisNumber.Validate(input.RisNumber));
        if (input.FiledByAccountId is null) errors.Add("filedByAccountId", "Indicare il conto che ha presentato la richiesta.", "Give the account that filed the request.");
        if (errors.Any) return errors.ToProblem();
        var uid = SwissUid.Parse(input.Uid).Value;
        var account = await db.Set<JobRoomAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.FiledByAccountId && a.Uid == uid, ct);
        if (account is null)
            return new FieldErrors().Add("filedByAccountId", "Nessun conto Job-Room con questo id per l'IDI.", "No Job-Room account with this id for the UID.").ToProblem();
        var added = await steps.InTransactionAsync(() =>
        {
            var now = clock.GetUtcNow();
            RisNumber.TryParse(input.RisNumber, out var ris);
            var c = new BackPaymentCase
            {
                RegisterEntryId = account.RegisterEntryId, Uid = uid, RisNumber = ris!.Value, FiledByAccountId = account.Id,
                FiledAt = input.FiledAt ?? now,
            };
            db.Add(c);
            JournalWriter.RecordOperation(db, WorkflowActors.From(user, account.RegisterEntryId), account.RegisterEntryId, "jobroom.backPaymentCase.add",
                $"Back-payment request of UID {uid}, RIS {c.RisNumber}, filed by {account.DisplayName}", now);
            return Task.FromResult(c);
        }, ct);
        return TypedResults.Created($"/api/jobroom/back-payment-cases/{added.Id}", new BackPaymentCaseAdded(added.Id));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RecordUseAsync(Guid id, AccountUseInput input, AppDbContext db,
        JobRoomSteps steps, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        if (input.LastUsedAt is null || input.LastUsedAt > clock.GetUtcNow())
            return new FieldErrors().Add("lastUsedAt", "Indicare una data non futura.", "Give a date that is not in the future.").ToProblem();
        var account = await db.Set<JobRoomAccount>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null) return JobRoomSetup.NotFound();
        return await steps.InTransactionAsync(() =>
        {
            account.LastUsedAt = input.LastUsedAt;
            account.Version++;
            JournalWriter.RecordOperation(db, WorkflowActors.From(user, account.RegisterEntryId), account.RegisterEntryId, "jobroom.account.lastUse",
                $"Last use of the Job-Room account of {account.DisplayName} ({account.Uid}): {input.LastUsedAt:O}", clock.GetUtcNow());
            return Task.FromResult(TypedResults.NoContent());
        }, ct);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> LeftCompanyAsync(Guid id, LeftCompanyInput input, AppDbContext db,
        JobRoomAccess access, JobRoomSteps steps, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var account = await db.Set<JobRoomAccount>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null || !(JobRoomAccess.IsSecoDesk(user) || await access.IsMainAdministratorAsync(user, account.Uid, ct)))
            return JobRoomSetup.NotFound();
        return await steps.InTransactionAsync(() =>
        {
            var now = clock.GetUtcNow();
            account.LeftCompanyAt = input.LeftAt ?? now;
            account.Version++;
            JournalWriter.RecordOperation(db, WorkflowActors.From(user, account.RegisterEntryId), account.RegisterEntryId, "jobroom.account.leftCompany",
                $"{account.DisplayName} left the company of UID {account.Uid} on {account.LeftCompanyAt:yyyy-MM-dd}", now);
            return Task.FromResult(TypedResults.NoContent());
        }, ct);
    }

    private static UidRegisterView View(UidRegisterEntry e) =>
        new(e.Id, SwissUid.Parse(e.Uid).Display, e.Name, e.Street, e.PostalCode, e.Town, e.Country);
}
