using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Monitor.Pages;

/// <summary>The instances list: trouble counted at the top, filters, one row per instance, keyset pages.</summary>
[Authorize(Roles = Roles.Operator)]
public sealed class InstancesModel(InstanceSearch search, DefinitionStore definitions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Definition { get; set; }
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Company { get; set; }
    [BindProperty(SupportsGet = true)] public bool Faulted { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? After { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageSize { get; set; }

    public InstancePage Results { get; private set; } = new([], null);
    public InstanceCounts Counts { get; private set; } = new(0, 0, 0, 0);
    /// <summary>Every definition with a stored version (id → title), for the filter.</summary>
    public IReadOnlyDictionary<string, string> Definitions { get; private set; } = new Dictionary<string, string>();
    /// <summary>States to filter on, by procedure title: the state name as value, its title as text.</summary>
    public IReadOnlyList<StateChoices> States { get; private set; } = [];
    private readonly Dictionary<(string, int), WorkflowDefinition> versions = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await search.PageAsync(new InstanceFilter(Definition, Version, State, null, Faulted, Overdue, After, PageSize, Company), ct);
        Counts = await search.CountAsync(ct);
        var stored = await definitions.ListAsync(cancellationToken: ct);
        Definitions = stored.GroupBy(v => v.DefinitionId)
            .ToDictionary(g => g.Key, g => IsEnglish ? g.Last().TitleEn : g.Last().TitleIt);
        States = await StateFilter.ChoicesAsync(definitions, stored, Definition, ct);
        foreach (var (id, version) in Results.Rows.Select(r => (r.Instance.DefinitionId, r.Instance.DefinitionVersion)).Distinct())
            versions[(id, version)] = (await definitions.GetAsync(id, version, ct)).Definition;
    }

    public string Title(InstanceView i) => versions[(i.DefinitionId, i.DefinitionVersion)].Title.For(Code);

    public string StateTitle(InstanceView i) => ProcedureMap.Title(versions[(i.DefinitionId, i.DefinitionVersion)], i.State);

    /// <summary>Query values of the current filter with one change, for links.</summary>
    public Dictionary<string, string?> With(string key, string? value)
    {
        var values = new Dictionary<string, string?>
        {
            ["definition"] = Definition, ["version"] = Version?.ToString(), ["state"] = State, ["company"] = Company,
            ["faulted"] = Faulted ? "true" : null, ["overdue"] = Overdue ? "true" : null, ["pageSize"] = PageSize?.ToString(),
        };
        values[key] = value;
        return values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary();
    }
}
