using System.Data.Common;
using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EmployerWorkflows.Benchmarks;

/// <summary>The host-side DbContext of the benchmark: the runtime model only.</summary>
public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyWorkflowRuntimeModel();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
            configurationBuilder.UseSortableDateTimeOffsets();
    }
}

/// <summary>A fresh benchmark database on SQLite (a new file) or PostgreSQL (dropped and recreated).</summary>
public sealed class BenchDatabase : IWorkflowDbContextFactory
{
    private readonly PooledDbContextFactory<BenchDbContext> _pool;

    private BenchDatabase(string provider, DbContextOptions<BenchDbContext> options, string description)
    {
        Provider = provider;
        Description = description;
        _pool = new PooledDbContextFactory<BenchDbContext>(options);
    }

    public string Provider { get; }
    public string Description { get; }
    public bool IsSqlite => Provider == "SQLite";

    public DbContext CreateDbContext() => _pool.CreateDbContext();

    public static BenchDatabase Sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ew-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "bench.db");
        var options = new DbContextOptionsBuilder<BenchDbContext>()
            .UseSqlite($"Data Source={file};Pooling=True")
            .AddInterceptors(new SqliteSynchronousNormal())
            .Options;
        var database = new BenchDatabase("SQLite", options, file);
        using var db = database.CreateDbContext();
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        return database;
    }

    public static BenchDatabase Postgres(string connectionString)
    {
        var options = new DbContextOptionsBuilder<BenchDbContext>().UseNpgsql(connectionString).Options;
        var database = new BenchDatabase("PostgreSQL", options, connectionString);
        using var db = database.CreateDbContext();
        db.Database.EnsureDeleted();
        db.Database.EnsureCreated();
        return database;
    }
}

/// <summary>WAL with synchronous=NORMAL: durable across application crashes, the usual setting for WAL files.</summary>
internal sealed class SqliteSynchronousNormal : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
