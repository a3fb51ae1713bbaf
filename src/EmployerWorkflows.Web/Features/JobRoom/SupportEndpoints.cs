using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmployerWorkflows.Web.Features.JobRoom;

public sealed record SupportRequestSent(Guid MessageId, string To);

/// <summary>
/// A support request to the Job-Room helpdesk (rule 9), possible from any step: the endpoint reads the multipart form
/// and <see cref="SupportRequests"/> does the rest, as for the catalogue's form.
/// </summary>
internal static class SupportEndpoints
{
    public const string Template = SupportRequests.Template;

    public static void MapSupportEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/support-requests", SendAsync).AcceptsUpload()
            .WithSummary("Sends a support request to the Job-Room helpdesk")
            .WithDescription("Multipart fields 'uid', 'description', 'screenshot' (PNG, JPG or PDF by content) and optionally 'instanceId' " +
                             "of the procedure the person is in. The caller must hold an account or request for the UID. Goes to " +
                             "JobRoom:HelpdeskAddress (default jobroom@alv.admin.ch).");

    public sealed record SupportRequest(HttpRequest Request, SupportRequests Requests, ClaimsPrincipal User, CancellationToken Ct);

    public static async Task<Results<Accepted<SupportRequestSent>, ValidationProblem, ProblemHttpResult>> SendAsync([AsParameters] SupportRequest r)
    {
        var form = r.Request.HasFormContentType ? await r.Request.ReadFormAsync(r.Ct) : null;
        var input = new SupportRequestInput(form?["uid"].ToString(), form?["description"].ToString(), form?.Files["screenshot"],
            form?["instanceId"].ToString());
        return (await r.Requests.SendAsync(input, r.User, r.Ct)).ToHttp(sent => TypedResults.Accepted((string?)null, sent));
    }
}
