namespace EmployerWorkflows.Web.Features.JobRoom;

public sealed record StartWriteRightsInput(string? Uid, string? CorrectionDeadline);

public sealed record AcceptRenewalInput(Guid? ResponsibleAccountId, string? CorrectionDeadline, long? ExpectedVersion);

public sealed record AccountCheckInput(string? Email, long? ExpectedVersion);

public sealed record EServiceLoginInput(string? RisNumber, string? CadNumber, string? Pin, long? ExpectedVersion);

public sealed record WriteRightsStarted(Guid InstanceId, string Reference, Guid? DeadlineInstanceId, string State);

/// <summary>
/// Phase B, the <c>kae-ffe-write-rights</c> workflow step by step (rules 4–7): start (on demand or after the daily
/// proposal), account check, eService login, error screenshot and email addresses, SECO's update. The handlers are
/// in <see cref="WriteRightsHandlers"/>; who may act is <see cref="WriteRightsAccess"/>'s.
/// </summary>
internal static class WriteRightsEndpoints
{
    public const string ScreenshotForm = "kae-ffe-error-screenshot";
    public const string ScreenshotField = "screenshot";

    public static void MapWriteRightsEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/write-rights", WriteRightsHandlers.StartAsync)
            .WithSummary("Starts a write-rights renewal (KAE-FFE) on demand")
            .WithDescription("A person with a Job-Room account or request for the UID becomes the responsible person. The correction " +
                             "deadline (yyyy-MM-dd) defaults to JobRoom:CorrectionDays days from today and is tracked with reminders.");

        var step = api.MapGroup("/write-rights/{instanceId:guid}");
        step.MapPost("/accept", WriteRightsHandlers.AcceptAsync)
            .WithSummary("The main administrator starts a proposed renewal")
            .WithDescription("After the daily check found the filer inactive for 6 months or gone. The responsible person is the given " +
                             "account of the UID, or the administrator.");
        step.MapPost("/dismiss", WriteRightsHandlers.DismissAsync)
            .WithSummary("The main administrator declines a proposed renewal").WithDescription("A reason is required.");
        step.MapPost("/account-check", WriteRightsHandlers.AccountCheckAsync)
            .WithSummary("Step 1: confirms an active Job-Room account linked to the UID")
            .WithDescription("Continues to the eService login when the responsible person's account is active; otherwise Phase A runs " +
                             "first (a new request is filed when needed, with the given email) and the renewal resumes by itself on activation. " +
                             "While waiting, calling it again files a new request if the previous one was refused or expired.");
        step.MapPost("/eservice-login", WriteRightsHandlers.EServiceLoginAsync)
            .WithSummary("Step 2: confirms the login to the eService with RIS, CAD and PIN")
            .WithDescription("The login itself happens on SECO's eService (see eServiceUrl). The RIS number is kept for the KAE-FFE email; " +
                             "the CAD number is opaque; the PIN, if typed, is checked for presence and then forgotten: never stored, logged or journaled.");
        step.MapPost("/error-screenshot", WriteRightsHandlers.ScreenshotAsync).AcceptsUpload()
            .WithSummary("Step 3: uploads the error screenshot with the old and new email address")
            .WithDescription("Multipart fields 'screenshot' (PNG, JPG or PDF by content, up to JobRoom:MaxUploadMb), 'oldEmail', 'newEmail'. " +
                             "Sends the request to the KAE-FFE mailbox with the screenshot attached and the reference in the subject.");
        step.MapPost("/write-rights-updated", WriteRightsHandlers.UpdatedAsync).SecoDeskStep()
            .WithSummary("SECO desk: records that the write rights were updated")
            .WithDescription("SecoDesk only. Sends the company the release notification and closes the correction deadline.");
        api.MapGet("/write-rights/by-reference/{text}", WriteRightsHandlers.ByReferenceAsync).RequireAuthorization(JobRoomSetup.SecoDeskPolicy)
            .WithSummary("SECO desk: finds the renewal a KAE-FFE reply belongs to")
            .WithDescription("Accepts the reference (e.g. 3F9A12BC) or a whole subject line containing [KAE-FFE-3F9A12BC].");
    }
}
