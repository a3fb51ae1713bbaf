using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EmployerWorkflows.Runtime.Persistence;

/// <summary>
/// The runtime's hot queries, compiled once. EF Core binds a compiled query to the model it first ran on, and one
/// process may hold several models (a host on SQLite and on PostgreSQL in the same test run, two context types),
/// so there is one set per model.
/// </summary>
internal sealed class CompiledQueries
{
    private static readonly ConditionalWeakTable<IModel, CompiledQueries> PerModel = new();

    public static CompiledQueries For(DbContext db) => PerModel.GetValue(db.Model, _ => new CompiledQueries());

    public Func<DbContext, Guid, Task<WorkflowInstance?>> InstanceById { get; } =
        EF.CompileAsyncQuery((DbContext db, Guid id) => db.Set<WorkflowInstance>().FirstOrDefault(i => i.Id == id));

    public Func<DbContext, string, Task<string?>> ProcessedResult { get; } =
        EF.CompileAsyncQuery((DbContext db, string key) =>
            db.Set<ProcessedCommand>().Where(c => c.IdempotencyKey == key).Select(c => c.ResultJson).FirstOrDefault());

    public Func<DbContext, string, int, Task<WorkflowDefinitionVersion?>> PublishedVersion { get; } =
        EF.CompileAsyncQuery((DbContext db, string id, int version) =>
            db.Set<WorkflowDefinitionVersion>().AsNoTracking()
                .FirstOrDefault(v => v.DefinitionId == id && v.Version == version && v.Status != DefinitionStatus.Draft));

    public Func<DbContext, string, Task<int?>> LatestPublished { get; } =
        EF.CompileAsyncQuery((DbContext db, string id) =>
            db.Set<WorkflowDefinitionVersion>()
                .Where(v => v.DefinitionId == id && v.Status == DefinitionStatus.Published)
                .Max(v => (int?)v.Version));
}
