using EmployerWorkflows.Runtime.Journal;

namespace EmployerWorkflows.Web.Features.Audit;

/// <summary>
/// What one reader may see of the journal (architecture invariant 9). Agency reviewers, help desk and operators read
/// it whole: ARL checks every operator's actions afterwards (rule 44); SecoDesk reads the Job-Room trail. A company person reads in full the entries of the companies they act
/// for; elsewhere (a procedure they started for another company, such as an administrator replacement or a
/// Job-Room access request) only their own actions, without that company's id or anything the summary said about
/// its people. Everyone else's actions there are left out.
/// </summary>
public sealed class JournalAudience
{
    public static readonly JournalAudience Agency = new(null, seesEverything: true, new HashSet<Guid>());

    private readonly string? userId;
    private readonly bool seesEverything;
    private readonly IReadOnlySet<Guid> companies;

    private JournalAudience(string? userId, bool seesEverything, IReadOnlySet<Guid> companies)
    {
        this.userId = userId;
        this.seesEverything = seesEverything;
        this.companies = companies;
    }

    /// <param name="companies">Companies (and Job-Room UID register entries) whose entries the person reads in full.</param>
    public static JournalAudience CompanyPerson(string userId, IEnumerable<Guid> companies) =>
        new(userId, seesEverything: false, companies.ToHashSet());

    public IReadOnlyList<JournalEntry> Project(IEnumerable<JournalEntry> entries) =>
        entries.Select(Project).OfType<JournalEntry>().ToList();

    /// <summary>The entry as this reader may see it, or null when they may not see it at all.</summary>
    public JournalEntry? Project(JournalEntry entry)
    {
        // An entry without a company is about no company's people: the reader reaches it only through their own
        // actions or a procedure of their own.
        if (seesEverything || entry.CompanyId is not { } companyId || companies.Contains(companyId))
            return entry;
        return userId is not null && entry.UserId == userId ? OwnActionElsewhere(entry) : null;
    }

    /// <summary>
    /// The reader's own action for a company they do not act for: what they did and when, but not the company's id
    /// nor a summary that may carry that company's people (entries written before summaries were trimmed did).
    /// </summary>
    private static JournalEntry OwnActionElsewhere(JournalEntry entry) => new()
    {
        Id = entry.Id,
        At = entry.At,
        Kind = entry.Kind,
        InstanceId = entry.InstanceId,
        DefinitionId = entry.DefinitionId,
        DefinitionVersion = entry.DefinitionVersion,
        CompanyId = null,
        UserId = entry.UserId,
        CodiceFiscale = entry.CodiceFiscale,
        ActorName = entry.ActorName,
        Trigger = entry.Trigger,
        FromState = entry.FromState,
        ToState = entry.ToState,
        Summary = entry.Kind switch
        {
            JournalKind.Started => "started",
            JournalKind.Operation => entry.Summary.Split(':')[0],
            _ => entry.Trigger ?? entry.Kind.ToString().ToLowerInvariant(),
        },
    };
}
