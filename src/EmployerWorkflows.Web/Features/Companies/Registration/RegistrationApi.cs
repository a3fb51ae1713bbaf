using System.Security.Claims;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace EmployerWorkflows.Web.Features.Companies.Registration;

public static class RegistrationApi
{
    public static IEndpointRouteBuilder MapCompanyRegistration(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/company-registrations").WithTags("Company registration").RequireAuthorization();

        group.MapPost("/", RegisterAsync)
            .WithSummary("Register a company")
            .WithDescription("A logged-in person declares a company (data and types); it stays pending until an agency reviewer approves it. "
                             + "On approval the person becomes the company's first administrator. 409 while no version of the "
                             + "review procedure is published: nothing is saved.")
            .AnswersWorkflowRefusals();
        group.MapPost("/{companyId:guid}/resubmit", ResubmitAsync)
            .WithSummary("Answer a request for integration")
            .WithDescription("The submitter sends corrected company data and a message; the registration goes back to review.")
            .AnswersWorkflowRefusals();
        return app;
    }

    public sealed record RegisterRequest([property: FromBody] RegistrationRequest Body, ClaimsPrincipal User, UserManager<AppUser> Users,
        RegisterCompany Register, CancellationToken Ct);

    public static async Task<Results<Created<RegistrationView>, ValidationProblem, UnauthorizedHttpResult>> RegisterAsync(
        [AsParameters] RegisterRequest r)
    {
        var user = await r.Users.GetUserAsync(r.User);
        if (user is null) return TypedResults.Unauthorized();
        var outcome = await r.Register.HandleAsync(r.Body, user, WorkflowActors.From(r.User), r.Ct);
        return outcome.Value is { } view ? TypedResults.Created($"/api/companies/{view.CompanyId}", view) : outcome.Errors!.ToProblem();
    }

    public sealed record ResubmitRequest(Guid CompanyId, [property: FromBody] ResubmissionRequest Body, ClaimsPrincipal User,
        ResubmitRegistration Resubmit, CancellationToken Ct);

    public static async Task<Results<Ok<ResubmissionView>, ValidationProblem, ProblemHttpResult>> ResubmitAsync([AsParameters] ResubmitRequest r) =>
        (await r.Resubmit.HandleAsync(r.CompanyId, r.Body, WorkflowActors.From(r.User), r.Ct)).ToHttp();
}
