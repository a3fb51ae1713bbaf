using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Intermittent.Pages;

public sealed record RegistrationRow(Guid Id, string Applicant, string ApplicantCf, ApplicantKind Kind, string? Company, RegistrationStatus Status,
    DateTimeOffset CreatedAt, Guid? OpenTaskId);

/// <summary>The help desk's registrations inbox: pending requests first, each opening its review task (documents, approve, reject with a reason).</summary>
[Authorize(Roles = Roles.HelpDesk)]
public sealed class RegistrationsModel(AppDbContext db, TaskInbox inbox) : PageModel
{
    public IReadOnlyList<RegistrationRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Set<ServiceRegistration>().AsNoTracking()
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r, u.FirstName, u.LastName, u.CodiceFiscale })
            .GroupJoin(db.Set<Company>(), x => x.r.CompanyId, c => c.Id, (x, c) => new { x, c })
            .SelectMany(x => x.c.DefaultIfEmpty(), (x, c) => new { x.x, Company = c == null ? null : c.Name })
            .OrderByDescending(x => x.x.r.CreatedAt).Take(200).ToListAsync(ct);
        var tasks = await inbox.OpenOfInstancesAsync(rows.Select(x => x.x.r.InstanceId).OfType<Guid>().ToList(), ct);
        Rows = rows.Select(x => new RegistrationRow(x.x.r.Id, $"{x.x.FirstName} {x.x.LastName}", x.x.CodiceFiscale, x.x.r.Kind, x.Company, x.x.r.Status,
                x.x.r.CreatedAt, tasks.FirstOrDefault(t => t.InstanceId == x.x.r.InstanceId)?.Id))
            .OrderBy(r => r.Status != RegistrationStatus.Pending).ThenByDescending(r => r.CreatedAt).ToList();
    }
}
