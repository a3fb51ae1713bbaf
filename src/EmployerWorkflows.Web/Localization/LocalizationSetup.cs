using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace EmployerWorkflows.Web.Localization;

public static class LocalizationSetup
{
    public const string CookieName = ".ew.culture";

    public static WebApplicationBuilder AddLocalizationFeature(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Localization");
        var supported = section.GetSection("SupportedCultures").Get<string[]>() is { Length: > 0 } s ? s : [TwoLanguages.Italian, TwoLanguages.English];
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
                new TwoLanguages(new QueryStringRequestCultureProvider()),
                new TwoLanguages(new CookieRequestCultureProvider { CookieName = CookieName }),
                new TwoLanguages(new AcceptLanguageHeaderRequestCultureProvider()),
            ];
        });
        builder.Services.AddScoped<EmployerWorkflows.Runtime.Execution.IRecipientLanguages, StoredLanguages>();
        return builder;
    }

    /// <summary>Sets the request's culture; first in the pipeline, so that error answers speak it too.</summary>
    public static WebApplication UseRequestLanguage(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    /// <summary>The language switch in the header, and the memory of the signed-in person's language.</summary>
    public static WebApplication UseLocalizationFeature(this WebApplication app)
    {
        app.UseRememberedLanguage();
        app.MapGet("/language/{code}", async (string code, string? returnUrl, HttpContext http) =>
        {
            var culture = TwoLanguages.Of(code) ?? TwoLanguages.Italian;
            http.Response.Cookies.Append(CookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            if (http.User.Identity?.IsAuthenticated == true)
                await RememberedLanguage.StoreAsync(http, RememberedLanguage.CodeOf(culture));
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") ? "/" : returnUrl);
        }).ExcludeFromDescription();
        return app;
    }
}
