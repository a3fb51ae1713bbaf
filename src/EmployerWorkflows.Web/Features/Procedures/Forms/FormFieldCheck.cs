using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Web.Domain.Identifiers;

namespace EmployerWorkflows.Web.Features.Procedures.Forms;

/// <summary>
/// The domain types of form fields, checked with the identifier value objects. The engine uses it for every payload
/// (task API, dedicated endpoints, sandbox) and the task page for what it posts, so both refuse the same values.
/// </summary>
public sealed class FormFieldCheck : BasicFieldValueCheck
{
    public override LocalizedText? Check(FormField field, JsonNode value)
    {
        if (base.Check(field, value) is { } shape) return shape;
        if (value.GetValueKind() != JsonValueKind.String || field.Type is FormFieldType.Date or FormFieldType.File) return null;
        return Domain(field, value.GetValue<string>().Trim()) is { } error ? new LocalizedText(error.Italian, error.English) : null;
    }

    /// <summary>Null when the (non-empty, trimmed) text fits the field's domain type.</summary>
    public static IdentifierError? Domain(FormField field, string value) => field.Type switch
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
}
