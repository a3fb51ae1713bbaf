using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmployerWorkflows.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    public static DatabaseProvider GetDatabaseProvider(this IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    /// <summary>SQLite file under App_Data by default; PostgreSQL when <c>Database:Provider=Postgres</c>.</summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder, string home)
    {
        var services = builder.Services;
        if (builder.Configuration.GetDatabaseProvider() == DatabaseProvider.Postgres)
        {
            var cs = builder.Configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(cs))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is empty.");
            Register<PostgresAppDbContext>(services, o => o.UseNpgsql(cs));
        }
        else
        {
            var cs = SqliteConnectionString(builder.Configuration, home);
            Register<SqliteAppDbContext>(services, o => o.UseSqlite(cs));
        }
        return builder;
    }

    internal static string SqliteConnectionString(IConfiguration configuration, string home)
    {
        var configured = configuration.GetConnectionString("Sqlite");
        var csb = string.IsNullOrWhiteSpace(configured)
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(home, "App_Data", "employerworkflows.db") }
            : IsBarePath(configured)
                ? new SqliteConnectionStringBuilder { DataSource = configured.Trim() }
                : new SqliteConnectionStringBuilder(configured);
        if (!Path.IsPathRooted(csb.DataSource))
            csb.DataSource = AppPaths.Resolve(home, csb.DataSource, csb.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        csb.DefaultTimeout = 30;
        return csb.ToString();
    }

    // The configuration table offers a file path, and people also paste "Data Source=…": a value without a
    // key=value pair can only be a path, which the connection-string parser would refuse at start-up.
    private static bool IsBarePath(string configured) => !configured.Contains('=');

    private static void Register<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> useProvider)
        where TContext : AppDbContext
    {
        void Configure(IServiceProvider sp, DbContextOptionsBuilder o)
        {
            useProvider(o);
            o.AddWorkflowRuntimeInterceptors();
            o.AddInterceptors(sp.GetRequiredService<Email.OutboxSignal>());
        }
        services.AddDbContext<TContext>(Configure, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddDbContextFactory<TContext>(Configure);
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<TContext>());
        services.AddSingleton<IWorkflowDbContextFactory, WorkflowDbContextFactory<TContext>>();
    }

    /// <summary>Applies the provider's migrations; on SQLite also switches the file to WAL mode.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.MigrateAsync(ct);
    }
}

internal sealed class WorkflowDbContextFactory<TContext>(IDbContextFactory<TContext> factory) : IWorkflowDbContextFactory
    where TContext : AppDbContext
{
    public DbContext CreateDbContext() => factory.CreateDbContext();
}
