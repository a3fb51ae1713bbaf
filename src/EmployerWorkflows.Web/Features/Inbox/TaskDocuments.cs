using System.Security.Claims;
using EmployerWorkflows.Runtime.Documents;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Companies;
using EmployerWorkflows.Web.Features.Procedures.Forms;
using EmployerWorkflows.Web.Localization;
using EmployerWorkflows.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Features.Inbox;

/// <summary>The id of a stored upload, to send as the value of the file field when completing the task.</summary>
public sealed record UploadedDocument(Guid Id, string Field, string FileName, string ContentType, long Size);

/// <summary>
/// Uploads for a task's file fields. A file field's value is the id of a document of the task's procedure uploaded
/// by the same person; the engine refuses any other id. Uploading and completing may be one request (the task page)
/// or two (the API: upload, then complete with the id).
/// </summary>
public static class TaskDocuments
{
    /// <summary>Adds the file to the unit of work (no save) under a name unique in the procedure, kept with every earlier upload.</summary>
    public static InstanceDocument Store(AppDbContext db, WorkflowTask task, AcceptedFile file, string? userId, DateTimeOffset now) =>
        Store(db, task.InstanceId, task.CompanyId, file, userId, now);

    public static InstanceDocument Store(AppDbContext db, Guid instanceId, Guid? companyId, AcceptedFile file, string? userId, DateTimeOffset now) =>
        InstanceDocuments.Add(db, instanceId, companyId, $"{file.Field}-{Guid.CreateVersion7(now):N}", file.FileName, file.ContentType,
            file.Content, userId, now);

    public static IEndpointRouteBuilder MapTaskDocuments(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tasks/{taskId:guid}/documents", async (Guid taskId, HttpRequest request, HttpContext http, AppDbContext db,
                FileFormCatalog forms, TimeProvider clock, CancellationToken ct) =>
            {
                var task = await db.Set<WorkflowTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct);
                if (task is null || !task.CanWork(http.User)) return Results.NotFound();
                if (task.Status != WorkflowTaskStatus.Open)
                    return Results.Problem(statusCode: 409, title: Lang.T("Questa attività è già stata chiusa.", "This task has already been closed."));
                var errors = new FieldErrors();
                if (!request.HasFormContentType)
                    return errors.Add("", "Invia il file come multipart/form-data.", "Send the file as multipart/form-data.").ToResult();
                var posted = await request.ReadFormAsync(ct);
                var file = posted.Files.Count == 1 ? posted.Files[0] : null;
                var field = file is null ? null : forms.Get(task.Form)?.Field(file.Name);
                if (file is null || field is not { Type: FormFieldType.File })
                    return errors.Add(file?.Name ?? "", "Carica un solo file, nel campo file del modulo dell'attività.",
                        "Upload one file, in a file field of the task's form.").ToResult();
                if (file.Length == 0)
                    return errors.Add(field.Name, "Il file è vuoto.", "The file is empty.").ToResult();
                var accepted = await FormInput.ReadFileAsync(field, file, errors, ct);
                if (accepted is null) return errors.ToResult();
                var document = Store(db, task, accepted, CompanyAccess.UserId(http.User), clock.GetUtcNow());
                await db.SaveChangesAsync(ct);
                return Results.Created($"/documents/{document.Id}",
                    new UploadedDocument(document.Id, field.Name, document.FileName, document.ContentType, document.Size));
            })
            .RequireAuthorization().WithTags("Tasks")
            .WithSummary("Upload a file for one of the task's file fields")
            .WithDescription("Multipart with one file whose part name is the form's file field (e.g. 'screenshot'); checked by content and size "
                             + "as the form says. Complete the task with the returned id as that field's value.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<UploadedDocument>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
