using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>What the UID register says about a company: its name and postal address.</summary>
public sealed record UidRegisterRecord(Guid Id, SwissUid Uid, string Name, string Street, string PostalCode, string Town, string Country)
{
    public IReadOnlyList<string> AddressLines => [Name, Street, $"{PostalCode} {Town}", Country == "CH" ? "Svizzera" : Country];
}

/// <summary>The UID register. The database-backed one is filled by agency staff; another source could replace it.</summary>
public interface IUidRegister
{
    Task<UidRegisterRecord?> FindAsync(SwissUid uid, CancellationToken ct = default);
}

/// <summary>The register kept in the application database (table <c>JobRoomUidRegister</c>).</summary>
public sealed class DatabaseUidRegister(AppDbContext db) : IUidRegister
{
    public async Task<UidRegisterRecord?> FindAsync(SwissUid uid, CancellationToken ct = default)
    {
        var entry = await db.Set<UidRegisterEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Uid == uid.Value, ct);
        return entry is null ? null : ToRecord(entry);
    }

    /// <summary>Adds or updates the entry of a UID in the caller's unit of work (no SaveChanges).</summary>
    public async Task<UidRegisterEntry> UpsertAsync(SwissUid uid, string name, string street, string postalCode, string town,
        string? userId, DateTimeOffset now, CancellationToken ct = default)
    {
        var entry = await db.Set<UidRegisterEntry>().SingleOrDefaultAsync(e => e.Uid == uid.Value, ct);
        if (entry is null)
        {
            entry = new UidRegisterEntry { Uid = uid.Value };
            db.Add(entry);
        }
        entry.Name = name.Trim();
        entry.Street = street.Trim();
        entry.PostalCode = postalCode.Trim();
        entry.Town = town.Trim();
        entry.UpdatedAt = now;
        entry.UpdatedByUserId = userId;
        return entry;
    }

    internal static UidRegisterRecord ToRecord(UidRegisterEntry e) =>
        new(e.Id, SwissUid.Parse(e.Uid), e.Name, e.Street, e.PostalCode, e.Town, e.Country);
}
