using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EmployerWorkflows.Runtime.Persistence;

/// <summary>
/// The set-based updates of every transition (close the open tasks, cancel the pending timers of the state left).
/// EF Core cannot precompile <c>ExecuteUpdate</c>, and translating it on each command costs more than the UPDATE
/// itself, so the statements are generated once per model from its table and column mappings, quoted by the
/// provider, with parameters built by the properties' type mappings (value converters included). The SQL is
/// plain standard SQL, the same on SQLite and PostgreSQL.
/// </summary>
internal static class RowUpdates
{
    private static readonly ConditionalWeakTable<IModel, Statements> Cache = new();

    public static Task<int> CloseOpenTasksAsync(
        DbContext db, Guid instanceId, WorkflowTaskStatus closeAs, DateTimeOffset now, string? userId, string outcome,
        CancellationToken cancellationToken)
    {
        var s = For(db);
        return s.CloseTasks.ExecuteAsync(db, cancellationToken, closeAs, now, userId, outcome, instanceId, WorkflowTaskStatus.Open);
    }

    public static Task<int> CancelPendingTimersAsync(DbContext db, Guid instanceId, CancellationToken cancellationToken)
    {
        var s = For(db);
        return s.CancelTimers.ExecuteAsync(db, cancellationToken, TimerStatus.Cancelled, instanceId, TimerStatus.Pending);
    }

    /// <summary>Marks a claimed timer fired, only while it is still pending and claimed with <paramref name="token"/>.</summary>
    public static Task<int> MarkTimerFiredAsync(DbContext db, Guid timerId, string token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var s = For(db);
        return s.FireTimer.ExecuteAsync(db, cancellationToken, TimerStatus.Fired, now, timerId, TimerStatus.Pending, token);
    }

    private static Statements For(DbContext db) =>
        Cache.GetValue(db.Model, _ => new Statements(db.Model, db.GetService<ISqlGenerationHelper>()));

    private sealed class Statements(IModel model, ISqlGenerationHelper sql)
    {
        public Statement CloseTasks { get; } = Statement.Update(model, sql, typeof(WorkflowTask),
            [nameof(WorkflowTask.Status), nameof(WorkflowTask.ClosedAt), nameof(WorkflowTask.ClosedByUserId), nameof(WorkflowTask.Outcome)],
            [nameof(WorkflowTask.InstanceId), nameof(WorkflowTask.Status)]);

        public Statement CancelTimers { get; } = Statement.Update(model, sql, typeof(WorkflowTimer),
            [nameof(WorkflowTimer.Status)],
            [nameof(WorkflowTimer.InstanceId), nameof(WorkflowTimer.Status)]);

        public Statement FireTimer { get; } = Statement.Update(model, sql, typeof(WorkflowTimer),
            [nameof(WorkflowTimer.Status), nameof(WorkflowTimer.FiredAt)],
            [nameof(WorkflowTimer.Id), nameof(WorkflowTimer.Status), nameof(WorkflowTimer.ClaimedBy)]);
    }

    private sealed class Statement(string text, IReadOnlyList<(string Name, RelationalTypeMapping Mapping)> parameters)
    {
        public static Statement Update(IModel model, ISqlGenerationHelper sql, Type entity, string[] set, string[] where)
        {
            var type = model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var parameters = new List<(string, RelationalTypeMapping)>();
            string Assign(string propertyName)
            {
                var property = type.FindProperty(propertyName)!;
                var name = $"p{parameters.Count}";
                parameters.Add((sql.GenerateParameterName(name), property.GetRelationalTypeMapping()));
                return $"{sql.DelimitIdentifier(property.GetColumnName(table)!)} = {sql.GenerateParameterNamePlaceholder(name)}";
            }
            var text = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {string.Join(", ", set.Select(Assign))} " +
                $"WHERE {string.Join(" AND ", where.Select(Assign))}";
            return new Statement(text, parameters);
        }

        public Task<int> ExecuteAsync(DbContext db, CancellationToken cancellationToken, params object?[] values)
        {
            using var factory = db.Database.GetDbConnection().CreateCommand();
            var bound = new DbParameter[values.Length];
            for (var i = 0; i < values.Length; i++)
                bound[i] = parameters[i].Mapping.CreateParameter(factory, parameters[i].Name, values[i], nullable: true);
            return db.Database.ExecuteSqlRawAsync(text, bound, cancellationToken);
        }
    }
}
