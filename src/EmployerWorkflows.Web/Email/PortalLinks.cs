using EmployerWorkflows.Runtime.Execution;

namespace EmployerWorkflows.Web.Email;

/// <summary>
/// The link every procedure email ends with: <c>{App:PublicBaseUrl}/procedures/{id}</c>, which takes the reader to their
/// task on that procedure, or to where they follow it. Without a configured address the first of <c>Urls</c> is used.
/// </summary>
internal sealed class PortalLinks(IConfiguration configuration) : IEmailLinks
{
    public EmailLink? For(Guid instanceId, string language) => BaseUrl(configuration) is { } baseUrl
        ? new EmailLink(language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "Open the procedure" : "Apri la pratica",
            $"{baseUrl}/procedures/{instanceId}")
        : null;

    public static string? BaseUrl(IConfiguration configuration)
    {
        var configured = configuration["App:PublicBaseUrl"];
        var address = string.IsNullOrWhiteSpace(configured) ? configuration["Urls"]?.Split(';')[0] : configured;
        return string.IsNullOrWhiteSpace(address) ? null : address.Trim().TrimEnd('/');
    }
}
