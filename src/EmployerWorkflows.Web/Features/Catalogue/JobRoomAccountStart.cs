using System.Security.Claims;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.JobRoom;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Identity;

namespace EmployerWorkflows.Web.Features.Catalogue;

/// <summary>What asking for a Job-Room account gave: the procedure started, or why nothing was started.</summary>
public sealed record AccountStartOutcome(AccountRequestResult? Started, FieldErrors Errors, bool AlreadyPending);

/// <summary>
/// Asks for a Job-Room account from the start form: the UID must be in the UID register, then the same procedure
/// service as <c>POST /api/jobroom/accounts</c> decides between the main administrator's approval and a power of
/// attorney, in one transaction. Field checks of the form itself (UID check digit, email) come before, from the form.
/// </summary>
public sealed class JobRoomAccountStart(AppDbContext db, IUidRegister register, AccountRequests requests, UserManager<AppUser> users)
{
    public async Task<AccountStartOutcome> StartAsync(string uidText, string email, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var company = await register.FindAsync(SwissUid.Parse(uidText), ct);
        if (company is null)
            return new(null, errors.Add("uid", "Questo numero IDI non è nel registro IDI.", "This UID is not in the UID register."), false);
        var person = await users.GetUserAsync(user) ?? throw new InvalidOperationException("The logged-in user no longer exists.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var started = await requests.RequestAsync(company, person, email, WorkflowActors.From(user, company.Id), ct);
        if (started is null) return new(null, errors, AlreadyPending: true);
        await transaction.CommitAsync(ct);
        return new(started, errors, false);
    }
}
