using EmployerWorkflows.Web.Localization;
using EmployerWorkflows.Web.Validation;

namespace EmployerWorkflows.Web.Features.Intermittent.Pages;

/// <summary>A failed outcome as the pages show it: field messages by field, a refusal or a missing item at the top.</summary>
public static class PageErrors
{
    public static Dictionary<string, string[]> Of<T>(Outcome<T> outcome)
    {
        if (outcome.Errors is { } errors) return errors.ToDictionary();
        if (outcome.Refusal is not null) return new() { [""] = [outcome.Message] };
        return outcome.Missing ? new() { [""] = [Lang.T("Non trovato.", "Not found.")] } : [];
    }
}
