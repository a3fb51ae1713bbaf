using EmployerWorkflows.Web.Domain.Identifiers;

namespace EmployerWorkflows.Web.Features.Intermittent.Sms;

public enum SmsAction { Call, Cancel }

/// <summary>
/// The text of an inbound SMS (DOMAIN §4.4): two tokens separated by one space, <c>I</c> (call) or <c>A</c>
/// (cancellation) and the worker's codice fiscale, e.g. <c>I PRVTST90A01A944G</c>. Letters may be lower case and
/// the message may end with a newline; anything else is refused with the reason, to be sent back as the reply.
/// </summary>
public sealed record SmsCommand(SmsAction Action, string WorkerCf)
{
    public static SmsCommand? Parse(string? text, out IdentifierError? error)
    {
        error = null;
        var trimmed = (text ?? "").Trim().ToUpperInvariant();
        var parts = trimmed.Split(' ');
        if (parts.Length != 2 || parts[0] is not ("I" or "A"))
        {
            error = new IdentifierError("Formato non valido: scrivi I oppure A, uno spazio e il codice fiscale del lavoratore (es. I PRVTST90A01A944G).",
                "Invalid format: write I or A, one space and the worker's codice fiscale (e.g. I PRVTST90A01A944G).");
            return null;
        }
        if (CodiceFiscale.Validate(parts[1]) is { } invalid)
        {
            error = new IdentifierError($"Codice fiscale del lavoratore non valido: {invalid.Italian}", $"Invalid worker codice fiscale: {invalid.English}");
            return null;
        }
        return new SmsCommand(parts[0] == "I" ? SmsAction.Call : SmsAction.Cancel, parts[1]);
    }
}
