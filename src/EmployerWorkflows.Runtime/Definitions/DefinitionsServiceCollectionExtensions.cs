using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>Settings of <see cref="DefinitionsServiceCollectionExtensions.AddWorkflowDefinitions"/>.</summary>
public sealed class WorkflowDefinitionsOptions
{
    /// <summary>Role names tasks and transitions may use, including pseudo-roles such as <c>Company</c>.</summary>
    public IList<string> Roles { get; } = new List<string>();

    /// <summary>Limits of every expression evaluation.</summary>
    public ExpressionLimits ExpressionLimits { get; set; } = ExpressionLimits.Default;

    /// <summary>Limits of every email template render.</summary>
    public TemplateLimits TemplateLimits { get; set; } = TemplateLimits.Default;
}

/// <summary>Registers what reads, checks and renders definitions: catalogs, expression sandbox, renderer, validator.</summary>
public static class DefinitionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as singletons: <see cref="FileTemplateCatalog"/> over <c>{workflowsRoot}/templates</c>,
    /// <see cref="FileFormCatalog"/> over <c>{workflowsRoot}/forms</c>, <see cref="ConfiguredRoleCatalog"/>,
    /// <see cref="JintExpressionEvaluator"/>, <see cref="FluidEmailTemplateRenderer"/> and
    /// <see cref="DefinitionValidator"/>, each also under its interface. The validator sees every
    /// <c>IWorkflowOperation</c> registered in the container. Services already registered are kept, so a
    /// host can substitute one.
    /// </summary>
    /// <param name="workflowsRoot">The <c>workflows/</c> folder.</param>
    /// <param name="configure">Sets roles, expression and template limits.</param>
    public static IServiceCollection AddWorkflowDefinitions(
        this IServiceCollection services, string workflowsRoot, Action<WorkflowDefinitionsOptions>? configure = null)
    {
        var options = new WorkflowDefinitionsOptions();
        configure?.Invoke(options);
        var root = Path.GetFullPath(workflowsRoot);

        services.TryAddSingleton(new FileTemplateCatalog(Path.Combine(root, "templates")));
        services.TryAddSingleton<ITemplateCatalog>(sp => sp.GetRequiredService<FileTemplateCatalog>());
        services.TryAddSingleton(new FileFormCatalog(Path.Combine(root, "forms")));
        services.TryAddSingleton<IFormCatalog>(sp => sp.GetRequiredService<FileFormCatalog>());
        services.TryAddSingleton(new ConfiguredRoleCatalog(options.Roles));
        services.TryAddSingleton<IRoleCatalog>(sp => sp.GetRequiredService<ConfiguredRoleCatalog>());
        services.TryAddSingleton<IExpressionEvaluator>(new JintExpressionEvaluator(options.ExpressionLimits));
        services.TryAddSingleton<IEmailTemplateRenderer>(sp => new FluidEmailTemplateRenderer(sp.GetRequiredService<ITemplateCatalog>(), options.TemplateLimits));
        services.TryAddSingleton<IDefinitionValidator, DefinitionValidator>();
        return services;
    }
}
