using System.Security.Claims;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace EmployerWorkflows.Web.Localization;

/// <summary>
/// Keeps on the person the language their browser or the language switch last asked for, so that emails
/// rendered later, when no request is around (a timer, a colleague's action), are written in it. The login
/// cookie carries the stored language, so a request writes only when the language changed.
/// </summary>
public static class RememberedLanguage
{
    public const string ClaimType = "ew:language";

    /// <summary>"en" or "it", as stored on the person and given to email recipients.</summary>
    public static string CodeOf(string? culture) => TwoLanguages.Of(culture) == TwoLanguages.English ? "en" : "it";

    public static IApplicationBuilder UseRememberedLanguage(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var negotiated = http.Features.Get<IRequestCultureFeature>();
        // Only what someone asked for counts: a request that says nothing gets the default, which is no choice.
        if (negotiated?.Provider is not null && http.User.Identity?.IsAuthenticated == true)
        {
            var code = CodeOf(negotiated.RequestCulture.UICulture.Name);
            if (http.User.FindFirstValue(ClaimType) != code)
                await StoreAsync(http, code);
        }
        await next(http);
    });

    /// <summary>Stores the language on the signed-in person and renews their cookie with it.</summary>
    public static async Task StoreAsync(HttpContext http, string code)
    {
        var users = http.RequestServices.GetRequiredService<UserManager<AppUser>>();
        if (await users.GetUserAsync(http.User) is not { } user) return;
        if (user.PreferredLanguage != code)
        {
            user.PreferredLanguage = code;
            await users.UpdateAsync(user);
        }
        await http.RequestServices.GetRequiredService<SignInManager<AppUser>>().RefreshSignInAsync(user);
    }
}
