using EmployerWorkflows.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmployerWorkflows.Web.Features.Designer;

/// <summary>
/// Ids a definition cannot take because the designer's own pages use them as a path segment: a definition called
/// <c>assets</c> could never be opened at <c>/designer/assets</c>, which is the forms and emails page.
/// </summary>
internal static class ReservedDefinitionIds
{
    private static readonly HashSet<string> Ids = new(StringComparer.Ordinal) { "assets" };

    /// <summary>A 400 naming the id when it is reserved; null when the id is free to use.</summary>
    public static ValidationProblem? Refusal(string definitionId) => Ids.Contains(definitionId)
        ? TypedResults.ValidationProblem(
            new Dictionary<string, string[]>
            {
                ["id"] = [Lang.T($"L'id «{definitionId}» è riservato alle pagine del designer: scegline un altro.",
                    $"The id «{definitionId}» is reserved for the designer's pages: choose another one.")],
            },
            title: Lang.T("Id della definizione non utilizzabile.", "This definition id cannot be used."))
        : null;
}
