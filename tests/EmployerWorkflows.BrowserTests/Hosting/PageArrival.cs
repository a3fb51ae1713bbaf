using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmployerWorkflows.BrowserTests.Hosting;

/// <summary>
/// Waiting for the page a click leads to by its address only, not by the browser's load event: once, on a busy
/// machine, a wait for the address saw it change but never saw "load", and failed after its whole timeout.
/// What a test does next waits for the elements it needs.
/// </summary>
public static class PageArrival
{
    /// <summary>Waits until the address matches <paramref name="pattern"/>, a regular expression searched in the whole URL.</summary>
    public static Task ArrivedAtAsync(this IPage page, string pattern) => Expect(page).ToHaveURLAsync(new Regex(pattern));

    /// <summary>Waits until the address no longer matches <paramref name="pattern"/>.</summary>
    public static Task LeftAsync(this IPage page, string pattern) => Expect(page).Not.ToHaveURLAsync(new Regex(pattern));
}
