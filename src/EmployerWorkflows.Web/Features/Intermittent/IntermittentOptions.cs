namespace EmployerWorkflows.Web.Features.Intermittent;

/// <summary>Configuration section <c>Intermittent</c>.</summary>
public sealed class IntermittentOptions
{
    public const string Section = "Intermittent";

    /// <summary>
    /// Hours after the end of the called day during which an Attiva call can still be cancelled (DOMAIN §4.5: the
    /// sources differ, so it is configurable; 0 allows cancelling only until the called day ends).
    /// </summary>
    public int CancellationHours { get; set; } = 48;

    /// <summary>Shared secret the SMS provider sends in the <c>X-Sms-Secret</c> header; empty refuses every inbound SMS.</summary>
    public string SmsWebhookSecret { get; set; } = "";

    /// <summary>Time zone of the called days: a day starts and ends at midnight in Italy.</summary>
    public string TimeZone { get; set; } = "Europe/Rome";

    public int MaxUploadMb { get; set; } = 10;
}
