using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EmployerWorkflows.BrowserTests.Hosting;

/// <summary>
/// axe-core run inside the page as it stands: a page with any serious or critical finding fails the test, naming the
/// rule, the elements and what is wrong with them. Every visit of a browser test goes through here.
/// </summary>
public static class Accessibility
{
    private static readonly HashSet<string> Blocking = ["serious", "critical"];

    /// <summary>Opens the address and checks the page.</summary>
    public static async Task<IResponse?> VisitAsync(this IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        await page.AssertAccessibleAsync();
        return response;
    }

    public static async Task AssertAccessibleAsync(this IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => v.Impact is { } impact && Blocking.Contains(impact)).ToList();
        // EW_AXE_SURVEY names a file that collects the findings of a whole run instead of stopping at the first page
        // with one: a way to see everything to fix at once, never a way to pass.
        if (System.Environment.GetEnvironmentVariable("EW_AXE_SURVEY") is { Length: > 0 } survey)
        {
            if (blocking.Count > 0) await File.AppendAllTextAsync(survey, Describe(page.Url, blocking) + "\n");
            return;
        }
        Assert.True(blocking.Count == 0, Describe(page.Url, blocking));
    }

    private static string Describe(string url, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder($"axe-core on {url}:");
        foreach (var v in violations)
        {
            text.Append($"\n- {v.Impact} {v.Id}: {v.Help}");
            foreach (var node in v.Nodes.Take(5))
            {
                var why = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message);
                text.Append($"\n    {node.Target}: {node.Html} — {string.Join("; ", why)}");
            }
        }
        return text.ToString();
    }
}
