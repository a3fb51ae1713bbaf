using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>
/// The language a person uses now, looked up by user id when an email to them is rendered. Recipients are often
/// copied into an instance's variables when it starts; a person who changed language since then is written to in
/// the new one. Optional: without it, the language the recipient carries is used.
/// </summary>
public interface IRecipientLanguages
{
    /// <summary>"it" or "en", or null when the person is unknown.</summary>
    Task<string?> LanguageOfAsync(DbContext db, string userId, CancellationToken cancellationToken);
}
