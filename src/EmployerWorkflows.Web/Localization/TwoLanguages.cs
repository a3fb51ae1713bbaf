using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;

namespace EmployerWorkflows.Web.Localization;

/// <summary>
/// Reads a culture with another provider and names it as one of the two the interface speaks: any English
/// (<c>en</c>, <c>en-US</c>, <c>en-GB</c>…) is <c>en-GB</c>, any Italian is <c>it-IT</c>. Without this a browser
/// saying <c>en-US</c> matches neither supported culture and is answered in Italian.
/// </summary>
internal sealed class TwoLanguages(RequestCultureProvider inner) : RequestCultureProvider
{
    public const string English = "en-GB";
    public const string Italian = "it-IT";

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var found = await inner.DetermineProviderCultureResult(httpContext);
        return found is null ? null : new ProviderCultureResult(Map(found.Cultures), Map(found.UICultures));
    }

    /// <summary>The language a culture name belongs to, or null when it is neither Italian nor English.</summary>
    public static string? Of(string? culture) =>
        culture is null ? null
        : culture.Equals("en", StringComparison.OrdinalIgnoreCase) || culture.StartsWith("en-", StringComparison.OrdinalIgnoreCase) ? English
        : culture.Equals("it", StringComparison.OrdinalIgnoreCase) || culture.StartsWith("it-", StringComparison.OrdinalIgnoreCase) ? Italian
        : null;

    private static List<StringSegment> Map(IList<StringSegment> cultures) =>
        cultures.Select(c => Of(c.Value) is { } known ? new StringSegment(known) : c).ToList();
}
