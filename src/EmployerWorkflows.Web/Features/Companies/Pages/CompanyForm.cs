namespace EmployerWorkflows.Web.Features.Companies.Pages;

/// <summary>
/// Company data as posted by the registration wizard and the administration page, keyed by the names the
/// validator reports (<c>registeredOffice.street</c>, <c>types[0].type</c>…), so each error lands on its input.
/// </summary>
public sealed class CompanyForm
{
    public static readonly string[] Keys =
    [
        "codiceFiscale", "name", "types[0].type", "types[0].registerName", "types[0].registerNumber",
        "registeredOffice.street", "registeredOffice.postalCode", "registeredOffice.municipality", "registeredOffice.province",
        "email", "phone", "pec",
        "legalRepresentative.firstName", "legalRepresentative.lastName", "legalRepresentative.codiceFiscale", "firstUnitName",
    ];

    public Dictionary<string, string?> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? this[string key] => Values.GetValueOrDefault(key);

    public static CompanyForm From(IFormCollection posted)
    {
        var form = new CompanyForm();
        foreach (var key in Keys)
            if (posted.TryGetValue(key, out var value)) form.Values[key] = value.ToString().Trim();
        return form;
    }

    public static CompanyForm From(Company company)
    {
        var form = new CompanyForm();
        var type = company.Types.FirstOrDefault();
        form.Values["codiceFiscale"] = company.CodiceFiscale;
        form.Values["name"] = company.Name;
        form.Values["types[0].type"] = type?.Type;
        form.Values["types[0].registerName"] = type?.RegisterName;
        form.Values["types[0].registerNumber"] = type?.RegisterNumber;
        form.Values["registeredOffice.street"] = company.RegisteredOffice.Street;
        form.Values["registeredOffice.postalCode"] = company.RegisteredOffice.PostalCode;
        form.Values["registeredOffice.municipality"] = company.RegisteredOffice.Municipality;
        form.Values["registeredOffice.province"] = company.RegisteredOffice.Province;
        form.Values["email"] = company.Email;
        form.Values["phone"] = company.Phone;
        form.Values["pec"] = company.Pec;
        form.Values["legalRepresentative.firstName"] = company.LegalRepresentative.FirstName;
        form.Values["legalRepresentative.lastName"] = company.LegalRepresentative.LastName;
        form.Values["legalRepresentative.codiceFiscale"] = company.LegalRepresentative.CodiceFiscale;
        return form;
    }

    /// <param name="withCodiceFiscale">Only at registration: afterwards the codice fiscale cannot change.</param>
    public CompanyInput ToInput(bool withCodiceFiscale) => new(
        withCodiceFiscale ? this["codiceFiscale"] : null,
        this["name"],
        new AddressInput(this["registeredOffice.street"], this["registeredOffice.postalCode"], this["registeredOffice.municipality"],
            this["registeredOffice.province"]?.ToUpperInvariant(), "IT"),
        this["email"],
        Empty(this["phone"]),
        Empty(this["pec"]),
        new LegalRepresentativeInput(this["legalRepresentative.firstName"], this["legalRepresentative.lastName"],
            this["legalRepresentative.codiceFiscale"]?.ToUpperInvariant()),
        string.IsNullOrEmpty(this["types[0].type"]) ? [] :
            [new CompanyTypeInput(this["types[0].type"], Empty(this["types[0].registerName"]), Empty(this["types[0].registerNumber"]), null)]);

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
