using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using EmployerWorkflows.Web.Localization;

namespace EmployerWorkflows.Web.Hosting.Problems;

/// <summary>
/// The one place an exception becomes an answer. API clients get a problem document (the refusal's own status, or
/// a 500 that says nothing of the code); browsers on pages get the error page, told which problem to show.
/// </summary>
internal sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var answer = RequestProblems.For(exception);
        if (answer is not null)
            logger.LogInformation("Request {Method} {Path} refused: {Refusal}", http.Request.Method, http.Request.Path, exception.Message);
        if (WantsPage(http.Request))
        {
            // The error page is rendered next, by re-executing the pipeline; it reads the problem from here.
            var problem = answer as IValueHttpResult;
            http.Features.Set(new ShownProblem(
                (answer as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status500InternalServerError,
                (problem?.Value as Microsoft.AspNetCore.Mvc.ProblemDetails)?.Title,
                (problem?.Value as Microsoft.AspNetCore.Mvc.ProblemDetails)?.Detail));
            return false;
        }
        await (answer ?? Fault()).ExecuteAsync(http);
        return true;
    }

    private static IResult Fault() => Results.Problem(statusCode: StatusCodes.Status500InternalServerError,
        title: Lang.T("Si è verificato un errore.", "Something went wrong."),
        detail: Lang.T("L'operazione non è andata a buon fine e nulla è stato salvato. Riprova tra qualche minuto.",
            "The operation did not complete and nothing was saved. Try again in a few minutes."));

    /// <summary>A browser asking for a page: HTML accepted and not an API path (API clients always get problem JSON).</summary>
    internal static bool WantsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api")
        && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}

/// <summary>What the error page shows: the status and, for a refusal, its title and detail.</summary>
public sealed record ShownProblem(int StatusCode, string? Title, string? Detail);
