using System.Reflection;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Web.Tests.Hosting;

namespace EmployerWorkflows.Web.Tests.Workflows;

/// <summary>Every trigger name the host's code fires is a trigger of the workflow its constants class names.</summary>
public sealed class TriggerConstantsTests
{
    private static IEnumerable<Type> ConstantClasses =>
        typeof(Program).Assembly.GetTypes().Where(t => t.GetCustomAttribute<WorkflowTriggersAttribute>() is not null);

    public static TheoryData<string, string, string> Constants
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var type in ConstantClasses)
            {
                foreach (var constant in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
                    data.Add(type.GetCustomAttribute<WorkflowTriggersAttribute>()!.DefinitionId, $"{type.Name}.{constant.Name}", (string)constant.GetRawConstantValue()!);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Constants))]
    public void TriggerConstant_IsATriggerOfItsWorkflow_InTheShippedFile(string definitionId, string constant, string trigger)
    {
        var file = Path.Combine(ShippedWorkflows.Folder, definitionId + ".workflow.json");
        var definition = WorkflowDefinitionParser.Parse(File.ReadAllText(file)).Definition!;

        Assert.True(definition.States.Values.Any(s => s.On.ContainsKey(trigger)),
            $"{constant} = \"{trigger}\" is no trigger of {definitionId}.");
    }

    [Fact]
    public void TriggerConstants_CoverEveryWorkflowTheHostFiresByName()
    {
        var workflows = ConstantClasses.Select(t => t.GetCustomAttribute<WorkflowTriggersAttribute>()!.DefinitionId).Order();

        Assert.Equal(
            ["admin-replacement", "collaborator-revocation", "company-registration", "jobroom-access-request",
             "kae-ffe-correction-deadline", "kae-ffe-write-rights", "power-of-attorney"],
            workflows);
    }
}
