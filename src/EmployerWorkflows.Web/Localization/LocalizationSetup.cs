using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace EmployerWorkflows.Web.Localization;

public static class LocalizationSetup
{
    public const string CookieName = ".ew.culture";

    public static WebApplicationBuilder AddLocalizationFeature(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Localization");
        var supported = section.GetSection("SupportedCultures").Get<string[]>() is { Length: > 0 } s ? s : ["it-IT", "en-GB"];
        var defaultCulture = section["DefaultCulture"] ?? supported[0];
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = supported.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(defaultCulture);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    public static WebApplication UseLocalizationFeature(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.MapGet("/language/{code}", (string code, string? returnUrl, HttpContext http) =>
        {
            var culture = code.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en-GB" : "it-IT";
            http.Response.Cookies.Append(CookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") ? "/" : returnUrl);
        }).ExcludeFromDescription();
        return app;
    }
}
