using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Forms;
using EmployerWorkflows.Runtime.Versions;

namespace EmployerWorkflows.Runtime.Tests.Definitions;

/// <summary>
/// Over every shipped definition, every state and every trigger: the step's contract, read from the shipped forms,
/// refuses each variable the procedure sets (a payload can never write it), accepts every field it requires, and
/// refuses a field that no form or input declares.
/// </summary>
public sealed class ShippedStepContractsTests
{
    private static readonly FileFormCatalog Forms = new(Path.Combine(WorkflowsFolder.Path, "forms"));
    private static readonly StepContract Contract = new(Forms, new BasicFieldValueCheck());

    public static TheoryData<string> Files => new(Directory.GetFiles(WorkflowsFolder.Path, "*.workflow.json").Select(Path.GetFileName)!);

    private static PublishedWorkflow Load(string file)
    {
        var check = Runtime.Definitions.WorkflowDefinitionParser.Parse(File.ReadAllText(Path.Combine(WorkflowsFolder.Path, file)));
        Assert.True(check.Definition is not null, string.Join("; ", check.Errors.Select(e => e.Path + " " + e.Message)));
        return new PublishedWorkflow(check.Definition, 1, "test");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryStep_RefusesEveryProtectedVariableAndUndeclaredField_InShippedDefinition(string file)
    {
        var workflow = Load(file);
        Assert.NotEmpty(workflow.ProtectedVariables);
        foreach (var state in workflow.States.Values)
        {
            foreach (var transition in state.Transitions.Values.SelectMany(t => t))
            {
                var payload = new JsonObject { ["notAFieldOfAnyStep"] = "x" };
                foreach (var name in workflow.ProtectedVariables)
                    payload[name] = "x";
                var refused = Contract.Refused(workflow, state, transition, payload);
                Assert.True(payload.Count == refused.Count,
                    $"{file} {transition.Path(state.Name)} accepts {string.Join(", ", payload.Select(p => p.Key).Except(refused.Keys))}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryStep_AcceptsTheFieldsItRequires_InShippedDefinition(string file)
    {
        var workflow = Load(file);
        foreach (var state in workflow.States.Values)
        {
            foreach (var transition in state.Transitions.Values.SelectMany(t => t))
            {
                var payload = new JsonObject();
                foreach (var name in transition.Requires)
                    payload[name] = "x";
                Assert.True(Contract.Refused(workflow, state, transition, payload).Count == 0,
                    $"{file} {transition.Path(state.Name)} requires a field it does not accept");
            }
        }
    }
}
