using System.Security.Claims;
using System.Text.Json;
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
        group.MapPost("/delegated", RegisterDelegatedAsync).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Register a company as a delegate of its legal representative")
            .WithDescription("Multipart: registration = the same JSON as the plain registration; delegation = the delegation signed by the "
                             + "legal representative, a PDF recognised by content (at most 5 MB). Without it, or with another format, "
                             + "400 and nothing is saved. The legal representative may use either route without a document.")
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

    public sealed record DelegatedRequest(HttpRequest Request, ClaimsPrincipal User, UserManager<AppUser> Users,
        RegisterCompany Register, CancellationToken Ct);

    public static async Task<Results<Created<RegistrationView>, ValidationProblem, UnauthorizedHttpResult>> RegisterDelegatedAsync(
        [AsParameters] DelegatedRequest r)
    {
        var user = await r.Users.GetUserAsync(r.User);
        if (user is null) return TypedResults.Unauthorized();
        if (!r.Request.HasFormContentType)
            return new FieldErrors().Add("registration", "Invia il modulo come multipart/form-data con la delega allegata.",
                "Send the form as multipart/form-data with the delegation attached.").ToProblem();
        var form = await r.Request.ReadFormAsync(r.Ct);
        RegistrationRequest? body = null;
        try
        {
            body = JsonSerializer.Deserialize<RegistrationRequest>(form["registration"].ToString(), JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
        }
        if (body?.Company is null)
            return new FieldErrors().Add("registration", "Il campo registration deve contenere i dati dell'azienda in JSON.",
                "The registration field must hold the company data as JSON.").ToProblem();
        DelegationUpload? delegation = null;
        if (form.Files.GetFile(SubmitterRole.DocumentName) is { Length: > 0 } file)
        {
            if (file.Length > SubmitterRole.MaxMb * 1024L * 1024L)
            {
                return SubmitterRole.TooLarge().ToProblem();
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, r.Ct);
            delegation = new DelegationUpload(file.FileName, buffer.ToArray());
        }
        var outcome = await r.Register.HandleAsync(body, delegation, user, WorkflowActors.From(r.User), r.Ct);
        return outcome.Value is { } view ? TypedResults.Created($"/api/companies/{view.CompanyId}", view) : outcome.Errors!.ToProblem();
    }

    public sealed record ResubmitRequest(Guid CompanyId, [property: FromBody] ResubmissionRequest Body, ClaimsPrincipal User,
        ResubmitRegistration Resubmit, CancellationToken Ct);

    public static async Task<Results<Ok<ResubmissionView>, ValidationProblem, ProblemHttpResult>> ResubmitAsync([AsParameters] ResubmitRequest r) =>
        (await r.Resubmit.HandleAsync(r.CompanyId, r.Body, WorkflowActors.From(r.User), r.Ct)).ToHttp();
}
