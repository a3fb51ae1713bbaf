using System.Globalization;
using System.Net.Mail;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>How people, companies and dates of the SECO procedures appear in instance variables and templates.</summary>
public static class JobRoomVariables
{
    public static JsonObject Company(UidRegisterRecord company) => new()
    {
        ["name"] = company.Name,
        ["uid"] = company.Uid.Display,
        ["address"] = string.Join("\n", company.AddressLines),
    };

    /// <summary>A recipient as the runtime reads it: email, name, language, userId.</summary>
    public static JsonObject Person(JobRoomAccount account) => new()
    {
        ["userId"] = account.UserId,
        ["email"] = account.Email,
        ["name"] = account.DisplayName,
        ["language"] = account.Language,
    };

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A short random reference (8 hex characters) for letters and email subjects.</summary>
    public static string NewReference() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4));

    public static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 320 && MailAddress.TryCreate(value.Trim(), out var address) &&
        address.Address == value.Trim() && address.Host.Contains('.');
}

/// <summary>
/// Who may act on what: company people act only on the UIDs they hold an account for, the main administrator
/// decides for the UID, SecoDesk works the reviewer tasks and the register. Everyone else sees nothing.
/// </summary>
public sealed class JobRoomAccess(AppDbContext db)
{
    public static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public static bool IsSecoDesk(ClaimsPrincipal user) => user.IsInRole(Roles.SecoDesk);

    public Task<JobRoomAccount?> AccountAsync(string uid, string userId, CancellationToken ct) =>
        db.Set<JobRoomAccount>().SingleOrDefaultAsync(a => a.Uid == uid && a.UserId == userId, ct);

    public Task<JobRoomAccount?> MainAdministratorAsync(string uid, CancellationToken ct) =>
        db.Set<JobRoomAccount>().Where(a => a.Uid == uid && a.IsMainAdministrator && a.Status == JobRoomAccountStatus.Active
                                            && a.LeftCompanyAt == null)
            .OrderBy(a => a.ActivatedAt).FirstOrDefaultAsync(ct);

    public async Task<bool> IsMainAdministratorAsync(ClaimsPrincipal user, string uid, CancellationToken ct) =>
        await MainAdministratorAsync(uid, ct) is { } main && main.UserId == UserId(user);

    /// <summary>A person with an active account for the UID (or SecoDesk).</summary>
    public async Task<bool> BelongsToAsync(ClaimsPrincipal user, string uid, CancellationToken ct) =>
        IsSecoDesk(user) || await db.Set<JobRoomAccount>().AnyAsync(a =>
            a.Uid == uid && a.UserId == UserId(user) && a.Status == JobRoomAccountStatus.Active && a.LeftCompanyAt == null, ct);
}
