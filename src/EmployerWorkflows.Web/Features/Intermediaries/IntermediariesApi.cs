using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EmployerWorkflows.Web.Features.Intermediaries;

/// <summary>Intermediaries register themselves; an employer's administrators invite and revoke them.</summary>
public static class IntermediariesApi
{
    public static IEndpointRouteBuilder MapIntermediariesApi(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/intermediaries/me").WithTags("Intermediaries and delegations").RequireAuthorization();
        mine.MapGet("/", async Task<Results<Ok<IntermediaryView>, NotFound>> (HttpContext http, IntermediaryRegistration registration, CancellationToken ct) =>
                await registration.MineAsync(http.User.UserId()!, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("My registration as intermediary (labour consultant, association…)");
        mine.MapPut("/", async ([FromBody] IntermediaryInput input, HttpContext http, IntermediaryRegistration registration, CancellationToken ct) =>
                (await registration.RegisterAsync(http.User, input, ct)).ToHttp())
            .WithSummary("Registers me as intermediary, or updates the firm and register details")
            .WithDescription("type: a company type that acts for employers (e.g. labour-consultant, trade-association); name; registerName; registerNumber.");
        mine.MapGet("/delegations", async (HttpContext http, DelegationInvitations invitations, CancellationToken ct) =>
                TypedResults.Ok(await invitations.OfIntermediaryAsync(http.User.UserId()!, ct)))
            .WithSummary("Delegations I hold or was invited to, with the employers they come from");

        var employer = app.MapGroup("/api/companies/{companyId:guid}/delegations").WithTags("Intermediaries and delegations").RequireAuthorization();
        employer.MapGet("/", async (Guid companyId, HttpContext http, CompanyAccess access, DelegationInvitations invitations, CancellationToken ct) =>
                await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal ? refusal : Results.Ok(await invitations.ListAsync(companyId, ct)))
            .WithSummary("The company's delegations to intermediaries").Produces<List<DelegationView>>();
        employer.MapPost("/", async Task<IResult> (Guid companyId, [FromBody] InvitationInput input, HttpContext http, CompanyAccess access,
                DelegationInvitations invitations, CancellationToken ct) =>
            {
                if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
                return (await invitations.InviteAsync(http.User, companyId, input, ct))
                    .ToHttp(v => TypedResults.Created($"/api/companies/{companyId}/delegations", v));
            })
            .WithSummary("«Invita per…»: invites a registered intermediary to act for the company")
            .WithDescription("intermediaryCodiceFiscale: the intermediary's own codice fiscale; scope: procedure ids the delegation covers; " +
                             $"expiresOn: last day it holds (after today, at most {DelegationInvitations.MaxYears} years). The intermediary is told by email and accepts or refuses.")
            .Produces<DelegationView>(StatusCodes.Status201Created).ProducesValidationProblem();
        employer.MapPost("/{delegationId:guid}/revoke", async Task<IResult> (Guid companyId, Guid delegationId, HttpContext http, CompanyAccess access,
                DelegationInvitations invitations, CancellationToken ct) =>
            {
                if (await access.RefuseUnlessManagerAsync(http.User, companyId, ct) is { } refusal) return refusal;
                return (await invitations.RevokeAsync(http.User, companyId, delegationId, ct)).ToHttp();
            })
            .WithSummary("Revokes a delegation at once (the intermediary's next request is refused), or withdraws an invitation")
            .Produces<DelegationView>();
        return app;
    }
}
