using System.Security.Claims;
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
        employer.MapGet("/", ListDelegationsAsync)
            .WithSummary("The company's delegations to intermediaries");
        employer.MapPost("/", InviteAsync)
            .WithSummary("«Invita per…»: invites a registered intermediary to act for the company")
            .WithDescription("intermediaryCodiceFiscale: the intermediary's own codice fiscale; scope: procedure ids the delegation covers; " +
                             $"expiresOn: last day it holds (after today, at most {DelegationInvitations.MaxYears} years). The intermediary is told by email and accepts or refuses.");
        employer.MapPost("/{delegationId:guid}/revoke", RevokeAsync)
            .WithSummary("Revokes a delegation at once (the intermediary's next request is refused), or withdraws an invitation");
        return app;
    }

    public sealed record DelegationsRead(Guid CompanyId, ClaimsPrincipal User, CompanyAccess Access, DelegationInvitations Invitations,
        CancellationToken Ct);

    public static async Task<Results<Ok<IReadOnlyList<DelegationView>>, NotFound, ForbidHttpResult>> ListDelegationsAsync([AsParameters] DelegationsRead r)
    {
        var rights = await r.Access.ForAsync(r.User, r.CompanyId, r.Ct);
        if (rights is null) return TypedResults.NotFound();
        if (!rights.CanManage) return TypedResults.Forbid();
        return TypedResults.Ok(await r.Invitations.ListAsync(r.CompanyId, r.Ct));
    }

    public sealed record Invitation(Guid CompanyId, [property: FromBody] InvitationInput Body, ClaimsPrincipal User, CompanyAccess Access,
        DelegationInvitations Invitations, CancellationToken Ct);

    public static Task<Results<Created<DelegationView>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> InviteAsync(
        [AsParameters] Invitation r) =>
        r.Access.ForManagerAsync(r.User, r.CompanyId, () => r.Invitations.InviteAsync(r.User, r.CompanyId, r.Body, r.Ct),
            v => TypedResults.Created($"/api/companies/{r.CompanyId}/delegations", v), r.Ct);

    public sealed record Revocation(Guid CompanyId, Guid DelegationId, ClaimsPrincipal User, CompanyAccess Access, DelegationInvitations Invitations,
        CancellationToken Ct);

    public static Task<Results<Ok<DelegationView>, ValidationProblem, ProblemHttpResult, NotFound, ForbidHttpResult>> RevokeAsync(
        [AsParameters] Revocation r) =>
        r.Access.ForManagerAsync(r.User, r.CompanyId, () => r.Invitations.RevokeAsync(r.User, r.CompanyId, r.DelegationId, r.Ct),
            v => TypedResults.Ok(v), r.Ct);
}
