namespace EmployerWorkflows.Web.Features.Companies;

/// <summary>A readable list of what an edit changed, for the audit trail (rule 41: who changed what, when).</summary>
public static class CompanyChanges
{
    public static string Describe(CompanyView before, CompanyView after)
    {
        var changes = new List<string>();
        void Compare(string field, object? a, object? b)
        {
            if (!Equals(a, b)) changes.Add($"{field}: «{a}» → «{b}»");
        }
        Compare("name", before.Name, after.Name);
        Compare("email", before.Email, after.Email);
        Compare("pec", before.Pec, after.Pec);
        Compare("phone", before.Phone, after.Phone);
        Compare("registeredOffice", Office(before.RegisteredOffice), Office(after.RegisteredOffice));
        Compare("legalRepresentative", Person(before.LegalRepresentative), Person(after.LegalRepresentative));
        Compare("types", Types(before.Types), Types(after.Types));
        return changes.Count == 0 ? "No field changed." : string.Join("; ", changes);
    }

    private static string Office(AddressInput a) => $"{a.Street}, {a.PostalCode} {a.Municipality} ({a.Province}) {a.Country}";
    private static string Person(LegalRepresentativeInput p) => $"{p.FirstName} {p.LastName} {p.CodiceFiscale}";
    private static string Types(IEnumerable<CompanyTypeInput> types) =>
        string.Join(", ", types.OrderBy(t => t.Type).Select(t => $"{t.Type}{(t.RegisterNumber is null ? "" : $" [{t.RegisterName} {t.RegisterNumber}]")}"));
}
