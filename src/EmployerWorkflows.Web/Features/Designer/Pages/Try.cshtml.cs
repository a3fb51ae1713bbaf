using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmployerWorkflows.Web.Features.Designer.Pages;

/// <summary>
/// "Try it": runs one version of a definition in a sandbox, by hand. The page loads the document; sandbox.js drives
/// the sandbox API (start, fire, advance time, close) and shows what the run would do.
/// </summary>
[Authorize(Roles = Roles.ProcessDesigner)]
public sealed partial class TryModel(DefinitionCatalogue catalogue, IDefinitionValidator validator) : PageModel
{
    public DefinitionVersionView Definition { get; private set; } = null!;
    public IReadOnlyList<DefinitionError> Errors { get; private set; } = [];
    /// <summary>Advice that does not stop a trial run, e.g. buttons without a title.</summary>
    public IReadOnlyList<DefinitionError> Warnings { get; private set; } = [];
    /// <summary>Variables the document reads (<c>vars.name</c>), so the designer knows what to give at the start.</summary>
    public IReadOnlyList<string> ReadVariables { get; private set; } = [];
    /// <summary>Variables with a default value in the document.</summary>
    public IReadOnlyCollection<string> DefaultVariables { get; private set; } = [];

    public bool IsDraft => Definition.Status == DefinitionStatus.Draft;

    public async Task<IActionResult> OnGetAsync(string definitionId, int? version, CancellationToken ct)
    {
        var versions = await catalogue.VersionsAsync(definitionId, ct);
        var chosen = version is { } n ? versions.FirstOrDefault(v => v.Version == n) : DefinitionCatalogue.Opened(versions);
        if (chosen is null) return NotFound();
        Definition = chosen;
        var check = validator.Validate(chosen.Json);
        Errors = check.Errors;
        Warnings = check.Warnings;
        ReadVariables = VariableReference().Matches(chosen.Json).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
        DefaultVariables = check.Definition?.Variables.Keys.ToList() ?? [];
        return Page();
    }

    [GeneratedRegex(@"\bvars\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariableReference();
}
