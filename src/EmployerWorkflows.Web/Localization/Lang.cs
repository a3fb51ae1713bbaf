using System.Globalization;

namespace EmployerWorkflows.Web.Localization;

/// <summary>
/// The two languages of the interface. Italian is the default; texts are written side by side where they are
/// used, so a page reads as what it shows.
/// </summary>
public static class Lang
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Code => IsEnglish ? "en" : "it";

    public static string T(string italian, string english) => IsEnglish ? english : italian;

    /// <summary>Dates as dd/MM/yyyy in both languages.</summary>
    public static string Date(DateTimeOffset? value) => value?.ToLocalTime().ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string DateTime(DateTimeOffset? value) =>
        value?.ToLocalTime().ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) ?? "";
}
