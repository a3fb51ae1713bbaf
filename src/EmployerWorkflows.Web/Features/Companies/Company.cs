namespace EmployerWorkflows.Web.Features.Companies;

/// <summary>
/// The registry record of a company (rule 30): one per company codice fiscale, which never changes; every
/// other field can be updated (rule 41). Level one of its structure; its organisational units are level two.
/// </summary>
public sealed class Company
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>11-digit CF / partita IVA, or the owner's 16-character CF for a sole trader.</summary>
    public string CodiceFiscale { get; set; } = "";
    public string Name { get; set; } = "";
    public Address RegisteredOffice { get; set; } = new();
    public string Email { get; set; } = "";
    public string? Phone { get; set; }
    public string? Pec { get; set; }
    public LegalRepresentative LegalRepresentative { get; set; } = new();
    public CompanyStatus Status { get; set; } = CompanyStatus.PendingReview;
    /// <summary>Joined the conventions that enable the «Amministratore Convenzionati» profile (rule 45).</summary>
    public bool InConvention { get; set; }
    public List<CompanyTypeDeclaration> Types { get; set; } = [];
    public List<OrganisationalUnit> Units { get; set; } = [];
    /// <summary>The person who asked to register the company; the first administrator once approved.</summary>
    public string SubmittedByUserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ActivatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: two edits of the same record never overwrite each other silently.</summary>
    public long Version { get; set; }
}

public enum CompanyStatus { PendingReview = 0, Active = 1, Rejected = 2 }

public sealed class Address
{
    public string Street { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Municipality { get; set; } = "";
    public string Province { get; set; } = "";
    public string Country { get; set; } = "IT";
}

public sealed class LegalRepresentative
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string CodiceFiscale { get; set; } = "";
}

/// <summary>A declared company type, with its register details where the type requires them (rule 30).</summary>
public sealed class CompanyTypeDeclaration
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CompanyId { get; set; }
    public string Type { get; set; } = "";
    public string? RegisterName { get; set; }
    public string? RegisterNumber { get; set; }
    public DateOnly? RegisteredOn { get; set; }
}

/// <summary>A «sottogruppo»: every company has at least one (rule 31).</summary>
public sealed class OrganisationalUnit
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CompanyId { get; set; }
    public string Name { get; set; } = "";
    public string? Code { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
