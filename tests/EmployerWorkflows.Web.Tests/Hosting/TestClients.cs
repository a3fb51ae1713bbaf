using System.Net;
using System.Text.RegularExpressions;
using EmployerWorkflows.Web.Features.Identity;

namespace EmployerWorkflows.Web.Tests.Hosting;

/// <summary>A browser-like HTTP client: keeps cookies, does not follow redirects, logs in through the real form.</summary>
public static partial class TestClients
{
    public const string DemoPassword = "Demo-Passw0rd!";

    public static HttpClient Anonymous(AppFactory app) =>
        app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> LoggedInAsync(AppFactory app, string codiceFiscale, string password = DemoPassword)
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

    public static string DemoUserWithRole(string? role) => DemoUsers.All.First(u => u.Role == role).CodiceFiscale;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();
}
