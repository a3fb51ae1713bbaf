namespace EmployerWorkflows.Runtime.Definitions;

/// <summary>The message for a task priority that is not one of the four, found by the schema or by the parser.</summary>
internal static class PriorityMessages
{
    public static string Unknown(string quoted) => $"{quoted} is not a priority; use low, normal, high or urgent.";

    public static string UnknownItalian(string quoted) => $"{quoted} non è una priorità: usa low, normal, high o urgent.";
}
