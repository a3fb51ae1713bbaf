using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Templates;

namespace EmployerWorkflows.Runtime.Assets;

/// <summary>
/// What a text must be before it is saved: a template splits into subject and body, both valid Liquid, renders on
/// an empty model, and has an Italian text before an English one; a form passes the form parser and keeps its id.
/// </summary>
public static class AssetRules
{
    public static IReadOnlyList<DefinitionError> Check(AssetKey key, string source, FileTemplateCatalog templates)
    {
        if (!key.IsWellFormed)
            return [new("$", "bad-asset-name", $"\"{key.Name}\" is not usable: names are lower case letters, digits and hyphens, languages it or en.",
                $"\"{key.Name}\" non si può usare: i nomi hanno lettere minuscole, cifre e trattini, le lingue sono it o en.")];
        if (string.IsNullOrWhiteSpace(source))
            return [new("$", "empty-asset", "The text is empty.", "Il testo è vuoto.")];
        return key.Kind == AssetKind.Template ? CheckTemplate(key, source, templates) : CheckForm(key, source);
    }

    private static IReadOnlyList<DefinitionError> CheckTemplate(AssetKey key, string source, FileTemplateCatalog templates)
    {
        var errors = new List<DefinitionError>();
        if (key.Language != FileTemplateCatalog.DefaultLanguage && templates.OwnSource(key.Name, FileTemplateCatalog.DefaultLanguage) is null)
            errors.Add(new("$", "italian-first", $"Write the Italian text of \"{key.Name}\" first: every other language falls back to it.",
                $"Scrivi prima il testo italiano di \"{key.Name}\": le altre lingue ricadono su di esso."));
        try
        {
            new FluidEmailTemplateRenderer(new SingleTemplateCatalog(source)).Render(SingleTemplateCatalog.Name, key.Language, new JsonObject());
        }
        catch (TemplateException e)
        {
            var problem = e.Message.Replace($"\"{SingleTemplateCatalog.Name}\"", $"\"{key.Name}\"", StringComparison.Ordinal);
            // The parser's own words are English; the pages put them after a sentence in the reader's language.
            errors.Add(new("$", "template-invalid", problem, problem));
        }
        return errors;
    }

    private static IReadOnlyList<DefinitionError> CheckForm(AssetKey key, string source)
    {
        var check = FormDefinitionParser.Parse(source);
        if (check.Errors.Count > 0)
            return check.Errors;
        return check.Form!.Id == key.Name
            ? []
            : [new("$.id", "form-id-mismatch", $"The form id \"{check.Form.Id}\" must stay \"{key.Name}\": definitions name the form by it.",
                $"L'id del modulo \"{check.Form.Id}\" deve restare \"{key.Name}\": le definizioni chiamano il modulo con questo id.")];
    }
}
