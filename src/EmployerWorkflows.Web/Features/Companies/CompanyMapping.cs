namespace EmployerWorkflows.Web.Features.Companies;

/// <summary>Copies validated input onto the registry record, and shapes the record for the API.</summary>
public static class CompanyMapping
{
    public static void Apply(this Company company, CompanyInput input)
    {
        company.Name = input.Name!.Trim();
        var office = input.RegisteredOffice!;
        company.RegisteredOffice = new Address
        {
            Street = office.Street!.Trim(),
            PostalCode = office.PostalCode?.Trim() ?? "",
            Municipality = office.Municipality!.Trim(),
            Province = office.Province?.Trim().ToUpperInvariant() ?? "",
            Country = string.IsNullOrWhiteSpace(office.Country) ? "IT" : office.Country.Trim().ToUpperInvariant(),
        };
        company.Email = input.Email!.Trim();
        company.Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        company.Pec = string.IsNullOrWhiteSpace(input.Pec) ? null : input.Pec.Trim();
        var rep = input.LegalRepresentative!;
        company.LegalRepresentative = new LegalRepresentative
        {
            FirstName = rep.FirstName!.Trim(), LastName = rep.LastName!.Trim(),
            CodiceFiscale = rep.CodiceFiscale!.Trim().ToUpperInvariant(),
        };
        company.Types.RemoveAll(t => input.Types!.All(i => i.Type != t.Type));
        foreach (var type in input.Types!)
        {
            var declared = company.Types.FirstOrDefault(t => t.Type == type.Type);
            if (declared is null) company.Types.Add(declared = new CompanyTypeDeclaration { Type = type.Type!, CompanyId = company.Id });
            declared.RegisterName = type.RegisterName?.Trim();
            declared.RegisterNumber = type.RegisterNumber?.Trim();
            declared.RegisteredOn = type.RegisteredOn;
        }
    }

    public static CompanyView ToView(this Company c) => new(
        c.Id, c.CodiceFiscale, c.Name, c.Status.ToString(),
        new AddressInput(c.RegisteredOffice.Street, c.RegisteredOffice.PostalCode, c.RegisteredOffice.Municipality,
            c.RegisteredOffice.Province, c.RegisteredOffice.Country),
        c.Email, c.Phone, c.Pec,
        new LegalRepresentativeInput(c.LegalRepresentative.FirstName, c.LegalRepresentative.LastName, c.LegalRepresentative.CodiceFiscale),
        c.Types.Select(t => new CompanyTypeInput(t.Type, t.RegisterName, t.RegisterNumber, t.RegisteredOn)).ToList(),
        c.InConvention,
        c.Units.OrderBy(u => u.CreatedAt).Select(u => new UnitView(u.Id, u.Name, u.Code)).ToList(),
        c.CreatedAt, c.ActivatedAt, c.Version);
}

/// <summary>A company as the API shows it.</summary>
public sealed record CompanyView(
    Guid Id, string CodiceFiscale, string Name, string Status, AddressInput RegisteredOffice, string Email, string? Phone,
    string? Pec, LegalRepresentativeInput LegalRepresentative, IReadOnlyList<CompanyTypeInput> Types, bool InConvention,
    IReadOnlyList<UnitView> Units, DateTimeOffset CreatedAt, DateTimeOffset? ActivatedAt, long Version);

public sealed record UnitView(Guid Id, string Name, string? Code);
