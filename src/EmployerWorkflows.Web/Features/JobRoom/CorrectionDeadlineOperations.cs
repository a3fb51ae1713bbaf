using System.ComponentModel;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Runtime.Journal;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>
/// <c>jobroom.chooseFund</c>: the unemployment fund asked for an extension (rule 8) is one of
/// <c>JobRoom:UnemploymentFunds</c>; returns its address for the request email.
/// </summary>
public sealed class ChooseFundOperation(IOptions<JobRoomOptions> options) : WorkflowOperation<ChooseFundOperation.Input>
{
    public sealed record Input([Description("Id of the chosen fund (payload.fundId).")] string FundId);

    public override string Name => "jobroom.chooseFund";
    public override string Description => "Refuses a fund that is not in JobRoom:UnemploymentFunds; returns the fund's name, email and language.";

    protected override Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var fund = options.Value.UnemploymentFunds.FirstOrDefault(f => f.Id == input.FundId)
                   ?? throw StepRefusedException.Field("fundId", "Scegliere una cassa di disoccupazione dell'elenco.",
                       "Choose an unemployment fund from the list.");
        return Task.FromResult<object?>(new { email = fund.Email, name = fund.Name, language = "it" });
    }
}

/// <summary>
/// <c>jobroom.moveCorrectionDeadline</c>: the fund granted an extension. The new day must be later than the current
/// deadline; the move is journaled and the step stores the returned deadline variables (its timer then restarts).
/// </summary>
public sealed class MoveCorrectionDeadlineOperation : WorkflowOperation<MoveCorrectionDeadlineOperation.Input>
{
    public sealed record Input(
        [Description("New deadline, yyyy-MM-dd (payload.newDeadline).")] string NewDeadline,
        [Description("Current deadline, yyyy-MM-dd (vars.correctionDeadlineDate).")] string? Current,
        [Description("Reference of the renewal (vars.reference).")] string Reference);

    public override string Name => "jobroom.moveCorrectionDeadline";
    public override string Description => "Refuses a new deadline not later than the current one; journals the move; returns the deadline variables.";

    protected override Task<object?> InvokeAsync(OperationContext context, Input input, CancellationToken cancellationToken)
    {
        var current = JobRoomVariables.ParseDay(input.Current);
        if (JobRoomVariables.ParseDay(input.NewDeadline) is not { } day || (current is { } c && day <= c))
            throw StepRefusedException.Field("newDeadline", "Indicare la nuova data (aaaa-mm-gg), successiva al termine attuale.",
                "Give the new date (yyyy-mm-dd), later than the current deadline.");
        JournalWriter.RecordOperation(StepOperations.Db(context), context.Actor, context.CompanyId, "jobroom.correctionDeadline.extended",
            $"Correction deadline of KAE-FFE-{input.Reference} moved from {current:yyyy-MM-dd} to {day:yyyy-MM-dd}",
            context.Now, context.InstanceId);
        return Task.FromResult<object?>(WriteRightsProcedures.Deadline(day));
    }
}
