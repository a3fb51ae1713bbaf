using EmployerWorkflows.Runtime.Assets;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Hosting;
using EmployerWorkflows.Runtime.Versions;
using EmployerWorkflows.Web.Features.Identity;

namespace EmployerWorkflows.Web.Hosting;

public static class WorkflowRuntimeSetup
{
    public static string WorkflowsPath(IConfiguration configuration, string home) =>
        AppPaths.Resolve(home, configuration["Workflows:Path"], "workflows");

    /// <summary>Definitions, templates and forms from the workflows folder; the engine on the application database.</summary>
    public static WebApplicationBuilder AddWorkflowRuntime(this WebApplicationBuilder builder, string home)
    {
        builder.Services.AddWorkflowDefinitions(WorkflowsPath(builder.Configuration, home), o =>
        {
            foreach (var role in Roles.Tasks) o.Roles.Add(role);
            o.ExpressionLimits = ScriptLimitsSettings.Expressions(builder.Configuration);
            o.TemplateLimits = ScriptLimitsSettings.Templates(builder.Configuration);
        });
        builder.Services.AddSingleton<IFieldValueCheck, Features.Procedures.Forms.FormFieldCheck>();
        builder.Services.AddWorkflowRuntime(o => builder.Configuration.GetSection("WorkflowRuntime").Bind(o));
        builder.Services.AddHostedService<AssetRefresh>();
        return builder;
    }

    /// <summary>Lays the templates and forms designers saved over the shipped files, before anything validates against them.</summary>
    public static async Task LoadSavedAssetsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AssetStore>().ReloadAsync();
    }

    /// <summary>Imports changed definition files as new published versions; a broken file is reported, not fatal.</summary>
    public static async Task ImportWorkflowDefinitionsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Workflows");
        var report = await store.ImportDirectoryAsync(WorkflowsPath(app.Configuration, app.Configuration["App:Home"]!));
        foreach (var imported in report.Imported)
            logger.LogInformation("Workflow {Id} imported as version {Version}", imported.DefinitionId, imported.Version);
        foreach (var failed in report.Failed)
            logger.LogError("Workflow file {File} was not imported: {Errors}", failed.File,
                string.Join("; ", failed.Errors.Select(e => $"{e.Path}: {e.Message}")));
    }
}
