using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Localization;

namespace EmployerWorkflows.Web.Features.Procedures;

public sealed record StateChoice(string Name, string Title);

/// <summary>The states of one procedure, grouped under its title in a filter.</summary>
public sealed record StateChoices(string Procedure, IReadOnlyList<StateChoice> States);

/// <summary>What the shared state filter shows: the states by procedure, and the one chosen (a state name).</summary>
public sealed record StateFilterView(IReadOnlyList<StateChoices> Groups, string? Selected);

/// <summary>
/// State filters offer titles, never names: people choose «In attesa di integrazione», the query keeps
/// <c>AwaitingIntegration</c>.
/// </summary>
public static class StateFilter
{
    /// <summary>The states of the latest published version of each procedure, or of the chosen one only.</summary>
    public static async Task<IReadOnlyList<StateChoices>> ChoicesAsync(
        DefinitionStore definitions, IEnumerable<DefinitionVersionInfo> stored, string? definitionId, CancellationToken ct)
    {
        var choices = new List<StateChoices>();
        var published = stored.Where(v => v.Status == DefinitionStatus.Published && (string.IsNullOrEmpty(definitionId) || v.DefinitionId == definitionId))
            .GroupBy(v => v.DefinitionId).Select(g => g.MaxBy(v => v.Version)!);
        foreach (var latest in published)
        {
            var definition = (await definitions.GetAsync(latest.DefinitionId, latest.Version, ct)).Definition;
            choices.Add(new StateChoices(definition.Title.For(Lang.Code),
                definition.States.Keys.Select(state => new StateChoice(state, ProcedureMap.Title(definition, state))).ToList()));
        }
        return choices;
    }
}
