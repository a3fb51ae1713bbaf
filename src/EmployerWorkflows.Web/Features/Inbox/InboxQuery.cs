using EmployerWorkflows.Runtime.Inbox;
using Microsoft.AspNetCore.WebUtilities;

namespace EmployerWorkflows.Web.Features.Inbox;

/// <summary>
/// The inbox's filter as its links carry it. Values outside the known choices are dropped, so a hand-edited link
/// shows everything rather than failing.
/// </summary>
public sealed record InboxQuery(
    string? Procedure = null, string? State = null, string? Role = null, string? Assignee = null, string? Due = null,
    string? Company = null, string? Sort = null)
{
    public static readonly IReadOnlyList<string> Assignees = ["me", "unassigned"];
    public static readonly IReadOnlyList<string> Dues = ["overdue", "week", "followup"];
    public static readonly IReadOnlyList<string> Sorts = ["priority", "age"];

    public InboxQuery Known() => this with
    {
        Assignee = Assignees.Contains(Assignee) ? Assignee : null,
        Due = Dues.Contains(Due) ? Due : null,
        Sort = Sorts.Contains(Sort) ? Sort : null,
        Company = string.IsNullOrWhiteSpace(Company) ? null : Company.Trim(),
    };

    /// <summary>The non-empty values by their query names.</summary>
    public Dictionary<string, string?> Values() => new Dictionary<string, string?>
    {
        ["procedure"] = Procedure, ["state"] = State, ["role"] = Role, ["assignee"] = Assignee, ["due"] = Due,
        ["company"] = Company, ["sort"] = Sort,
    }.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary();

    public string ToQueryString() => QueryString.Create(Values()).ToString();

    public static InboxQuery Parse(string queryString)
    {
        var q = QueryHelpers.ParseQuery(queryString);
        string? Get(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrEmpty(v) ? v.ToString() : null;
        return new InboxQuery(Get("procedure"), Get("state"), Get("role"), Get("assignee"), Get("due"), Get("company"), Get("sort")).Known();
    }

    public InboxFilter ToFilter(IReadOnlyCollection<Guid>? companyIds, string? after = null) =>
        new(Procedure, State, Assignee, Due, companyIds, Sort, after, Role);
}
