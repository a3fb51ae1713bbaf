using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.Features;

namespace EmployerWorkflows.Web.Hosting;

/// <summary>
/// JSON bodies of the APIs are small (a form's fields); the server's general limit is sized for uploads. A JSON body
/// over <c>Api:MaxJsonBodyKb</c> (default 256 KB) is refused with a 400 problem naming <c>body</c> before anything is
/// read, and a chunked one is cut at the same size (the reader's 413 becomes the same 400, see RequestProblems).
/// </summary>
public static class JsonBodyLimit
{
    public const int DefaultKb = 256;

    public static WebApplication UseJsonBodyLimit(this WebApplication app)
    {
        var limit = app.Configuration.GetValue("Api:MaxJsonBodyKb", DefaultKb) * 1024L;
        app.Use(async (http, next) =>
        {
            if (http.Request.HasJsonContentType())
            {
                if (http.Request.ContentLength > limit)
                {
                    await TooLarge().ExecuteAsync(http);
                    return;
                }
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                    size.MaxRequestBodySize = limit;
            }
            await next(http);
        });
        return app;
    }

    public static IResult TooLarge() =>
        new FieldErrors().Add("body", "La richiesta è troppo grande: non è stato salvato nulla.",
            "The request is too large: nothing was saved.").ToResult();
}
