using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Operations;
using EmployerWorkflows.Runtime.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace EmployerWorkflows.Runtime.Tests.Definitions;

public sealed class DefinitionsServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Action<WorkflowDefinitionsOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IWorkflowOperation>(new DeclaredOperation("company.activate",
            new OperationInput("companyId", OperationInputType.Guid, true, "Company to activate")));
        services.AddWorkflowDefinitions(WorkflowsFolder.Path, configure ?? (o =>
        {
            foreach (var role in new[] { "AgencyReviewer", "HelpDesk", "SecoDesk", "ProcessDesigner", "Operator", "Company" })
            {
                o.Roles.Add(role);
            }
        }));
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Validator_AcceptsSample_WithShippedTemplatesFormsAndConfiguredRoles()
    {
        using var provider = Build();

        var check = provider.GetRequiredService<IDefinitionValidator>().Validate(SampleDefinitions.CompanyRegistration);

        Assert.Empty(check.Errors);
    }

    [Fact]
    public void Validator_ReportsUnknownRole_WhenRoleIsNotConfigured()
    {
        using var provider = Build(_ => { });

        var check = provider.GetRequiredService<IDefinitionValidator>().Validate(SampleDefinitions.CompanyRegistration);

        Assert.Contains(check.Errors, e => e.Path == "$.states.UnderReview.onEntry[0].role" && e.Code == "unknown-role");
    }

    [Fact]
    public void Renderer_RendersShippedTemplate_FromRegisteredCatalog()
    {
        using var provider = Build();
        var model = new JsonObject { ["company"] = new JsonObject { ["name"] = "Acme S.r.l." } };

        var email = provider.GetRequiredService<IEmailTemplateRenderer>().Render("registration-received", "en", model);

        Assert.Equal("Registration request received: Acme S.r.l.", email.Subject);
    }

    [Fact]
    public void Evaluator_UsesConfiguredLimits_WhenRecursionDepthIsLowered()
    {
        using var provider = Build(o => o.ExpressionLimits = ExpressionLimits.Default with { RecursionDepth = 3 });
        var evaluator = provider.GetRequiredService<IExpressionEvaluator>();
        var scope = new ExpressionScope([], null, WorkflowActor.System, DateTimeOffset.UnixEpoch);

        var ex = Assert.Throws<ExpressionException>(() =>
            evaluator.Evaluate("function f(n) { return n === 0 ? 0 : f(n - 1); } f(10)", scope));

        Assert.Equal(ExpressionFailure.Recursion, ex.Failure);
    }

    [Fact]
    public void Catalogs_AreSingletons_UnderInterfaceAndClass()
    {
        using var provider = Build();

        Assert.Same(provider.GetRequiredService<FileTemplateCatalog>(), provider.GetRequiredService<ITemplateCatalog>());
        Assert.Same(provider.GetRequiredService<Runtime.Forms.FileFormCatalog>(), provider.GetRequiredService<IFormCatalog>());
    }
}
