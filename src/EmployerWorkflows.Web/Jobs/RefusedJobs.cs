using EmployerWorkflows.Runtime.Execution;
using Hangfire.States;

namespace EmployerWorkflows.Web.Jobs;

/// <summary>
/// A background job the workflow runtime refuses (the procedure ended, someone acted first, the step is no
/// longer possible) would be refused again on every retry: it is logged as a refusal and deleted instead of
/// being retried. Faults of the application still fail and retry as usual.
/// </summary>
internal sealed class RefusedJobs(ILogger<RefusedJobs> logger) : IElectStateFilter
{
    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not FailedState { Exception: WorkflowException refusal }) return;
        logger.LogWarning("Job {JobId} ({Job}) refused by the workflow runtime, not retried: {Refusal}",
            context.BackgroundJob.Id, context.BackgroundJob.Job?.ToString(), refusal.Message);
        context.CandidateState = new DeletedState { Reason = $"Refused by the workflow runtime: {refusal.Message}" };
    }
}
