using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>
/// How System.Text.Json reads (and writes) definitions and forms: camelCase names, enums as camelCase strings,
/// the <c>activity</c> discriminator anywhere in its object, and maps kept in file order.
/// </summary>
public static class DefinitionJson
{
    /// <summary>The options the definition and form records are read with.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            // Designers write "activity" wherever they like, not necessarily first.
            AllowOutOfOrderMetadataProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters =
            {
                new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
                new OrderedMapConverterFactory(),
                new TransitionAlternativesConverter(),
            },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>
/// Reads every <c>IReadOnlyDictionary&lt;string, T&gt;</c> into an <see cref="OrderedDictionary{TKey, TValue}"/>:
/// the model promises states, triggers and variables in file order (steppers and diagrams show them so).
/// A repeated key keeps its first value; <see cref="DuplicateKeyScanner"/> has reported it already.
/// </summary>
internal sealed class OrderedMapConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType
        && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
        && typeToConvert.GetGenericArguments()[0] == typeof(string);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OrderedMapConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[1]))!;

    private sealed class OrderedMapConverter<T> : JsonConverter<IReadOnlyDictionary<string, T>>
    {
        public override IReadOnlyDictionary<string, T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new JsonException("Expected an object.");
            var map = new OrderedDictionary<string, T>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                reader.Read();
                map.TryAdd(key, JsonSerializer.Deserialize<T>(ref reader, options)!);
            }
            return map;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (key, item) in value)
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, item, options);
            }
            writer.WriteEndObject();
        }
    }
}

/// <summary>A trigger maps to one transition object or to an array of alternatives; the model always has the list.</summary>
internal sealed class TransitionAlternativesConverter : JsonConverter<IReadOnlyList<TransitionDefinition>>
{
    public override IReadOnlyList<TransitionDefinition> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.StartArray
            ? JsonSerializer.Deserialize<List<TransitionDefinition>>(ref reader, options)!
            : [JsonSerializer.Deserialize<TransitionDefinition>(ref reader, options)!];

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<TransitionDefinition> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize<IEnumerable<TransitionDefinition>>(writer, value, options);
}
