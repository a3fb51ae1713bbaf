using System.Globalization;
using System.Net.Mail;
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

    private static IdentifierError? Check(FormField field, string value) => field.Type switch
    {
        FormFieldType.CodiceFiscale => CodiceFiscale.Validate(value),
        FormFieldType.CompanyCf => CompanyCodiceFiscale.Validate(value),
        FormFieldType.PartitaIva => PartitaIva.Validate(value),
        FormFieldType.SwissUid => SwissUid.Validate(value),
        FormFieldType.RisNumber => RisNumber.Validate(value),
        FormFieldType.ItalianMobile => ItalianMobile.Validate(value),
        FormFieldType.Email => MailAddress.TryCreate(value, out var a) && a.Address == value && a.Host.Contains('.')
            ? null : new IdentifierError("Indirizzo email non valido.", "Invalid email address."),
        FormFieldType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null : new IdentifierError("Data non valida: usa il formato gg/mm/aaaa.", "Invalid date: use dd/mm/yyyy."),
        FormFieldType.Number => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
            ? null : new IdentifierError("Inserisci un numero.", "Enter a number."),
        FormFieldType.Select => field.Options.Any(o => o.Value == value)
            ? null : new IdentifierError("Scegli una delle opzioni proposte.", "Choose one of the options offered."),
        FormFieldType.Text or FormFieldType.Secret when value.Length > 500 => new("Al massimo 500 caratteri.", "At most 500 characters."),
        FormFieldType.Multiline when value.Length > 4000 => new("Al massimo 4000 caratteri.", "At most 4000 characters."),
        _ => null,
    };

    private static async Task<AcceptedFile?> ReadFileAsync(FormField field, IFormFile file, FieldErrors errors, CancellationToken ct)
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
