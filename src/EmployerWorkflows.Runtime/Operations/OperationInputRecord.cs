using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmployerWorkflows.Runtime.Operations;

/// <summary>Reads the declared inputs off an input record's constructor, and builds the record from evaluated values.</summary>
internal sealed class OperationInputRecord(ConstructorInfo constructor, IReadOnlyList<OperationInput> inputs)
{
    private static readonly NullabilityInfoContext Nullability = new();

    public IReadOnlyList<OperationInput> Inputs => inputs;

    public static OperationInputRecord Of(Type record)
    {
        var constructor = record.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{record.Name} has no public constructor to take operation inputs.");
        var inputs = constructor.GetParameters().Select(p => new OperationInput(
            JsonNamingPolicy.CamelCase.ConvertName(p.Name!),
            TypeOf(record, p),
            Nullability.Create(p).ReadState == NullabilityState.NotNull,
            p.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "")).ToList();
        return new OperationInputRecord(constructor, inputs);
    }

    /// <summary>The record, from values <see cref="Execution.InvokeStep"/> has converted to the declared types.</summary>
    public object Bind(IReadOnlyDictionary<string, object?> values) =>
        constructor.Invoke(constructor.GetParameters()
            .Select((p, i) => Convert(values.GetValueOrDefault(inputs[i].Name), p.ParameterType)).ToArray());

    private static OperationInputType TypeOf(Type record, ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return type switch
        {
            _ when type == typeof(string) => OperationInputType.String,
            _ when type == typeof(Guid) => OperationInputType.Guid,
            _ when type == typeof(bool) => OperationInputType.Boolean,
            _ when type == typeof(DateTimeOffset) => OperationInputType.Date,
            _ when type == typeof(decimal) || type == typeof(int) || type == typeof(long) => OperationInputType.Number,
            _ when type == typeof(JsonNode) => OperationInputType.Object,
            _ => throw new InvalidOperationException(
                $"{record.Name}.{parameter.Name} is a {type.Name}; operation inputs are string, Guid, bool, DateTimeOffset, decimal, int, long or JsonNode."),
        };
    }

    private static object? Convert(object? value, Type parameterType)
    {
        var type = Nullable.GetUnderlyingType(parameterType) ?? parameterType;
        return value is decimal number && type != typeof(decimal)
            ? System.Convert.ChangeType(number, type, System.Globalization.CultureInfo.InvariantCulture)
            : value;
    }
}
