using System.Globalization;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;

namespace EmployerWorkflows.Runtime.Expressions;

/// <summary>The JSON shapes under which a scope is exposed to JavaScript.</summary>
internal static class ScopeJson
{
    /// <summary>
    /// <c>now</c> uses the same shape as JavaScript's <c>Date.prototype.toISOString</c> so that
    /// <c>new Date(now)</c> and string comparisons with other ISO dates both work.
    /// </summary>
    public static string Now(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Actor(WorkflowActor actor)
    {
        var roles = new JsonArray();
        foreach (var role in actor.Roles.Order(StringComparer.Ordinal))
        {
            roles.Add(role);
        }

        return new JsonObject
        {
            ["userId"] = actor.UserId,
            ["codiceFiscale"] = actor.CodiceFiscale,
            ["name"] = actor.DisplayName,
            ["roles"] = roles,
            ["companyId"] = actor.CompanyId?.ToString(),
        };
    }
}
