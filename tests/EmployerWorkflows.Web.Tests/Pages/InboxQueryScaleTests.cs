using System.Data.Common;
using System.Text.RegularExpressions;
using EmployerWorkflows.Runtime.Inbox;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.TestInfrastructure;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Time.Testing;

namespace EmployerWorkflows.Web.Tests.Pages;

/// <summary>
/// The task inbox over 100,000 open tasks on a real SQLite file: every query it sends is answered along an index (no
/// scan of the task table), and keyset pages follow each other without overlap or gap. No timing is asserted.
/// </summary>
public sealed partial class InboxQueryScaleTests(InboxQueryScaleTests.SeededInbox inbox) : IClassFixture<InboxQueryScaleTests.SeededInbox>
{
    private const string ReviewerId = "reviewer-1";
    private const int ReviewerRoleTasks = 60_000, HelpDeskTasks = 20_000, AssignedTasks = 20_000;
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);

    private readonly CommandLog log = new();
    private string connectionString => inbox.ConnectionString;

    /// <summary>One seeded database for the class: the tests only read it.</summary>
    public sealed class SeededInbox : IAsyncLifetime
    {
        private readonly TempDirectory folder = new("inbox-scale");

        public string ConnectionString => $"Data Source={folder.Combine("inbox.db")}";

        public async Task InitializeAsync()
        {
            await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(ConnectionString).Options))
                await db.Database.MigrateAsync();
            await SeedAsync(ConnectionString);
        }

        public Task DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            folder.Dispose();
            return Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("priority", null, null)]
    [InlineData("age", null, null)]
    [InlineData(null, "overdue", null)]
    [InlineData(null, null, "unassigned")]
    public async Task TaskInbox_ReadsTasksAlongAnIndex_WhenHundredThousandTasksAreOpen(string? sort, string? due, string? assignee)
    {
        var page = await Inbox(withLog: true).PageAsync(Reviewer, new InboxFilter(Sort: sort, Due: due, Assignee: assignee), PageSize);
        Assert.Equal(PageSize, page.Tasks.Count);

        Assert.NotEmpty(log.Commands);
        foreach (var command in log.Commands)
        {
            var alias = TaskAlias().Match(command.Sql).Groups[1].Value;
            var plan = await ExplainAsync(command);
            Assert.Contains(plan, line => line.Contains($"SEARCH {alias} USING") && line.Contains("INDEX"));
            Assert.DoesNotContain(plan, line => line.StartsWith($"SCAN {alias}", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, line => line.Contains("USE TEMP B-TREE FOR ORDER BY"));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("priority")]
    [InlineData("age")]
    public async Task TaskInbox_ReturnsConsecutivePagesWithoutOverlap_WhenWalkingAllVisibleTasks(string? sort)
    {
        var inbox = Inbox(withLog: false);
        var seen = new HashSet<Guid>();
        var order = new List<InboxTask>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await inbox.PageAsync(Reviewer, new InboxFilter(Sort: sort, After: after), pageSize: 2_000);
            foreach (var task in page.Tasks) Assert.True(seen.Add(task.Id), $"task {task.Id} appeared twice (page {pages})");
            order.AddRange(page.Tasks);
            after = page.Next;
            pages++;
        } while (after is not null);

        Assert.Equal(ReviewerRoleTasks + AssignedTasks, seen.Count);
        Assert.Equal(ReviewerRoleTasks + AssignedTasks, (await inbox.CountAsync(Reviewer)).All);
        if (sort == "priority")
            Assert.True(order.Zip(order.Skip(1)).All(p => p.First.Priority >= p.Second.Priority), "priorities are not highest first");
        else if (sort == "age")
            Assert.True(order.Zip(order.Skip(1)).All(p => p.First.CreatedAt <= p.Second.CreatedAt), "newer tasks come before older ones");
        else
            Assert.True(order.Zip(order.Skip(1)).All(p => p.Second.DueAt is null || p.First.DueAt <= p.Second.DueAt), "due dates go backwards");
    }

    private const int PageSize = 25;

    private static readonly TaskReader Reviewer = new(ReviewerId, new HashSet<string> { Roles.AgencyReviewer });

    /// <summary>Paging and counting never fire a trigger, so the inbox gets no engine here.</summary>
    private TaskInbox Inbox(bool withLog) => new(new Contexts(connectionString, withLog ? log : null), engine: null!, new FakeTimeProvider(Now));

    private sealed class Contexts(string connectionString, CommandLog? log) : IWorkflowDbContextFactory
    {
        public DbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString);
            if (log is not null) options.AddInterceptors(log);
            return new SqliteAppDbContext(options.Options);
        }
    }

    /// <summary>Raw inserts in one transaction: a few seconds for 100,000 rows.</summary>
    private static async Task SeedAsync(string connectionString)
    {
        var toDb = new DateTimeOffsetToBinaryConverter();
        var random = new Random(42);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO WorkflowTasks (Id, InstanceId, DefinitionId, State, Form, Actions, Role, AssigneeUserId, Status, Priority, DueAt, CreatedAt, TitleIt, TitleEn)
            VALUES ($id, $instance, 'company-registration', 'UnderReview', 'company-review', 'approve,reject', $role, $assignee, 0, $priority, $due, $created, 'Verifica', 'Review')
            """;
        var parameters = new[] { "$id", "$instance", "$role", "$assignee", "$priority", "$due", "$created" }
            .ToDictionary(n => n, n => insert.Parameters.Add(new SqliteParameter { ParameterName = n }));
        insert.Prepare();
        for (var i = 0; i < ReviewerRoleTasks + HelpDeskTasks + AssignedTasks; i++)
        {
            var (role, assignee) = i < ReviewerRoleTasks ? (Roles.AgencyReviewer, (string?)null)
                : i < ReviewerRoleTasks + HelpDeskTasks ? (Roles.HelpDesk, null)
                : ((string?)null, ReviewerId);
            parameters["$id"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            parameters["$instance"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            parameters["$role"].Value = (object?)role ?? DBNull.Value;
            parameters["$assignee"].Value = (object?)assignee ?? DBNull.Value;
            parameters["$priority"].Value = random.Next(0, 4);
            // Every 50th task has no due date; the others spread over 30 days around now, many sharing a minute.
            parameters["$due"].Value = i % 50 == 0 ? DBNull.Value : toDb.ConvertToProvider(Now.AddMinutes(random.Next(-20_000, 20_000)))!;
            // Ages spread over a week, many tasks created in the same minute.
            parameters["$created"].Value = toDb.ConvertToProvider(Now.AddDays(-1).AddMinutes(-random.Next(0, 10_000)))!;
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> ExplainAsync(LoggedCommand command)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return lines;
    }

    [GeneratedRegex("FROM \"WorkflowTasks\" AS \"(\\w+)\"")]
    private static partial Regex TaskAlias();

    private sealed record LoggedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Keeps the inbox's task queries (the ones reading WorkflowTasks rows with ORDER BY) as sent.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<LoggedCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"WorkflowTasks\"") && command.CommandText.Contains("ORDER BY"))
                Commands.Add(new LoggedCommand(command.CommandText,
                    command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
