using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Hosting;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Runtime.Persistence;
using EmployerWorkflows.Runtime.Templates;
using EmployerWorkflows.Runtime.Timers;
using EmployerWorkflows.Runtime.Versions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmployerWorkflows.Runtime.Tests.Support;

/// <summary>
/// One application "process" over a test database: the runtime as the host registers it, with the real Jint
/// evaluator and validator, a fake clock, and the test operations. Disposing it is a shutdown; a new one on the
/// same database is a restart.
/// </summary>
public sealed class RuntimeHost : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public RuntimeHost(TestDatabase database, FakeTimeProvider? clock = null, string nodeId = "node-a",
        Action<IServiceCollection>? configure = null, Action<IServiceCollection>? definitions = null)
    {
        Database = database;
        Clock = clock ?? new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IWorkflowDbContextFactory>(database.Contexts);
        if (definitions is not null)
        {
            definitions(services);
        }
        else
        {
            services.AddSingleton<TestCatalogs>();
            services.AddSingleton<ITemplateCatalog>(sp => sp.GetRequiredService<TestCatalogs>());
            services.AddSingleton<IFormCatalog>(sp => sp.GetRequiredService<TestCatalogs>());
            services.AddSingleton<IRoleCatalog>(sp => sp.GetRequiredService<TestCatalogs>());
            services.AddSingleton<IExpressionEvaluator>(new JintExpressionEvaluator());
            services.AddSingleton<IDefinitionValidator, DefinitionValidator>();
            services.AddSingleton<IEmailTemplateRenderer, ModelEchoRenderer>();
        }
        services.AddSingleton<OperationFault>();
        services.AddSingleton<IWorkflowOperation, ActivateCompany>();
        services.AddWorkflowRuntime(o =>
        {
            o.NodeId = nodeId;
            o.SweepBatchSize = 5;
            o.SecretFields.Add("iban");
        });
        configure?.Invoke(services);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        Scope = Services.CreateScope();
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; }
    public ServiceProvider Services { get; }
    public IServiceScope Scope { get; }

    public IWorkflowEngine Engine => Scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
    public DefinitionStore Store => Scope.ServiceProvider.GetRequiredService<DefinitionStore>();
    public TimerSweep Sweep => Scope.ServiceProvider.GetRequiredService<TimerSweep>();
    public OperationFault Fault => Services.GetRequiredService<OperationFault>();

    /// <summary>Saves and publishes a definition document; returns its version.</summary>
    public async Task<int> PublishAsync(string json)
    {
        var id = System.Text.Json.Nodes.JsonNode.Parse(json)!["id"]!.GetValue<string>();
        var drafts = await Store.ListAsync(id);
        var draft = drafts.FirstOrDefault(d => d.Status == DefinitionStatus.Draft);
        await Store.SaveDraftAsync(id, json, draft?.Revision, "designer");
        return (await Store.PublishAsync(id, "designer")).Version;
    }

    public void Dispose()
    {
        Scope.Dispose();
        Services.Dispose();
    }
}
