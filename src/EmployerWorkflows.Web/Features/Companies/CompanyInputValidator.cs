using System.Net.Mail;
using System.Text.RegularExpressions;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Validation;

namespace EmployerWorkflows.Web.Features.Companies;

/// <summary>Checks declared company data field by field (rules 30, 33, 41), in Italian and English.</summary>
public static partial class CompanyInputValidator
{
    /// <param name="registration">At registration the codice fiscale is required; later it cannot be given.</param>
    public static FieldErrors Validate(CompanyInput? input, bool registration)
    {
        var errors = new FieldErrors();
        if (input is null)
            return errors.Add("company", "Mancano i dati dell'azienda.", "The company data is missing.");
        if (registration)
            errors.Add("codiceFiscale", CompanyCodiceFiscale.Validate(input.CodiceFiscale));
        else if (input.CodiceFiscale is not null)
            errors.Add("codiceFiscale", "Il codice fiscale dell'azienda non può essere modificato.",
                "The company codice fiscale cannot be changed.");
        errors.Required("name", input.Name, "Denominazione", "Name").MaxLength("name", input.Name, 200);
        ValidateOffice(errors, input.RegisteredOffice);
        errors.Required("email", input.Email, "Email", "Email");
        Email(errors, "email", input.Email);
        Email(errors, "pec", input.Pec);
        errors.MaxLength("phone", input.Phone, 40);
        ValidateRepresentative(errors, input.LegalRepresentative);
        ValidateTypes(errors, input.Types);
        return errors;
    }

    private static void ValidateOffice(FieldErrors errors, AddressInput? office)
    {
        errors.Required("registeredOffice.street", office?.Street, "Indirizzo della sede legale", "Registered office street");
        errors.Required("registeredOffice.municipality", office?.Municipality, "Comune", "Municipality");
        errors.MaxLength("registeredOffice.street", office?.Street, 200).MaxLength("registeredOffice.municipality", office?.Municipality, 100);
        var country = string.IsNullOrWhiteSpace(office?.Country) ? "IT" : office.Country.Trim().ToUpperInvariant();
        if (country != "IT") return;
        if (!PostalCode().IsMatch(office?.PostalCode?.Trim() ?? ""))
            errors.Add("registeredOffice.postalCode", "Il CAP deve avere 5 cifre.", "The postal code must have 5 digits.");
        if (!Province().IsMatch(office?.Province?.Trim().ToUpperInvariant() ?? ""))
            errors.Add("registeredOffice.province", "Indica la sigla della provincia (2 lettere, ad esempio BO).",
                "Give the province code (2 letters, for example BO).");
    }

    private static void ValidateRepresentative(FieldErrors errors, LegalRepresentativeInput? rep)
    {
        errors.Required("legalRepresentative.firstName", rep?.FirstName, "Nome del legale rappresentante", "Legal representative's first name");
        errors.Required("legalRepresentative.lastName", rep?.LastName, "Cognome del legale rappresentante", "Legal representative's last name");
        errors.Add("legalRepresentative.codiceFiscale", CodiceFiscale.Validate(rep?.CodiceFiscale));
    }

    private static void ValidateTypes(FieldErrors errors, IReadOnlyList<CompanyTypeInput>? types)
    {
        if (types is null || types.Count == 0)
        {
            errors.Add("types", "Dichiara almeno una tipologia di azienda.", "Declare at least one company type.");
            return;
        }
        var seen = new HashSet<string>();
        for (var i = 0; i < types.Count; i++)
        {
            var field = $"types[{i}]";
            if (types[i] is null)
            {
                errors.Add(field, "Tipologia mancante: indica la tipologia o togli la voce vuota.", "Missing company type: give one or remove the empty entry.");
                continue;
            }
            var type = CompanyTypes.Find(types[i].Type);
            if (type is null)
            {
                errors.Add($"{field}.type", $"Tipologia sconosciuta: «{types[i].Type}».", $"Unknown company type «{types[i].Type}».");
                continue;
            }
            if (!seen.Add(type.Code))
                errors.Add($"{field}.type", "Tipologia dichiarata più volte.", "Company type declared more than once.");
            if (type.RequiresRegister)
            {
                errors.Required($"{field}.registerName", types[i].RegisterName, "Albo o elenco di iscrizione", "Register (albo/elenco)");
                errors.Required($"{field}.registerNumber", types[i].RegisterNumber, "Numero di iscrizione", "Registration number");
            }
        }
        foreach (var (a, b) in CompanyTypes.Incompatible)
            if (seen.Contains(a) && seen.Contains(b))
                errors.Add("types", $"Le tipologie «{CompanyTypes.Find(a)!.Italian}» e «{CompanyTypes.Find(b)!.Italian}» non sono compatibili.",
                    $"The types «{CompanyTypes.Find(a)!.English}» and «{CompanyTypes.Find(b)!.English}» are not compatible.");
    }

    private static void Email(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (!MailAddress.TryCreate(value.Trim(), out var address) || address.Address != value.Trim() || !address.Host.Contains('.'))
            errors.Add(field, "Indirizzo email non valido.", "Invalid email address.");
    }

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex PostalCode();

    [GeneratedRegex(@"^[A-Z]{2}$")]
    private static partial Regex Province();
}
