using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Localization;

namespace EmployerWorkflows.Web.Validation;

/// <summary>
/// Collects field-level problems of one request, each written in Italian and English; the response carries
/// the language the caller asked for (Accept-Language, cookie or ?culture=).
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<IdentifierError>> errors = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => errors.Count > 0;

    public FieldErrors Add(string field, string italian, string english) => Add(field, new IdentifierError(italian, english));

    public FieldErrors Add(string field, IdentifierError error)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(error);
        return this;
    }

    public FieldErrors Add(string field, IdentifierError? error) => error is { } e ? Add(field, e) : this;

    public FieldErrors Required(string field, string? value, string italianName, string englishName) =>
        string.IsNullOrWhiteSpace(value)
            ? Add(field, $"Il campo «{italianName}» è obbligatorio.", $"The field «{englishName}» is required.")
            : this;

    public FieldErrors MaxLength(string field, string? value, int max) =>
        value is not null && value.Length > max
            ? Add(field, $"Al massimo {max} caratteri.", $"At most {max} characters.")
            : this;

    /// <summary>Messages in the current request language, keyed by field.</summary>
    public Dictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.For(Lang.Code)).ToArray());

    public IResult ToResult() => ToProblem();

    public Microsoft.AspNetCore.Http.HttpResults.ValidationProblem ToProblem() => TypedResults.ValidationProblem(ToDictionary(),
        title: Lang.T("Alcuni dati non sono validi.", "Some data is not valid."));
}
