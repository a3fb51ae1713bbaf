using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Runtime.Tests.Execution;

public sealed class ModelTests
{
    [Fact]
    public async Task Engine_RunsOnEachModel_WhenOneProcessUsesTwoDbContextTypes()
    {
        using var first = new TestDatabase();
        using var second = new TestDatabase();
        var runtimeOnly = new RuntimeOnlyFactory(Path.Combine(second.Folder, "runtime-only.db"));
        using var firstHost = new RuntimeHost(first);
        using var secondHost = new RuntimeHost(second, configure: s => s.AddSingleton<IWorkflowDbContextFactory>(runtimeOnly));
        await firstHost.PublishAsync(TestDefinitions.BrokenTemplate);
        await secondHost.PublishAsync(TestDefinitions.BrokenTemplate);

        var one = await firstHost.Engine.StartAsync(new StartWorkflow("broken-mail", null, null, null, null, Actors.Submitter));
        var two = await secondHost.Engine.StartAsync(new StartWorkflow("broken-mail", null, null, null, null, Actors.Submitter));
        var fired = await secondHost.Engine.FireAsync(new FireTrigger(two.InstanceId, "notify", Actors.Submitter));

        Assert.Equal(("Waiting", "Waiting"), (one.State, two.State));
        Assert.Equal(InstanceStatus.Faulted, fired.Status);
        await using var db = runtimeOnly.CreateDbContext();
        Assert.Equal(1, await db.Set<WorkflowInstance>().CountAsync());
    }

    /// <summary>A host context with the runtime tables only: a different EF Core model from <see cref="TestDbContext"/>.</summary>
    private sealed class RuntimeOnlyContext(DbContextOptions<RuntimeOnlyContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyWorkflowRuntimeModel();

        protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
            configurationBuilder.UseSortableDateTimeOffsets();
    }

    private sealed class RuntimeOnlyFactory : IWorkflowDbContextFactory
    {
        private readonly DbContextOptions<RuntimeOnlyContext> _options;

        public RuntimeOnlyFactory(string path)
        {
            _options = new DbContextOptionsBuilder<RuntimeOnlyContext>().UseSqlite($"Data Source={path}").Options;
            using var db = new RuntimeOnlyContext(_options);
            db.Database.EnsureCreated();
        }

        public DbContext CreateDbContext() => new RuntimeOnlyContext(_options);
    }
}
