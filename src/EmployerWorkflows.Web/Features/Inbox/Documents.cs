using System.Security.Claims;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Runtime.Instances;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Identity;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace EmployerWorkflows.Web.Features.Inbox;

/// <summary>
/// Files of a procedure. Who may read them: agency staff, the person who started the procedure, people acting for
/// its company, and whoever may work one of its tasks. Anyone else gets 404, as if the file did not exist.
/// </summary>
public static class Documents
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/documents/{documentId:guid}", ReadAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    public sealed record DocumentRequest(Guid DocumentId, bool? Inline, HttpContext Http, InstanceQueries Instances, TaskInbox Inbox,
        CompanyAccess Access, CancellationToken Ct);

    public static async Task<Results<FileContentHttpResult, NotFound>> ReadAsync([AsParameters] DocumentRequest r)
    {
        var document = await r.Instances.DocumentAsync(r.DocumentId, r.Ct);
        if (document is null || !await MayReadAsync(r.Instances, r.Inbox, r.Access, r.Http.User, document.InstanceId, r.Ct))
            return TypedResults.NotFound();
        var headers = r.Http.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        if (r.Inline == true && UploadCheck.Previewable.Contains(document.ContentType))
        {
            headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("inline") { FileNameStar = document.FileName }.ToString();
            // Chromium's PDF viewer does not run under a sandbox policy; images need nothing else.
            if (document.ContentType.StartsWith("image/", StringComparison.Ordinal))
                headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; img-src 'self'; sandbox";
            return TypedResults.File(document.Content, document.ContentType);
        }
        return TypedResults.File(document.Content, "application/octet-stream", document.FileName);
    }

    public static async Task<bool> MayReadAsync(InstanceQueries instances, TaskInbox inbox, CompanyAccess access, ClaimsPrincipal user,
        Guid instanceId, CancellationToken ct)
    {
        if (CompanyAccess.IsAgency(user)) return true;
        var instance = await instances.FindAsync(instanceId, ct);
        if (instance is null) return false;
        var me = user.UserId();
        if (me is not null && instance.CreatedBy == me) return true;
        // An intermediary reads only the procedures its delegation covers.
        if (instance.CompanyId is { } companyId && await access.ForAsync(user, companyId, ct) is { } rights && rights.CoversProcedure(instance.DefinitionId))
            return true;
        return await inbox.WorksOnInstanceAsync(instanceId, TaskReaders.For(user), ct);
    }
}
