using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Persistence;

/// <summary>Adds the runtime's tables to a host's EF Core model.</summary>
public static class RuntimeModel
{
    /// <summary>Call from the host DbContext's <c>OnModelCreating</c>.</summary>
    public static ModelBuilder ApplyWorkflowRuntimeModel(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RuntimeModel).Assembly);
}
