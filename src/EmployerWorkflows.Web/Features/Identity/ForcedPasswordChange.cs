namespace EmployerWorkflows.Web.Features.Identity;

/// <summary>
/// A person whose password was handed out by the agency must choose their own before doing anything else (rule 17):
/// every page leads to the change-password page and every API call is refused until it is done.
/// </summary>
public static class ForcedPasswordChange
{
    /// <summary>In the login cookie while the change is due; the page that changes the password refreshes the cookie.</summary>
    public const string Claim = "ew:must_change_password";

    private static readonly string[] AlwaysOpen = ["/account", "/language", "/css", "/js", "/lib", "/favicon", "/health"];

    public static IApplicationBuilder UseForcedPasswordChange(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (context.User.HasClaim(Claim, "true") && !AlwaysOpen.Any(p => path.StartsWithSegments(p)))
        {
            if (path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            context.Response.Redirect("/account/change-password?ReturnUrl=" + Uri.EscapeDataString(path + context.Request.QueryString));
            return;
        }
        await next();
    });
}
