using EmployerWorkflows.Runtime.Assets;
using EmployerWorkflows.Runtime.Definitions;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Designer.Assets;

/// <summary>The asset rules' findings in the reader's language; parser details (Liquid, JSON Schema) are kept as they come.</summary>
public static class AssetText
{
    public static string Message(AssetKey key, DefinitionError error) => error.Code switch
    {
        "italian-first" => T($"Scrivi prima il testo italiano di «{key.Name}»: le altre lingue ricadono su quello.",
            $"Write the Italian text of «{key.Name}» first: every other language falls back to it."),
        "template-invalid" => T("Il modello non si può usare: ", "The template cannot be used: ") + error.Message,
        "no-shipped-file" => T("Non esiste un file di partenza: non c'è nulla da ripristinare.", "No file ships for it: there is nothing to go back to."),
        "form-id-mismatch" => T($"L'id del modulo deve restare «{key.Name}»: i procedimenti lo indicano con questo nome.",
            $"The form id must stay «{key.Name}»: procedures name the form by it."),
        "empty-asset" => T("Il testo è vuoto.", "The text is empty."),
        "bad-asset-name" => T("Nome non valido: usa lettere minuscole, cifre e trattini; lingua it o en.",
            "Invalid name: use lower case letters, digits and hyphens; language it or en."),
        _ => $"{error.Path}: {error.Message}",
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
