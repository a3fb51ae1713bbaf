using System.Security.Claims;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Inbox;

/// <summary>A saved filter with the number of open tasks it finds now.</summary>
public sealed record SavedFilterCount(SavedInboxFilter Filter, int Count);

/// <summary>
/// A person's saved inbox filters: kept per person, counted over the tasks that person may see (so another
/// role's or another company's tasks never add to a count), replaced when saved again under the same name.
/// </summary>
public sealed class SavedInboxFilters(AppDbContext db, TaskInbox inbox, TimeProvider clock)
{
    public const int MaxPerPerson = 20;

    public async Task<IReadOnlyList<SavedFilterCount>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId() ?? "";
        var filters = await db.Set<SavedInboxFilter>().AsNoTracking().Where(f => f.UserId == me).ToListAsync(ct);
        var reader = TaskReaders.For(user);
        var counted = new List<SavedFilterCount>();
        foreach (var filter in filters.OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            var query = InboxQuery.Parse(filter.Query);
            counted.Add(new SavedFilterCount(filter, await inbox.CountAsync(reader, query.ToFilter(await CompanyIdsAsync(query.Company, ct)), ct)));
        }
        return counted;
    }

    /// <summary>Saves the filter under the name, replacing the person's filter of that name; null when saved, else why not.</summary>
    public async Task<(string It, string En)?> SaveAsync(ClaimsPrincipal user, string? name, InboxQuery query, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > SavedInboxFilter.NameMaxLength)
            return ($"Dai al filtro un nome di 1–{SavedInboxFilter.NameMaxLength} caratteri.",
                $"Give the filter a name of 1–{SavedInboxFilter.NameMaxLength} characters.");
        var me = user.UserId() ?? "";
        var existing = await db.Set<SavedInboxFilter>().SingleOrDefaultAsync(f => f.UserId == me && f.Name == name, ct);
        if (existing is null)
        {
            if (await db.Set<SavedInboxFilter>().CountAsync(f => f.UserId == me, ct) >= MaxPerPerson)
                return ($"Puoi salvare al massimo {MaxPerPerson} filtri: eliminane uno prima.",
                    $"You can save at most {MaxPerPerson} filters: delete one first.");
            db.Add(new SavedInboxFilter { Id = Guid.NewGuid(), UserId = me, Name = name, CreatedAt = clock.GetUtcNow(), Query = query.ToQueryString() });
        }
        else
            existing.Query = query.ToQueryString();
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Deletes one of the person's own filters; false when they have none with that id.</summary>
    public async Task<bool> DeleteAsync(ClaimsPrincipal user, Guid filterId, CancellationToken ct)
    {
        var me = user.UserId() ?? "";
        return await db.Set<SavedInboxFilter>().Where(f => f.Id == filterId && f.UserId == me).ExecuteDeleteAsync(ct) == 1;
    }

    /// <summary>The companies a company search matches, by codice fiscale or part of the name; null when not searching.</summary>
    public async Task<IReadOnlyCollection<Guid>?> CompanyIdsAsync(string? search, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(search)) return null;
        var term = search.Trim().ToUpperInvariant();
        return await db.Set<Company>().AsNoTracking().Where(c => c.CodiceFiscale == term || c.Name.ToUpper().Contains(term))
            .Select(c => c.Id).ToListAsync(ct);
    }
}
