using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Designer;

/// <summary>Who saved something, by name: the user's full name, else the codice fiscale, else the stored id.</summary>
public static class PeopleNames
{
    public static async Task<Func<string?, string?>> LoadAsync(AppDbContext db, IEnumerable<string?> userIds, CancellationToken ct)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        var people = await db.Set<AppUser>().AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.CodiceFiscale }).ToDictionaryAsync(u => u.Id, ct);
        return id => id is not null && people.TryGetValue(id, out var p)
            ? $"{p.FirstName} {p.LastName}".Trim() is { Length: > 0 } name ? name : p.CodiceFiscale
            : id;
    }
}
