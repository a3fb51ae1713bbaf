using EmployerWorkflows.Runtime.Assets;
using EmployerWorkflows.Runtime.Definitions;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Designer.Assets;

/// <summary>The asset rules' findings in the reader's language; the Liquid parser's details are kept as they come.</summary>
public static class AssetText
{
    public static string Message(DefinitionError error) => error.Code switch
    {
        "template-invalid" => T("Il modello non si può usare: ", "The template cannot be used: ") + error.Message,
        _ when error.Path == "$" => error.In(Code),
        _ => $"{error.Path}: {error.In(Code)}",
    };

    public static string What(AssetKey key) => key.Kind == AssetKind.Template
        ? $"Email «{key.Name}» ({Language(key.Language)})"
        : T($"Modulo «{key.Name}»", $"Form «{key.Name}»");

    public static string Language(string language) => language switch
    {
        "it" => T("italiano", "Italian"),
        "en" => T("inglese", "English"),
        _ => language,
    };
}
