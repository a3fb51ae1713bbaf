namespace EmployerWorkflows.Web.Features.Companies;

/// <summary>Company data as declared at registration or changed later (the codice fiscale only at registration).</summary>
public sealed record CompanyInput(
    string? CodiceFiscale,
    string? Name,
    AddressInput? RegisteredOffice,
    string? Email,
    string? Phone,
    string? Pec,
    LegalRepresentativeInput? LegalRepresentative,
    IReadOnlyList<CompanyTypeInput>? Types);

public sealed record AddressInput(string? Street, string? PostalCode, string? Municipality, string? Province, string? Country);

public sealed record LegalRepresentativeInput(string? FirstName, string? LastName, string? CodiceFiscale);

/// <summary>A declared type; register details are required for intermediaries and temporary-work agencies.</summary>
public sealed record CompanyTypeInput(string? Type, string? RegisterName, string? RegisterNumber, DateOnly? RegisteredOn);
