using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmployerWorkflows.Runtime.Definitions;
using EmployerWorkflows.Runtime.Expressions;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Runtime.Operations;

namespace EmployerWorkflows.Runtime.Execution;

/// <summary>
/// Calls a registered domain operation: evaluates its inputs, checks them against the declared types, runs it in
/// the transition's unit of work, stores the result if asked, and journals the call.
/// </summary>
public sealed class InvokeStep(ValueExpressions expressions, OperationRegistry operations)
{
    internal async Task InvokeAsync(TransitionContext context, InvokeActivity activity, CancellationToken cancellationToken)
    {
        var operation = operations.Find(activity.Operation)
            ?? throw new InvalidOperationException($"No operation named '{activity.Operation}' is registered.");
        var inputs = EvaluateInputs(context, activity, operation);
        context.RanOperation = true;
        var result = await operation.InvokeAsync(
            new OperationContext(context.Db, context.Instance.Id, context.Instance.CompanyId, inputs, context.Actor, context.Now),
            cancellationToken);
        if (activity.Result is not null)
            context.Variables[activity.Result] = result is null ? null : JsonSerializer.SerializeToNode(result, JsonSerializerOptions.Web);
        context.Db.Add(JournalEntries.For(context, JournalKind.Operation, null, ChangeSummary.Operation(operation.Name, activity.Result)));
    }

    private Dictionary<string, object?> EvaluateInputs(TransitionContext context, InvokeActivity activity, IWorkflowOperation operation)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var unknown in activity.Inputs.Keys.Where(k => operation.Inputs.All(i => i.Name != k)))
            problems.Add($"'{unknown}' is not an input of {operation.Name}");
        foreach (var input in operation.Inputs)
        {
            var value = activity.Inputs.TryGetValue(input.Name, out var expression)
                ? expressions.Evaluate(expression, context.Scope())
                : null;
            if (value is null)
            {
                if (input.Required)
                    problems.Add($"'{input.Name}' is required");
                values[input.Name] = null;
                continue;
            }
            if (TryConvert(value, input.Type, out var converted))
                values[input.Name] = converted;
            else
                problems.Add($"'{input.Name}' must be {input.Type.ToString().ToLowerInvariant()}, got {value.ToJsonString()}");
        }
        return problems.Count == 0
            ? values
            : throw new InvalidOperationException($"Inputs of {operation.Name} are invalid: {string.Join("; ", problems)}.");
    }

    private static bool TryConvert(JsonNode value, OperationInputType type, out object? converted)
    {
        converted = null;
        var kind = value.GetValueKind();
        switch (type)
        {
            case OperationInputType.String when kind == JsonValueKind.String:
                converted = value.GetValue<string>();
                return true;
            case OperationInputType.Number when kind == JsonValueKind.Number:
                // Parsed JSON and numbers put in a payload by code (int, double...) alike.
                converted = value.AsValue().TryGetValue<decimal>(out var number)
                    ? number
                    : decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                return true;
            case OperationInputType.Boolean when kind is JsonValueKind.True or JsonValueKind.False:
                converted = value.GetValue<bool>();
                return true;
            case OperationInputType.Date when kind == JsonValueKind.String &&
                DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date):
                converted = date;
                return true;
            case OperationInputType.Guid when kind == JsonValueKind.String && Guid.TryParse(value.GetValue<string>(), out var guid):
                converted = guid;
                return true;
            case OperationInputType.Object when kind is JsonValueKind.Object or JsonValueKind.Array:
                converted = value.DeepClone();
                return true;
            default:
                return false;
        }
    }
}
