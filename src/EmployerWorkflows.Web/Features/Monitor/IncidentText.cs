using System.Text.RegularExpressions;
using EmployerWorkflows.Web.Localization;

namespace EmployerWorkflows.Web.Features.Monitor;

/// <summary>
/// An incident's message in the reader's language. The runtime writes each message once for readers of either language:
/// its limits as "italiano / English", other failures behind a fixed English lead ("Guard '…' failed: ",
/// "JavaScript error: "). The reader gets their half and the lead in their words; what the script itself said stays as is.
/// </summary>
public static partial class IncidentText
{
    public static string For(string message) => For(message, Lang.Code);

    public static string For(string message, string language)
    {
        var english = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        if (Guard().Match(message) is { Success: true } guard)
            return (english ? $"Guard '{guard.Groups[1].Value}' failed: " : $"La condizione «{guard.Groups[1].Value}» non è riuscita: ")
                   + For(guard.Groups[2].Value, language);
        if (message.StartsWith(JavaScriptError, StringComparison.Ordinal))
            return (english ? JavaScriptError : "Errore JavaScript: ") + message[JavaScriptError.Length..];
        if (message.StartsWith(ExpressionFailed, StringComparison.Ordinal))
            return (english ? ExpressionFailed : "L'espressione non è riuscita: ") + message[ExpressionFailed.Length..];
        var halves = message.Split(" / ", 2);
        return halves.Length == 2 ? (english ? halves[1] : halves[0]) : message;
    }

    private const string JavaScriptError = "JavaScript error: ";
    private const string ExpressionFailed = "The expression failed: ";

    [GeneratedRegex(@"^Guard '(.*?)' failed: (.*)$", RegexOptions.Singleline)]
    private static partial Regex Guard();
}
