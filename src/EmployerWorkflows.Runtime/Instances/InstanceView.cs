using EmployerWorkflows.Runtime.Persistence;

namespace EmployerWorkflows.Runtime.Instances;

/// <summary>A procedure instance as readers see it: a copy of its row.</summary>
public sealed record InstanceView(
    Guid Id, string DefinitionId, int DefinitionVersion, string State, InstanceStatus Status, string Variables,
    string? CorrelationId, Guid? CompanyId, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt, long Version)
{
    public bool IsRunning => Status == InstanceStatus.Running;

    internal static InstanceView From(WorkflowInstance i) => new(
        i.Id, i.DefinitionId, i.DefinitionVersion, i.State, i.Status, i.Variables, i.CorrelationId, i.CompanyId, i.CreatedAt,
        i.CreatedBy, i.UpdatedAt, i.CompletedAt, i.Version);
}

/// <summary>A stored file of an instance, without its bytes.</summary>
public sealed record DocumentInfo(Guid Id, string Name, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

/// <summary>A stored file of an instance with its bytes.</summary>
public sealed record DocumentContent(Guid Id, Guid InstanceId, string FileName, string ContentType, byte[] Content);
