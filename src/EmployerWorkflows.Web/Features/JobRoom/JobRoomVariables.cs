using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace EmployerWorkflows.Web.Features.JobRoom;

/// <summary>How people, companies and dates of the SECO procedures appear in instance variables and templates.</summary>
public static class JobRoomVariables
{
    public static JsonObject Company(UidRegisterRecord company) => new()
    {
        ["name"] = company.Name,
        ["uid"] = company.Uid.Display,
        ["address"] = string.Join("\n", company.AddressLines),
    };

    /// <summary>A recipient as the runtime reads it: email, name, language, userId.</summary>
    public static JsonObject Person(JobRoomAccount account) => new()
    {
        ["userId"] = account.UserId,
        ["email"] = account.Email,
        ["name"] = account.DisplayName,
        ["language"] = account.Language,
    };

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A calendar day as forms and APIs write it (yyyy-MM-dd); null when it is not one.</summary>
    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>A short random reference (8 hex characters) for letters and email subjects.</summary>
    public static string NewReference() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4));

    public static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 320 && MailAddress.TryCreate(value.Trim(), out var address) &&
        address.Address == value.Trim() && address.Host.Contains('.');
}
