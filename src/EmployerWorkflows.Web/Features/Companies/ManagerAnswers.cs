using System.Diagnostics;
using System.Security.Claims;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmployerWorkflows.Web.Features.Companies;

/// <summary>
/// The typed answer of an endpoint that changes a company's structure or people: 404 when the caller has no rights on the
/// company (nothing says it exists), 403 when they see it but may not manage it, otherwise what the service's outcome says.
/// </summary>
public static class ManagerAnswers
{
    public static async Task<Results<TOk, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> ForManagerAsync<T, TOk>(
        this CompanyAccess access, ClaimsPrincipal user, Guid companyId, Func<Task<Outcome<T>>> act, Func<T, TOk> ok, CancellationToken ct)
        where TOk : IResult
    {
        var rights = await access.ForAsync(user, companyId, ct);
        if (rights is null) return TypedResults.NotFound();
        if (!rights.CanManage) return TypedResults.Forbid();
        return Answer(await act(), ok);
    }

    /// <summary>An outcome as a typed answer: a missing thing is a plain 404, bad input 400, a refusal its own status.</summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult> Answer<T, TOk>(Outcome<T> outcome, Func<T, TOk> ok)
        where TOk : IResult
    {
        if (outcome.Missing) return TypedResults.NotFound();
        return outcome.ToHttp(ok).Result switch
        {
            TOk done => done,
            ValidationProblem invalid => invalid,
            ProblemHttpResult refused => refused,
            var other => throw new UnreachableException($"An outcome answered {other.GetType().Name}."),
        };
    }
}
