using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Runtime.Tests.Support;

/// <summary>A host-like DbContext: the runtime model plus one domain table that operations change.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<TestCompany> Companies => Set<TestCompany>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyWorkflowRuntimeModel();
        modelBuilder.Entity<TestCompany>().ToTable("Companies").HasKey(c => c.Id);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
            configurationBuilder.UseSortableDateTimeOffsets();
    }

    public static DbContextOptions<TestDbContext> Options(string path) =>
        new DbContextOptionsBuilder<TestDbContext>()
            .UseSqlite($"Data Source={path};Pooling=True")
            .AddWorkflowRuntimeInterceptors()
            .Options;

    public static DbContextOptions<TestDbContext> PostgresOptions(string connectionString) =>
        new DbContextOptionsBuilder<TestDbContext>()
            .UseNpgsql(connectionString)
            .AddWorkflowRuntimeInterceptors()
            .Options;
}

/// <summary>The domain row the test operations activate.</summary>
public sealed class TestCompany
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public bool Active { get; set; }
}

/// <summary>The host's factory: a fresh unit of work on the test database file.</summary>
public sealed class TestDbContextFactory(DbContextOptions<TestDbContext> options) : IWorkflowDbContextFactory
{
    public DbContext CreateDbContext() => new TestDbContext(options);

    public TestDbContext Create() => new(options);
}
