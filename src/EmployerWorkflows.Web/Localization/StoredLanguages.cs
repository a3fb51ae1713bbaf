using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Localization;

/// <summary>The language stored on a person (see <see cref="RememberedLanguage"/>), for emails rendered at any time.</summary>
internal sealed class StoredLanguages : IRecipientLanguages
{
    public async Task<string?> LanguageOfAsync(DbContext db, string userId, CancellationToken cancellationToken) =>
        // The designer's sandbox runs on a database of its own, without people: recipients keep their language there.
        db is AppDbContext app
            ? await app.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PreferredLanguage).SingleOrDefaultAsync(cancellationToken)
            : null;
}
