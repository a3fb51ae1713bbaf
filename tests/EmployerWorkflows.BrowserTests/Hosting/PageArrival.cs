using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests.Hosting;

/// <summary>
/// Waiting for the page a click leads to by its address and its parsed document, not by the browser's load event:
/// once, on a busy machine, a wait for the address saw it change but never saw "load", and failed after its whole
/// timeout. Each arrival is checked with axe-core. The parsed document matters: the page's own scripts run at that point and may move the focus (the
/// error summary takes it), so typing earlier could land elsewhere.
/// </summary>
public static class PageArrival
{
    /// <summary>Waits until the address matches <paramref name="pattern"/>, a regular expression searched in the whole URL.</summary>
    public static async Task ArrivedAtAsync(this IPage page, string pattern)
    {
        await Expect(page).ToHaveURLAsync(new Regex(pattern));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await page.AssertAccessibleAsync();
    }

    /// <summary>Waits until the address no longer matches <paramref name="pattern"/>.</summary>
    public static async Task LeftAsync(this IPage page, string pattern)
    {
        await Expect(page).Not.ToHaveURLAsync(new Regex(pattern));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await page.AssertAccessibleAsync();
    }
}
