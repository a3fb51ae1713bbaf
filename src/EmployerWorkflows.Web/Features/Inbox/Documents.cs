using System.Security.Claims;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using Microsoft.EntityFrameworkCore;
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
        app.MapGet("/documents/{documentId:guid}", async (Guid documentId, bool? inline, HttpContext http, AppDbContext db,
                CompanyAccess access, CancellationToken ct) =>
            {
                var document = await db.Set<InstanceDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, ct);
                if (document is null || !await MayReadAsync(db, access, http.User, document.InstanceId, ct)) return Results.NotFound();
                http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                var preview = inline == true && UploadCheck.Previewable.Contains(document.ContentType);
                if (preview)
                {
                    http.Response.Headers[HeaderNames.ContentDisposition] =
                        new ContentDispositionHeaderValue("inline") { FileNameStar = document.FileName }.ToString();
                    // Chromium's PDF viewer does not run under a sandbox policy; images need nothing else.
                    if (document.ContentType.StartsWith("image/", StringComparison.Ordinal))
                        http.Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; img-src 'self'; sandbox";
                    return Results.Bytes(document.Content, document.ContentType);
                }
                return Results.File(document.Content, "application/octet-stream", document.FileName);
            })
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    public static async Task<bool> MayReadAsync(AppDbContext db, CompanyAccess access, ClaimsPrincipal user, Guid instanceId, CancellationToken ct)
    {
        if (CompanyAccess.IsAgency(user)) return true;
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, ct);
        if (instance is null) return false;
        var me = CompanyAccess.UserId(user);
        if (me is not null && instance.CreatedBy == me) return true;
        if (instance.CompanyId is { } companyId && await access.ForAsync(user, companyId, ct) is not null) return true;
        var tasks = await db.Set<WorkflowTask>().AsNoTracking().Where(t => t.InstanceId == instanceId).ToListAsync(ct);
        return tasks.Any(t => t.CanWork(user));
    }
}
