using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EmployerWorkflows.Web.Features.Procedures;

/// <summary>
/// Pages call the same services as the JSON API, which answer with HTTP results; this reads such a result back
/// into what a page shows: success with a value, field errors, or a problem with a title and detail.
/// </summary>
public sealed record PageOutcome(int StatusCode, object? Value, IDictionary<string, string[]> FieldErrors, string? Title, string? Detail)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    public static PageOutcome Read(IResult result)
    {
        var status = result is ForbidHttpResult ? StatusCodes.Status403Forbidden : (result as IStatusCodeHttpResult)?.StatusCode ?? 200;
        var problem = result switch
        {
            ProblemHttpResult p => p.ProblemDetails,
            ValidationProblem v => v.ProblemDetails,
            _ => null,
        };
        var errors = (problem as HttpValidationProblemDetails)?.Errors ?? new Dictionary<string, string[]>();
        var value = problem is null ? (result as IValueHttpResult)?.Value : null;
        return new PageOutcome(problem?.Status ?? status, value, errors, problem?.Title, problem?.Detail);
    }
}
