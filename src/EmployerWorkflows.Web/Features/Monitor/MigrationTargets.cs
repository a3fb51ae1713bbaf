using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Features.Procedures;

namespace EmployerWorkflows.Web.Features.Monitor;

/// <summary>A state offered as a migration target: its name and its title in the current language.</summary>
public sealed record TargetState(string Name, string Title);

/// <summary>
/// What the operator maps when moving to <see cref="TargetVersion"/>: every state of the instance's version that the
/// target lacks needs a target state; the others keep their name.
/// </summary>
public sealed record MigrationChoice(int TargetVersion, IReadOnlyList<TargetState> TargetStates, IReadOnlyList<TargetState> MissingStates);

/// <summary>The published versions an instance can move to, and the states to map for one of them.</summary>
public sealed class MigrationTargets(DefinitionStore definitions)
{
    public async Task<IReadOnlyList<int>> VersionsAsync(InstanceView instance, CancellationToken ct) =>
        (await definitions.ListAsync(instance.DefinitionId, ct))
            .Where(v => v.Status == DefinitionStatus.Published && v.Version != instance.DefinitionVersion)
            .Select(v => v.Version).ToList();

    /// <summary>Null when the target version is not published.</summary>
    public async Task<MigrationChoice?> ChoiceAsync(InstanceView instance, WorkflowDefinition current, int targetVersion, CancellationToken ct)
    {
        if (!(await VersionsAsync(instance, ct)).Contains(targetVersion)) return null;
        WorkflowDefinition target;
        try
        {
            target = (await definitions.GetAsync(instance.DefinitionId, targetVersion, ct)).Definition;
        }
        catch (WorkflowNotFoundException)
        {
            return null;
        }
        var states = target.States.Keys.Select(s => new TargetState(s, ProcedureMap.Title(target, s))).ToList();
        var missing = current.States.Keys.Where(s => !target.States.ContainsKey(s)).Select(s => new TargetState(s, ProcedureMap.Title(current, s))).ToList();
        return new MigrationChoice(targetVersion, states, missing);
    }
}
