namespace EmployerWorkflows.Web.Features.Procedures.Forms;

/// <summary>
/// A plain input of a hand-written form (company data, units, people). <see cref="Key"/> is the field name the
/// validators use (e.g. <c>registeredOffice.street</c>); the input id derives from it.
/// </summary>
public sealed record TextFieldView(string Key, string Label, string? Value, IDictionary<string, string[]> Errors,
    string? Hint = null, bool Required = false, bool ReadOnly = false, string Type = "text", string? Autocomplete = null)
{
    public string Id => "f-" + Key.Replace('.', '-').Replace('[', '-').Replace("]", "");
    public string[]? Messages => Errors.TryGetValue(Key, out var m) ? m : null;
}
