using System.Security.Claims;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Intermittent.Calls;
using EmployerWorkflows.Web.Features.Intermittent.Registration;
using EmployerWorkflows.Web.Features.Intermittent.Sms;
using EmployerWorkflows.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Intermittent;

public sealed record SmsNumberRequest(Guid? RegistrationId, string? Number);
public sealed record ContractRequest(string? EmployerCf, string? WorkerCf, string? CoCode, DateOnly StartDate, DateOnly? EndDate);

/// <summary>Registration to the service (rule 21), SMS numbers (rule 28) and the CO archive the help desk keeps (rule 24).</summary>
internal static class RegistrationApi
{
    public static void MapRegistrationEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/registrations", Register).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Registers to the service: identity document, and the atto di notorietà for a consultant")
            .WithDescription("Multipart: consultant=true for a labour consultant, else companyId of an active company you administer; " +
                             "identityDocument (and notarialDeed for a consultant): pdf, jpeg, jpg, png, tiff or bmp recognised by content. " +
                             "The Help Desk approves or rejects it in its inbox; the applicant is told by email.");
        api.MapGet("/registrations/mine", Mine).WithSummary("My registrations to the service and where they stand");
        api.MapGet("/sms-numbers", Numbers).WithSummary("Mobile numbers registered for the SMS channel");
        api.MapPost("/sms-numbers", AddNumber).WithSummary("Registers an Italian mobile number (e.g. 3361111111) for the SMS channel");
        api.MapDelete("/sms-numbers/{id:guid}", RemoveNumber).WithSummary("Removes a registered mobile number");
        api.MapPost("/contracts", AddContract).RequireAuthorization(IntermittentSetup.HelpDeskPolicy)
            .WithSummary("Adds an intermittent hiring CO to the archive calls are matched against (Help Desk)");
    }

    private static string Me(ClaimsPrincipal user) => user.UserId() ?? "";

    public static async Task<Results<Created<RegistrationView>, ValidationProblem, ProblemHttpResult>> Register(
        HttpRequest request, ClaimsPrincipal user, ServiceRegistrations registrations, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return TypedResults.ValidationProblem(new FieldErrors().Add("identityDocument", "Invia il modulo come multipart/form-data con il documento allegato.",
                "Send the form as multipart/form-data with the document attached.").ToDictionary());
        var form = await request.ReadFormAsync(ct);
        return (await registrations.RegisterAsync(user, form, ct)).ToHttp(v => TypedResults.Created("/api/intermittent/registrations/mine", v));
    }

    public static async Task<Ok<IReadOnlyList<RegistrationView>>> Mine(ClaimsPrincipal user, ServiceRegistrations registrations, CancellationToken ct) =>
        TypedResults.Ok(await registrations.MineAsync(Me(user), ct));

    public static async Task<Ok<IReadOnlyList<SmsNumberView>>> Numbers(ClaimsPrincipal user, SmsNumbers numbers, CancellationToken ct) =>
        TypedResults.Ok(await numbers.MineAsync(Me(user), ct));

    public static async Task<Results<Created<SmsNumberView>, ValidationProblem, ProblemHttpResult>> AddNumber(
        SmsNumberRequest request, ClaimsPrincipal user, SmsNumbers numbers, CancellationToken ct) =>
        (await numbers.RegisterAsync(Me(user), request.RegistrationId, request.Number, ct)).ToHttp(v => TypedResults.Created("/api/intermittent/sms-numbers", v));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveNumber(
        Guid id, ClaimsPrincipal user, SmsNumbers numbers, CancellationToken ct) =>
        (await numbers.RemoveAsync(Me(user), id, ct)).ToHttp(_ => TypedResults.NoContent());

    public static async Task<Results<Created<ContractView>, ValidationProblem>> AddContract(ContractRequest request, Data.AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Add("employerCf", Domain.Identifiers.CompanyCodiceFiscale.Validate(request.EmployerCf))
            .Add("workerCf", Domain.Identifiers.CodiceFiscale.Validate(request.WorkerCf));
        if (request.CoCode is not { Length: 16 } code || !code.All(char.IsAsciiDigit))
            errors.Add("coCode", "Il codice comunicazione della CO è di 16 cifre.", "The CO communication code has 16 digits.");
        else if (await db.Set<IntermittentContract>().AnyAsync(c => c.CoCode == code, ct))
            errors.Add("coCode", "Questa CO è già nell'archivio.", "This CO is already in the archive.");
        if (request.EndDate < request.StartDate)
            errors.Add("endDate", "La data di fine non può precedere la data di inizio.", "The end date cannot be before the start date.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var contract = new IntermittentContract
        {
            EmployerCf = Domain.Identifiers.CompanyCodiceFiscale.Parse(request.EmployerCf).Value, WorkerCf = request.WorkerCf!.Trim().ToUpperInvariant(),
            CoCode = request.CoCode!, StartDate = request.StartDate, EndDate = request.EndDate,
        };
        db.Add(contract);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created("/api/intermittent/contracts", new ContractView(contract.CoCode, contract.StartDate, contract.EndDate));
    }
}
