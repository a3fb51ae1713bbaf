using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>The outcome of asking for a Job-Room account linked to a UID.</summary>
public sealed record AccountRequestResult(JobRoomAccount Account, Guid InstanceId, string Procedure);

/// <summary>
/// Phase A: a person asks for a Job-Room account linked to a UID (rule 1). When the UID already has an active
/// account, the main administrator decides (rule 2); when it has none, a procura is generated for the address in
/// the UID register (rule 3). Runs in the caller's transaction, so the account row, the procedure and the letter
/// commit together.
/// </summary>
public sealed class AccountRequests(AppDbContext db, IWorkflowEngine engine, JobRoomAccess access, TimeProvider clock, IOptions<JobRoomOptions> options)
{
    public const string PowerOfAttorney = "power-of-attorney";
    public const string AccessRequest = "jobroom-access-request";

    /// <summary>Null when the person already has a pending or active account for the UID.</summary>
    public async Task<AccountRequestResult?> RequestAsync(UidRegisterRecord company, AppUser user, string email, WorkflowActor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var uid = company.Uid.Value;
        var account = await access.AccountAsync(uid, user.Id, ct);
        if (account is { Status: JobRoomAccountStatus.AwaitingApproval or JobRoomAccountStatus.AwaitingPowerOfAttorney }
            || account is { IsActive: true })
            return null;
        if (account is null)
        {
            account = new JobRoomAccount { RegisterEntryId = company.Id, Uid = uid, UserId = user.Id };
            db.Add(account);
        }
        account.Email = email.Trim();
        account.DisplayName = user.DisplayName.Length > 0 ? user.DisplayName : user.CodiceFiscale;
        account.Language = user.PreferredLanguage == "en" ? "en" : "it";
        account.RequestedAt = now;
        account.LeftCompanyAt = null;
        account.IsMainAdministrator = false;
        account.Version++;

        var main = await access.MainAdministratorAsync(uid, ct);
        var variables = new JsonObject
        {
            ["company"] = JobRoomVariables.Company(company),
            ["requester"] = JobRoomVariables.Person(account),
            ["accountId"] = account.Id.ToString(),
            ["helpdesk"] = options.Value.HelpdeskAddress,
        };
        string procedure;
        if (main is not null)
        {
            account.Status = JobRoomAccountStatus.AwaitingApproval;
            variables["mainAdministrator"] = JobRoomVariables.Person(main);
            procedure = AccessRequest;
        }
        else
        {
            account.Status = JobRoomAccountStatus.AwaitingPowerOfAttorney;
            variables["reference"] = JobRoomVariables.NewReference();
            procedure = PowerOfAttorney;
        }
        var started = await engine.StartAsync(db,
            new StartWorkflow(procedure, null, variables, account.Id.ToString(), company.Id, actor), ct);
        account.RequestInstanceId = started.InstanceId;
        if (procedure == PowerOfAttorney)
        {
            var letter = ProcuraLetter.Create(company, account.DisplayName, account.Email,
                (string)variables["reference"]!, now, account.Language);
            InstanceDocuments.Store(db, started.InstanceId, company.Id, ProcuraLetter.DocumentName,
                $"procura-{uid}.pdf", "application/pdf", letter, actor.UserId, now);
        }
        await db.SaveChangesAsync(ct);
        return new AccountRequestResult(account, started.InstanceId, procedure);
    }
}
