using System.Text.Json;

namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>
/// Finds repeated keys anywhere in a document. JSON parsers silently keep one of them, so a state written
/// twice would lose half of its definition without a word; <see cref="JsonDocument"/> still sees both.
/// </summary>
internal static class DuplicateKeyScanner
{
    public static void Scan(JsonElement element, string path, List<DefinitionError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var propertyPath = DefinitionPath.Property(path, property.Name);
                    if (!seen.Add(property.Name))
                    {
                        errors.Add(path == DefinitionPath.Property(DefinitionPath.Root, "states")
                            ? new DefinitionError(propertyPath, "duplicate-state",
                                $"The state \"{property.Name}\" is defined twice; merge the two definitions or rename one.",
                                $"Lo stato \"{property.Name}\" è definito due volte: unisci le due definizioni o rinominane una.")
                            : new DefinitionError(propertyPath, "duplicate-property",
                                $"\"{property.Name}\" appears twice in the same object; keep one.",
                                $"\"{property.Name}\" compare due volte nello stesso oggetto: tienine uno."));
                        continue;
                    }

                    Scan(property.Value, propertyPath, errors);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Scan(item, DefinitionPath.Index(path, index++), errors);
                }

                break;
        }
    }
}
