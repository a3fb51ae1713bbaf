using System.Reflection;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Forms;

namespace EmployerWorkflows.Runtime.Tests.Definitions;

/// <summary>
/// The JSON Schema words the designer's messages and the records are what the runtime reads: every object of the
/// schema must allow exactly the properties its record has, and require exactly the ones the record cannot do without.
/// </summary>
public sealed class SchemaModelAgreementTests
{
    public static TheoryData<string, string, Type> Objects => new()
    {
        { EmbeddedSchemas.Workflow, "", typeof(WorkflowDefinition) },
        { EmbeddedSchemas.Workflow, "localizedText", typeof(LocalizedText) },
        { EmbeddedSchemas.Workflow, "state", typeof(StateDefinition) },
        { EmbeddedSchemas.Workflow, "transition", typeof(TransitionDefinition) },
        { EmbeddedSchemas.Workflow, "stepInput", typeof(StepInput) },
        { EmbeddedSchemas.Workflow, "humanTask", typeof(HumanTaskActivity) },
        { EmbeddedSchemas.Workflow, "sendEmail", typeof(SendEmailActivity) },
        { EmbeddedSchemas.Workflow, "timer", typeof(TimerActivity) },
        { EmbeddedSchemas.Workflow, "reminder", typeof(ReminderActivity) },
        { EmbeddedSchemas.Workflow, "invoke", typeof(InvokeActivity) },
        { EmbeddedSchemas.Workflow, "setVariable", typeof(SetVariableActivity) },
        { EmbeddedSchemas.Form, "", typeof(FormDefinition) },
        { EmbeddedSchemas.Form, "field", typeof(FormField) },
        { EmbeddedSchemas.Form, "field.options", typeof(FormOption) },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void Schema_AllowsExactlyTheModelProperties_ForEachObject(string schema, string definition, Type model)
    {
        Assert.Equal(ModelProperties(model).Order(), SchemaProperties(schema, definition).Order());
    }

    [Theory]
    [MemberData(nameof(Objects))]
    public void Schema_RequiresExactlyTheModelsMandatoryProperties_ForEachObject(string schema, string definition, Type model)
    {
        var required = ((JsonArray?)SchemaObject(schema, definition)["required"] ?? []).Select(r => (string)r!);

        Assert.Equal(MandatoryProperties(model).Order(), required.Order());
    }

    [Fact]
    public void Schema_ListsTheModelsActivityKinds_InActivityEnum()
    {
        var kinds = SchemaObject(EmbeddedSchemas.Workflow, "activity")["properties"]!["activity"]!["enum"]!.AsArray().Select(k => (string)k!);

        Assert.Equal(ActivityDefinition.Kinds, kinds);
    }

    /// <summary>JSON names the serializer reads for the type, with the discriminator of an activity.</summary>
    private static IEnumerable<string> ModelProperties(Type model)
    {
        var names = DefinitionJson.Options.GetTypeInfo(model).Properties.Where(p => p.Get is not null || p.Set is not null).Select(p => p.Name);
        return model.IsAssignableTo(typeof(ActivityDefinition)) ? names.Append("activity") : names;
    }

    /// <summary>Constructor parameters that are neither nullable nor defaulted: a document without them cannot be read.</summary>
    private static IEnumerable<string> MandatoryProperties(Type model)
    {
        var nullability = new NullabilityInfoContext();
        var constructor = model.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var names = constructor.GetParameters()
            .Where(p => !p.HasDefaultValue && nullability.Create(p).ReadState == NullabilityState.NotNull)
            .Select(p => DefinitionJson.Options.PropertyNamingPolicy!.ConvertName(p.Name!));
        return model.IsAssignableTo(typeof(ActivityDefinition)) ? names.Append("activity") : names;
    }

    private static IEnumerable<string> SchemaProperties(string schema, string definition) =>
        SchemaObject(schema, definition)["properties"]!.AsObject().Select(p => p.Key)
            .Where(name => name != "$schema"); // the editor's hint of which schema applies, not part of the procedure

    /// <summary>The root ("") or a <c>$defs</c> entry; "field.options" is the item of the field's options array.</summary>
    private static JsonObject SchemaObject(string schema, string definition)
    {
        var root = JsonNode.Parse(EmbeddedSchemas.Text(schema))!.AsObject();
        if (definition.Length == 0)
            return root;
        var parts = definition.Split('.');
        var node = root["$defs"]![parts[0]]!;
        return parts.Length == 1 ? node.AsObject() : node["properties"]![parts[1]]!["items"]!.AsObject();
    }
}
