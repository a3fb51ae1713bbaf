using System.Security.Claims;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Identity;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>
/// Asks for a Job-Room account, for <c>POST /api/jobroom/accounts</c> and the catalogue's start form alike: the UID
/// must be in the UID register, then <see cref="AccountRequests"/> decides between the main administrator's approval
/// and a power of attorney, in one transaction. Field checks of the input (UID check digit, email) come before, from
/// the caller's form.
/// </summary>
public sealed class JobRoomAccountStart(IUidRegister register, AccountRequests requests, JobRoomSteps steps, UserManager<AppUser> users)
{
    public async Task<Outcome<AccountRequestResult>> StartAsync(SwissUid uid, string email, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await register.FindAsync(uid, ct) is not { } company)
            return Outcome<AccountRequestResult>.Invalid(
                new FieldErrors().Add("uid", "Questo numero IDI non è nel registro IDI.", "This UID is not in the UID register."));
        var person = await users.GetUserAsync(user) ?? throw new InvalidOperationException("The logged-in user no longer exists.");
        var started = await steps.InTransactionAsync(() =>
            requests.RequestAsync(company, person, email, WorkflowActors.From(user, company.Id), ct), ct);
        return started is null
            ? Outcome<AccountRequestResult>.Refused("Hai già un conto o una richiesta in corso per questo IDI.",
                "You already have an account or a pending request for this UID.")
            : Outcome<AccountRequestResult>.Done(started);
    }
}
