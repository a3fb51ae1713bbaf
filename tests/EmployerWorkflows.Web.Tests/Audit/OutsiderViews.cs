using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmployerWorkflows.Web.Tests.Hosting;

namespace EmployerWorkflows.Web.Tests.Audit;

/// <summary>Everything a person can read about their own procedures: their journal, their tasks, and the pages they open.</summary>
internal static partial class OutsiderViews
{
    /// <param name="more">Further views of the feature at hand, e.g. its own procedure endpoint.</param>
    public static async Task<IReadOnlyList<(string Url, string Text)>> ReadAsync(HttpClient person, params string[] more)
    {
        List<string> urls = ["/api/me/journal", "/api/tasks", "/procedures", "/notifications", .. more];
        var tasks = JsonDocument.Parse(await TextAsync(person, "/api/tasks")).RootElement;
        foreach (var id in tasks.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()))
            urls.AddRange([$"/api/tasks/{id}", $"/tasks/{id}"]);
        var views = new List<(string, string)>();
        foreach (var url in urls)
            views.Add((url, await TextAsync(person, url)));
        return views;
    }

    /// <summary>Which of <paramref name="data"/> appear where, as readable lines for the assertion message.</summary>
    public static IReadOnlyList<string> Leaks(IEnumerable<(string Url, string Text)> views, params string[] data) =>
        [.. from view in views from item in data where view.Text.Contains(item, StringComparison.OrdinalIgnoreCase) select $"{item} in {view.Url}"];

    public static async Task<IReadOnlyList<JsonElement>> MyJournalAsync(HttpClient person) =>
        [.. JsonDocument.Parse(await TextAsync(person, "/api/me/journal")).RootElement.GetProperty("entries").EnumerateArray()];

    // HTML entities and JSON escapes decoded, so an address written as &#64; or \u0040 still counts.
    private static async Task<string> TextAsync(HttpClient person, string url)
    {
        var response = await person.GetAsync(url);
        var text = await TestClients.HtmlAsync(response, HttpStatusCode.OK);
        return JsonEscape().Replace(text, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
    }

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex JsonEscape();
}
