using System.Net;
using System.Text.RegularExpressions;
using EmployerWorkflows.Web.Features.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace EmployerWorkflows.Web.Tests.Hosting;

/// <summary>
/// A browser-like HTTP client: keeps cookies, does not follow redirects, logs in through the real form, and sends
/// the anti-forgery header with every change as the app's scripts do.
/// </summary>
public static partial class TestClients
{
    public const string DemoPassword = "Demo-Passw0rd!";

    public static HttpClient Anonymous(WebApplicationFactory<Program> app) =>
        app.CreateDefaultClient(new Uri("http://localhost"), new AntiforgeryHeader(), new CookieContainerHandler());

    /// <summary>Keeps cookies but never adds the anti-forgery header: what another site's page can make a browser send.</summary>
    public static HttpClient WithoutAntiforgery(WebApplicationFactory<Program> app) =>
        app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> LoggedInAsync(WebApplicationFactory<Program> app, string codiceFiscale, string password = DemoPassword)
    {
        var client = Anonymous(app);
        var response = await PostLoginAsync(client, codiceFiscale, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string codiceFiscale, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = AntiForgery().Match(form).Groups[1].Value;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CodiceFiscale"] = codiceFiscale,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>Posts a page form the way a browser does: with the anti-forgery token of the page it came from.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = AntiForgery().Match(html).Groups[1].Value;
        return await client.PostAsync(page + (page.Contains('?') ? "&" : "?") + "handler=" + handler, new FormUrlEncodedContent(fields));
    }

    /// <summary>A page's HTML, entities decoded, after checking the status.</summary>
    public static async Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        return html;
    }

    public static string DemoUserWithRole(string? role) => DemoUsers.All.First(u => u.Role == role).CodiceFiscale;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();
}
