using System.Security.Cryptography;
using System.Text;
using EmployerWorkflows.Web.Features.Intermittent.Sms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EmployerWorkflows.Web.Features.Intermittent;

/// <summary>What the SMS provider posts for each inbound message.</summary>
public sealed record InboundSms(string? From, string? Text);

/// <summary>
/// The SMS provider's webhook (rule 28). It carries no user session: the provider proves itself with the shared secret
/// <c>Intermittent:SmsWebhookSecret</c> in the <c>X-Sms-Secret</c> header; with no secret configured every call is refused.
/// </summary>
internal static class SmsApi
{
    public const string SecretHeader = "X-Sms-Secret";

    public static void MapSmsEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/intermittent/sms/inbound", Receive).AllowAnonymous().DisableAntiforgery().WithTags("Gestione Intermittenti")
            .WithSummary("Inbound SMS from the provider: «I CF» calls the worker for today, «A CF» cancels the worker's call")
            .WithDescription("Header X-Sms-Secret must equal Intermittent:SmsWebhookSecret (401 otherwise). Only messages from numbers registered " +
                             "by an approved company are applied (403 otherwise); an unparseable text or a broken rule is refused (400). The reply " +
                             "field is the text to send back to the phone. Refusals are journaled and change nothing.");

    public static async Task<Results<Ok<SmsReply>, UnauthorizedHttpResult, JsonHttpResult<SmsReply>>> Receive(
        InboundSms message, HttpRequest request, IOptions<IntermittentOptions> options, SmsInbox inbox, CancellationToken ct)
    {
        var expected = Encoding.UTF8.GetBytes(options.Value.SmsWebhookSecret);
        var given = Encoding.UTF8.GetBytes(request.Headers[SecretHeader].ToString());
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(expected, given)) return TypedResults.Unauthorized();
        var (refusal, reply) = await inbox.ReceiveAsync(message.From, message.Text, ct);
        return refusal switch
        {
            SmsRefusal.None => TypedResults.Ok(reply),
            SmsRefusal.UnknownNumber => TypedResults.Json(reply, statusCode: StatusCodes.Status403Forbidden),
            _ => TypedResults.Json(reply, statusCode: StatusCodes.Status400BadRequest),
        };
    }
}
