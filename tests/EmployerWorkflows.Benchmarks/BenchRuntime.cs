using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Hosting;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Templates;
using EmployerWorkflows.Runtime.Timers;
using EmployerWorkflows.Runtime.Versions;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Benchmarks;

/// <summary>The runtime wired as a host would wire it, over the benchmark database, with a clock the benchmark moves.</summary>
public sealed class BenchRuntime : IDisposable
{
    public const string DefinitionId = "bench-review";

    public static readonly string Definition = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "bench-review.workflow.json"));

    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;

    public BenchRuntime(BenchDatabase database)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IWorkflowDbContextFactory>(database);
        var catalogs = new BenchCatalogs();
        services.AddSingleton<ITemplateCatalog>(catalogs);
        services.AddSingleton<IFormCatalog>(catalogs);
        services.AddSingleton<IRoleCatalog>(catalogs);
        services.AddSingleton<IExpressionEvaluator>(new JintExpressionEvaluator());
        services.AddSingleton<IDefinitionValidator, DefinitionValidator>();
        services.AddSingleton<IEmailTemplateRenderer, FluidEmailTemplateRenderer>();
        services.AddWorkflowRuntime(o => o.SweepBatchSize = 500);
        _services = services.BuildServiceProvider();
        _scope = _services.CreateScope();
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    public IWorkflowEngine Engine => _scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
    public DefinitionStore Store => _scope.ServiceProvider.GetRequiredService<DefinitionStore>();
    public TimerSweep Sweep => _scope.ServiceProvider.GetRequiredService<TimerSweep>();

    public async Task PublishAsync()
    {
        await Store.SaveDraftAsync(DefinitionId, Definition, null, "bench");
        await Store.PublishAsync(DefinitionId, "bench");
    }

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
    }
}

/// <summary>A clock the benchmark sets, so timers become due without waiting.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

internal sealed class BenchCatalogs : ITemplateCatalog, IFormCatalog, IRoleCatalog
{
    private const string Received = """
        subject: Richiesta ricevuta: {{ company }}
        ---
        Gentile {{ recipient.name | default: "utente" }},

        abbiamo ricevuto la richiesta di {{ company }} per un importo di {{ amount }} euro.
        La esamineremo entro cinque giorni lavorativi.
        """;

    public bool Exists(string name) => name is "received" or "review" or "AgencyReviewer";

    public string? GetSource(string name, string language) => name == "received" ? Received : null;
}
