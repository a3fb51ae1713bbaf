using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace EmployerWorkflows.Web.Features.Companies.Registration;

public static class RegistrationApi
{
    public static IEndpointRouteBuilder MapCompanyRegistration(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/company-registrations").WithTags("Company registration").RequireAuthorization();

        group.MapPost("/", async ([FromBody] RegistrationRequest request, HttpContext http, UserManager<AppUser> users,
                RegisterCompany register, CancellationToken ct) =>
            {
                var user = await users.GetUserAsync(http.User);
                return user is null ? Results.Unauthorized() : await register.HandleAsync(request, user, WorkflowActors.From(http.User), ct);
            })
            .WithSummary("Register a company")
            .WithDescription("A logged-in person declares a company (data and types); it stays pending until an agency reviewer approves it. "
                             + "On approval the person becomes the company's first administrator. 409 while no version of the "
                             + "review procedure is published: nothing is saved.")
            .Produces<RegistrationView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{companyId:guid}/resubmit", (Guid companyId, [FromBody] ResubmissionRequest request, HttpContext http,
                ResubmitRegistration resubmit, CancellationToken ct) =>
                resubmit.HandleAsync(companyId, request, WorkflowActors.From(http.User), ct))
            .WithSummary("Answer a request for integration")
            .WithDescription("The submitter sends corrected company data and a message; the registration goes back to review.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
