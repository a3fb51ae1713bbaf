using System.Globalization;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Validation;

namespace EmployerWorkflows.Web.Features.Procedures.Forms;

/// <summary>An uploaded file that passed the checks, ready to be stored as an instance document.</summary>
public sealed record AcceptedFile(string Field, string FileName, string ContentType, byte[] Content);

/// <summary>What a submitted form gives the runtime: the payload, the files, and the field errors.</summary>
public sealed record FormSubmission(JsonObject Payload, IReadOnlyList<AcceptedFile> Files, FieldErrors Errors);

/// <summary>
/// Reads a posted form against its definition: each field checked by its domain type (codice fiscale, partita
/// IVA, mobile number…), required fields (the form's and those the chosen action requires), uploads by content
/// and size. Secret fields go into the payload for the runtime, which never stores them.
/// </summary>
public static class FormInput
{
    public static async Task<FormSubmission> ReadAsync(FormDefinition form, IFormCollection posted, IReadOnlyCollection<string> alsoRequired,
        CancellationToken ct)
    {
        var payload = new JsonObject();
        var files = new List<AcceptedFile>();
        var errors = new FieldErrors();
        // Info fields only show instance data; nothing of theirs is read from the post.
        foreach (var field in form.Fields.Where(f => f.Type != FormFieldType.Info))
        {
            var required = field.Required || alsoRequired.Contains(field.Name);
            if (field.Type == FormFieldType.File)
            {
                var file = posted.Files.GetFile(field.Name);
                if (file is null || file.Length == 0)
                {
                    if (required) errors.Add(field.Name, Required(field));
                    continue;
                }
                var accepted = await ReadFileAsync(field, file, errors, ct);
                if (accepted is not null)
                {
                    files.Add(accepted);
                    payload[field.Name] = accepted.FileName;
                }
                continue;
            }
            var value = field.Type == FormFieldType.Boolean
                ? (posted[field.Name].Contains("true") ? "true" : "")
                : posted[field.Name].ToString().Trim();
            if (value.Length == 0)
            {
                if (required) errors.Add(field.Name, Required(field));
                continue;
            }
            if (Check(field, value) is { } problem)
            {
                errors.Add(field.Name, problem);
                continue;
            }
            payload[field.Name] = field.Type switch
            {
                FormFieldType.Boolean => JsonValue.Create(true),
                FormFieldType.Number => JsonValue.Create(decimal.Parse(value, CultureInfo.InvariantCulture)),
                _ => JsonValue.Create(value),
            };
        }
        return new FormSubmission(payload, files, errors);
    }

    private static IdentifierError Required(FormField field) =>
        new($"Il campo «{field.Label.It}» è obbligatorio.", $"The field «{field.Label.En}» is required.");

    private static IdentifierError? Check(FormField field, string value) => FormFieldCheck.Domain(field, value);

    /// <summary>Reads one upload of a file field: size and format (by content) as the form says; null with an error otherwise.</summary>
    public static async Task<AcceptedFile?> ReadFileAsync(FormField field, IFormFile file, FieldErrors errors, CancellationToken ct)
    {
        var maxBytes = (field.MaxSizeMb ?? 10) * 1024L * 1024L;
        var formats = string.Join(", ", field.Accept.Select(a => a.ToUpperInvariant()));
        if (file.Length > maxBytes)
        {
            errors.Add(field.Name, $"Il file supera {field.MaxSizeMb ?? 10} MB.", $"The file is larger than {field.MaxSizeMb ?? 10} MB.");
            return null;
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        if (UploadCheck.Recognise(content, field.Accept) is not { } contentType)
        {
            errors.Add(field.Name, $"Formato non accettato: carica un file {formats}.", $"Format not accepted: upload a {formats} file.");
            return null;
        }
        return new AcceptedFile(field.Name, Path.GetFileName(file.FileName), contentType, content);
    }
}
