namespace EmployerWorkflows.Runtime.Inbox;

/// <summary>
/// What the reader asked to see. <see cref="CompanyIds"/>, when set, keeps the tasks of those companies only (the
/// host resolves a company search to ids). <see cref="Role"/> keeps the tasks of one task role. <see cref="Due"/> is
/// <c>overdue</c>, <c>week</c> or <c>followup</c> (follow-up date reached). <see cref="Sort"/> is <c>due</c> (the
/// default), <c>priority</c> or <c>age</c> (oldest first). <see cref="After"/> is the cursor of the previous page.
/// </summary>
public sealed record InboxFilter(
    string? Procedure = null, string? State = null, string? Assignee = null, string? Due = null,
    IReadOnlyCollection<Guid>? CompanyIds = null, string? Sort = null, string? After = null, string? Role = null);

/// <summary>One page of open tasks; <see cref="Next"/> is the cursor of the following page, null on the last.</summary>
public sealed record InboxPage(IReadOnlyList<InboxTask> Tasks, string? Next);

/// <summary>Counts per quick filter, over everything the reader may see.</summary>
public sealed record InboxCounts(int All, int Mine, int Unassigned, int Overdue, int DueThisWeek, int FollowUp);
