using System.Text.Json.Nodes;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Collaborators;

/// <summary>People of a company as email recipients of a procedure (email, name, language, user id).</summary>
public static class CompanyRecipients
{
    public static JsonObject Of(AppUser user) => new()
    {
        ["userId"] = user.Id, ["email"] = user.Email, ["name"] = user.DisplayName,
        ["language"] = user.PreferredLanguage, ["codiceFiscale"] = user.CodiceFiscale,
    };

    public static async Task<JsonArray> AdministratorsAsync(AppDbContext db, Guid companyId, CancellationToken ct)
    {
        var admins = await db.Set<Membership>()
            .Where(m => m.CompanyId == companyId && m.Kind == MembershipKind.Administrator && m.Status == MembershipStatus.Active)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u)
            .Where(u => u.Email != null)
            .ToListAsync(ct);
        return new JsonArray(admins.Select(u => (JsonNode)Of(u)).ToArray());
    }

    /// <summary>The agency's mailbox for notices (configuration <c>Agency:NotificationEmail</c>).</summary>
    public static JsonObject Agency(IConfiguration configuration) => new()
    {
        ["email"] = configuration["Agency:NotificationEmail"] ?? "agenzia@employerworkflows.local",
        ["name"] = configuration["Agency:Name"] ?? "Agenzia regionale per il lavoro",
        ["language"] = "it",
    };
}
