using System.Text.Json;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>Reads one <c>onEntry</c> item into its activity record, chosen by the <c>activity</c> discriminator.</summary>
internal static class ActivityParser
{
    /// <summary>Names accepted in <c>"activity"</c>, in the order the format documents them.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["humanTask", "sendEmail", "timer", "reminder", "invoke", "setVariable"];

    public static ActivityDefinition? Parse(JsonElement element, string path, List<DefinitionError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DefinitionError(path, "wrong-type", "An activity must be an object with an \"activity\" property.",
                "Un'attività deve essere un oggetto con la proprietà \"activity\"."));
            return null;
        }

        var reader = new JsonObjectReader(element, path, errors);
        var kind = reader.RequiredString("activity");
        var before = errors.Count;
        ActivityDefinition? activity = kind switch
        {
            null => null,
            "humanTask" => HumanTask(reader),
            "sendEmail" => SendEmail(reader),
            "timer" => Timer(reader),
            "reminder" => Reminder(reader),
            "invoke" => Invoke(reader),
            "setVariable" => SetVariable(reader),
            _ => Unknown(reader, kind),
        };

        var id = reader.OptionalString("id");
        return activity is null || errors.Count > before ? null : activity with { Id = id };
    }

    private static ActivityDefinition? Unknown(JsonObjectReader reader, string kind)
    {
        reader.Error("activity", "unknown-activity",
            $"\"{kind}\" is not an activity; use one of {string.Join(", ", Kinds)}.",
            $"\"{kind}\" non è un'attività: usa una di queste: {string.Join(", ", Kinds)}.");
        return null;
    }

    private static HumanTaskActivity? HumanTask(JsonObjectReader reader)
    {
        var form = reader.RequiredString("form");
        var actions = reader.StringList("actions", required: true);
        var priority = Priority(reader);
        return form is null
            ? null
            : new HumanTaskActivity(
                reader.OptionalString("role"),
                reader.OptionalString("assignee"),
                form,
                actions,
                reader.OptionalString("due"),
                priority,
                reader.Localized("title", required: false));
    }

    private static TaskPriority Priority(JsonObjectReader reader)
    {
        switch (reader.OptionalString("priority"))
        {
            case null or "normal": return TaskPriority.Normal;
            case "low": return TaskPriority.Low;
            case "high": return TaskPriority.High;
            case "urgent": return TaskPriority.Urgent;
            case var other:
                reader.Error("priority", "bad-value", PriorityMessages.Unknown($"\"{other}\""), PriorityMessages.UnknownItalian($"\"{other}\""));
                return TaskPriority.Normal;
        }
    }

    private static SendEmailActivity? SendEmail(JsonObjectReader reader)
    {
        var template = reader.RequiredString("template");
        var to = reader.RequiredString("to");
        var attachments = reader.StringList("attachments");
        return template is null || to is null ? null : new SendEmailActivity(template, to, attachments);
    }

    private static TimerActivity? Timer(JsonObjectReader reader)
    {
        var fire = reader.RequiredString("fire");
        var after = reader.OptionalString("after");
        var at = reader.OptionalString("at");
        return fire is null ? null : new TimerActivity(after, at, fire);
    }

    private static ReminderActivity? Reminder(JsonObjectReader reader)
    {
        var every = reader.RequiredString("every");
        var template = reader.RequiredString("template");
        var to = reader.RequiredString("to");
        var first = reader.OptionalString("first");
        var times = reader.OptionalInt("times");
        var escalate = reader.OptionalString("escalate");
        return every is null || template is null || to is null
            ? null
            : new ReminderActivity(every, first, template, to, times, escalate);
    }

    private static InvokeActivity? Invoke(JsonObjectReader reader)
    {
        var operation = reader.RequiredString("operation");
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.Object("inputs") is { } inputsReader)
        {
            foreach (var input in inputsReader.Properties())
            {
                if (input.Value.ValueKind == JsonValueKind.String)
                {
                    inputs.TryAdd(input.Name, input.Value.GetString()!);
                }
                else
                {
                    inputsReader.Error(input.Name, "wrong-type",
                        "An input is a JavaScript expression in a string, e.g. \"vars.companyId\" or \"'text'\".",
                        "Un input è un'espressione JavaScript in una stringa, ad esempio \"vars.companyId\" o \"'testo'\".");
                }
            }
        }

        var result = reader.OptionalString("result");
        return operation is null ? null : new InvokeActivity(operation, inputs, result);
    }

    private static SetVariableActivity? SetVariable(JsonObjectReader reader)
    {
        var name = reader.RequiredString("name");
        var value = reader.RequiredString("value");
        return name is null || value is null ? null : new SetVariableActivity(name, value);
    }
}
