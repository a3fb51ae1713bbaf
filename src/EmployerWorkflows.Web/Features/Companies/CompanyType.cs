namespace EmployerWorkflows.Web.Features.Companies;

/// <summary>
/// A company type of the regional portal (seed 004 §3.1). The type decides which functions a company may use;
/// intermediaries act on behalf of employers, and some types must give their register (albo/elenco) details.
/// </summary>
public sealed record CompanyType(
    string Code,
    string Italian,
    string English,
    string LegalReference,
    bool ActsForEmployers,
    bool RequiresRegister);

public static class CompanyTypes
{
    public static readonly IReadOnlyList<CompanyType> All =
    [
        new("private-employer", "Datore di lavoro privato", "Private employer", "-", false, false),
        new("public-employer", "Datore di lavoro pubblico", "Public employer", "-", false, false),
        new("temporary-work-agency", "Agenzia di somministrazione", "Temporary-work agency", "D.Lgs 276/2003 art. 4 c.1", false, true),
        new("traineeship-promoter", "Promotore di tirocinio", "Traineeship promoter", "L. 196/97 art. 18; LR 17/2005 capo IV", true, true),
        new("employment-agency", "Soggetto autorizzato all'intermediazione (Agenzia per il lavoro)", "Authorised employment agency", "D.Lgs 276/2003 art. 4 c.1 lett. c; art. 2 c.1 lett. b", true, true),
        new("labour-consultant", "Consulenti del lavoro", "Labour consultants", "L. 12/1979 art. 1, art. 2 c.1", true, true),
        new("lawyer", "Avvocati e procuratori legali", "Lawyers", "L. 12/1979 art. 1", true, true),
        new("chartered-accountant", "Dottori commercialisti", "Chartered accountants", "L. 12/1979 art. 1", true, true),
        new("accountant", "Ragionieri", "Accountants", "L. 12/1979 art. 1", true, true),
        new("commercial-expert", "Periti commerciali", "Commercial experts", "L. 12/1979 art. 1", true, true),
        new("trade-association", "Associazioni di categoria", "Trade associations", "D.Lgs 181/2000 art. 4-bis c.8", true, true),
        new("agricultural-employers-association", "Associazioni di categoria dei datori di lavoro agricoli", "Agricultural employers' associations", "D.Lgs 181/2000 art. 4-bis c.8", true, true),
        new("business-consortium", "Consorzi e gruppi di imprese", "Business consortia and groups", "D.Lgs 276/2003 art. 31", true, true),
        new("agricultural-expert", "Periti agrari e agrotecnici", "Agricultural experts", "L. 434/1968 art. 2 c.1 lett. a; L. 251/1986 art. 11 c.1 lett. b", true, true),
        new("professional-partnership", "Società tra professionisti", "Professional partnership", "L. 183/2011 art. 10; L. 12/1979 art. 1", false, false),
    ];

    /// <summary>
    /// Pairs that cannot be declared together. The seed says types may be combined "if compatible" without a
    /// list; an employer is either private or public, which is the one conflict it implies.
    /// </summary>
    public static readonly IReadOnlyList<(string, string)> Incompatible = [("private-employer", "public-employer")];

    public static CompanyType? Find(string? code) => All.FirstOrDefault(t => t.Code == code);
}
