using Microsoft.AspNetCore.Antiforgery;
using EmployerWorkflows.Web.Localization;

namespace EmployerWorkflows.Web.Hosting.CrossSite;

/// <summary>Refuses requests from other sites before they reach an endpoint; see <see cref="CrossSiteSetup"/>.</summary>
internal sealed class CrossSiteRequests(RequestDelegate next, OwnOrigin own, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.Headers.Origin is [{ } origin] && !own.Accepts(request, origin))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: Lang.T("Richiesta da un altro sito rifiutata.", "Request from another site refused."),
                detail: Lang.T("Questa applicazione accetta richieste solo dalle proprie pagine.",
                    "This application only accepts requests from its own pages.")).ExecuteAsync(http);
            return;
        }
        if (Changes(request) && request.Path.StartsWithSegments("/api") && http.User.Identity?.IsAuthenticated == true
            && !await antiforgery.IsRequestValidAsync(http))
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: Lang.T("Manca il token anti-falsificazione.", "The anti-forgery token is missing."),
                detail: Lang.T(
                    $"Le modifiche con il cookie di accesso richiedono l'intestazione {CrossSiteSetup.HeaderName} con il token di GET /api/antiforgery/token. Non è stato salvato nulla.",
                    $"Changes made with the login cookie need the {CrossSiteSetup.HeaderName} header with the token from GET /api/antiforgery/token. Nothing was saved."))
                .ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    private static bool Changes(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)
        || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method);
}
