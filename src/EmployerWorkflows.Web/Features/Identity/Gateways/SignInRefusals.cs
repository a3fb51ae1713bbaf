using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;

namespace EmployerWorkflows.Web.Features.Identity.Gateways;

/// <summary>
/// Every refused sign-in leaves a security log line and a journal entry, and creates nothing else: an attack or a
/// misconfigured gateway must be visible afterwards.
/// </summary>
public sealed class SignInRefusals(AppDbContext db, TimeProvider clock, ILogger<SignInRefusals> log)
{
    public const string Operation = "signin.refused";

    public async Task RecordAsync(string gateway, GatewayRefusal refusal, string detail, string? codiceFiscale = null)
    {
        log.LogWarning("Security: sign-in through {Gateway} refused ({Refusal}): {Detail}", gateway, refusal, detail);
        var actor = new WorkflowActor(null, codiceFiscale, "gateway " + gateway, new HashSet<string>(), null);
        JournalWriter.RecordOperation(db, actor, null, Operation,
            $"Sign-in through {gateway} refused: {refusal}. {detail}", clock.GetUtcNow());
        await db.SaveChangesAsync();
    }
}
