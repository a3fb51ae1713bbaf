using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Web.Localization;

namespace EmployerWorkflows.Web.Features.Designer;

/// <summary>A validation finding as the designer's pages and API show it: JSON path, rule code, message in the reader's language.</summary>
public sealed record DesignerError(string Path, string Code, string Message)
{
    public static IReadOnlyList<DesignerError> Of(IEnumerable<DefinitionError> errors) =>
        errors.Select(e => new DesignerError(e.Path, e.Code, e.In(Lang.Code))).ToList();
}
