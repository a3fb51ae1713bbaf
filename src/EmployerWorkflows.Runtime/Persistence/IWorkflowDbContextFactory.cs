using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Persistence;

/// <summary>
/// Gives the runtime a fresh unit of work on the host's database. The host's DbContext must include the
/// runtime model (<see cref="RuntimeModel.ApplyWorkflowRuntimeModel"/>).
/// </summary>
public interface IWorkflowDbContextFactory
{
    DbContext CreateDbContext();
}
