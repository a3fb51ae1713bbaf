namespace EmployerWorkflows.Runtime.Documents;

/// <summary>A file belonging to an instance (upload, generated receipt); <c>sendEmail</c> can attach it by name.</summary>
internal sealed class InstanceDocument
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid? CompanyId { get; set; }
    /// <summary>Logical name the definition refers to, e.g. <c>powerOfAttorney</c>; unique per instance.</summary>
    public string Name { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/octet-stream";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
}
