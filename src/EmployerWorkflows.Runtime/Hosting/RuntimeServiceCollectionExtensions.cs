using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Incidents;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Timers;
using EmployerWorkflows.Runtime.Versions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Runtime.Hosting;

/// <summary>Registration of the workflow runtime.</summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine, definition store, timer sweep, journal queries and the store of edited templates and forms. The host registers
    /// <c>IWorkflowDbContextFactory</c>, <see cref="TimeProvider"/>, the definition services
    /// (<c>AddWorkflowDefinitions</c>) and its <c>IWorkflowOperation</c>s.
    /// </summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services, Action<WorkflowRuntimeOptions>? configure = null)
    {
        var options = services.AddOptions<WorkflowRuntimeOptions>();
        if (configure is not null)
            options.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton<PublishedWorkflowCache>();
        services.TryAddSingleton(sp => new PayloadRules(sp.GetRequiredService<IOptions<WorkflowRuntimeOptions>>().Value.SecretFields));
        services.TryAddScoped<OperationRegistry>();
        services.TryAddSingleton<IFieldValueCheck, BasicFieldValueCheck>();
        services.TryAddScoped<StepContract>();
        services.TryAddScoped<DefinitionStore>();
        services.TryAddScoped<ValueExpressions>();
        services.TryAddScoped<HumanTaskStep>();
        services.TryAddScoped<EmailComposer>();
        services.TryAddScoped<TimerScheduling>();
        services.TryAddScoped<InvokeStep>();
        services.TryAddScoped<ActivityRunner>();
        services.TryAddScoped<IncidentRecorder>();
        services.TryAddScoped<TimerWakeUp>();
        services.TryAddScoped<IActorAdmission, AdmitEveryActor>();
        services.TryAddScoped<WorkflowEngine>();
        services.TryAddScoped<IWorkflowEngine>(sp => sp.GetRequiredService<WorkflowEngine>());
        services.TryAddScoped<ReminderSender>();
        services.TryAddScoped<TimerSweep>();
        services.TryAddScoped<JournalQueries>();
        services.TryAddScoped<Inbox.TaskInbox>();
        services.TryAddScoped<Instances.InstanceQueries>();
        services.TryAddScoped<Assets.AssetStore>();
        services.TryAddScoped<Instances.InstanceMonitor>();
        services.TryAddScoped<Versions.DefinitionCatalogue>();
        services.TryAddScoped<Outbox.OutboxReader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Operations.IWorkflowOperation, Operations.IssueReceipt>());
        return services;
    }
}
