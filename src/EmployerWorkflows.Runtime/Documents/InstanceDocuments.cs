using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Documents;

/// <summary>Storing files on an instance, in the caller's unit of work.</summary>
public static class InstanceDocuments
{
    /// <summary>Adds a document (no SaveChanges) and answers its id; a later <c>sendEmail</c> can attach it by <paramref name="name"/>.</summary>
    public static Guid Store(
        DbContext db, Guid instanceId, Guid? companyId, string name, string fileName, string contentType,
        byte[] content, string? uploadedBy, DateTimeOffset now) =>
        Add(db, instanceId, companyId, name, fileName, contentType, content, uploadedBy, now).Id;

    internal static InstanceDocument Add(
        DbContext db, Guid instanceId, Guid? companyId, string name, string fileName, string contentType,
        byte[] content, string? uploadedBy, DateTimeOffset now)
    {
        var document = new InstanceDocument
        {
            Id = Guid.CreateVersion7(now),
            InstanceId = instanceId,
            CompanyId = companyId,
            Name = name,
            FileName = fileName,
            ContentType = contentType,
            Size = content.LongLength,
            Content = content,
            UploadedAt = now,
            UploadedBy = uploadedBy,
        };
        db.Set<InstanceDocument>().Add(document);
        return document;
    }
}
