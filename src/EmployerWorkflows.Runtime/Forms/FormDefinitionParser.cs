using System.Text.Json;
using EmployerWorkflows.Runtime.Definitions;

namespace EmployerWorkflows.Runtime.Forms;

/// <summary>Outcome of parsing a form; usable only when <see cref="Errors"/> is empty.</summary>
public sealed record FormCheck(FormDefinition? Form, IReadOnlyList<DefinitionError> Errors)
{
    public bool IsValid => Form is not null && Errors.Count == 0;
}

/// <summary>
/// Parses a form document: JSON syntax, <c>form.schema.json</c>, then rules the schema cannot say
/// (unique field names, options only on selects, file settings only on files).
/// </summary>
public static class FormDefinitionParser
{
    /// <summary>Parses and checks a form; the form is null whenever an error was found.</summary>
    public static FormCheck Parse(string json)
    {
        var errors = new List<DefinitionError>();
        using var document = WorkflowDefinitionParser.TryOpen(json, errors);
        if (document is null)
        {
            return new FormCheck(null, errors);
        }

        DuplicateKeyScanner.Scan(document.RootElement, DefinitionPath.Root, errors);
        errors.AddRange(SchemaErrorTranslator.Validate(EmbeddedSchemas.Get(EmbeddedSchemas.Form), document.RootElement));
        if (errors.Count > 0)
        {
            return new FormCheck(null, errors);
        }

        // The schema has vouched for types and required properties, so the model reads what it allows.
        var form = document.RootElement.Deserialize<FormDefinition>(DefinitionJson.Options)!;
        CheckFields(form, errors);
        return new FormCheck(errors.Count == 0 ? form : null, errors);
    }

    private static void CheckFields(FormDefinition form, List<DefinitionError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < form.Fields.Count; i++)
        {
            var field = form.Fields[i];
            var path = DefinitionPath.Index("$.fields", i);
            if (!names.Add(field.Name))
            {
                errors.Add(new DefinitionError(DefinitionPath.Property(path, "name"), "duplicate-field",
                    $"Another field is already named \"{field.Name}\"; payload keys must be unique, so rename one.",
                    $"Un altro campo si chiama già \"{field.Name}\": le chiavi dei dati inviati devono essere uniche, quindi rinominane uno."));
            }

            // An info field may carry options too: they turn the variable's stored value into a label.
            if (field.Options.Count > 0 && field.Type is not (FormFieldType.Select or FormFieldType.Info))
            {
                errors.Add(new DefinitionError(DefinitionPath.Property(path, "options"), "options-need-select",
                    "Only select and info fields have options; remove \"options\" or set \"type\": \"select\".",
                    "Solo i campi a scelta e informativi hanno opzioni: togli \"options\" o imposta \"type\": \"select\"."));
            }

            if (field.Variable is not null && field.Type != FormFieldType.Info)
            {
                errors.Add(new DefinitionError(DefinitionPath.Property(path, "variable"), "variable-needs-info",
                    "Only info fields show a variable; remove \"variable\" or set \"type\": \"info\".",
                    "Solo i campi informativi mostrano una variabile: togli \"variable\" o imposta \"type\": \"info\"."));
            }

            if ((field.Accept.Count > 0 || field.MaxSizeMb is not null) && field.Type != FormFieldType.File)
            {
                errors.Add(new DefinitionError(path, "accept-needs-file",
                    "\"accept\" and \"maxSizeMb\" apply to file fields only; remove them or set \"type\": \"file\".",
                    "\"accept\" e \"maxSizeMb\" valgono solo per i campi file: toglili o imposta \"type\": \"file\"."));
            }
        }
    }
}
