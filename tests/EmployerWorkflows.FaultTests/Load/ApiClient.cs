using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EmployerWorkflows.FaultTests.Load;

/// <summary>What the app answered, or null when the connection failed (node killed, not yet back).</summary>
public sealed record Answer(HttpStatusCode? Status, JsonElement Body)
{
    public bool Accepted => Status is { } s && (int)s is >= 200 and < 300;
}

/// <summary>
/// A person using the API the way the app's scripts do: logged in through the login form, with the anti-forgery
/// header on every change. A request that fails to connect is reported, not thrown, so load keeps going while a
/// node is down.
/// </summary>
public sealed partial class ApiClient : IDisposable
{
    public const string Password = "Demo-Passw0rd!";
    private readonly HttpClient http;
    private string? token;
    private string? signedInAs;

    private ApiClient(HttpClient http) => this.http = http;

    /// <summary>A client of one node.</summary>
    public static ApiClient For(Uri node) => new(new HttpClient(new HttpClientHandler
    {
        AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(),
    }) { BaseAddress = node, Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>A client over a given HTTP client, e.g. one of an in-process host (it must keep cookies and not follow redirects).</summary>
    public static ApiClient Over(HttpClient http) => new(http);

    /// <summary>A client of several nodes behind one address, round robin.</summary>
    public static ApiClient For(IReadOnlyList<Uri> nodes) =>
        new(new HttpClient(new RoundRobin(nodes)) { BaseAddress = RoundRobin.Address, Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>Logs in (retrying while the node is down) and keeps the anti-forgery token for later changes.</summary>
    public async Task LogInAsync(string codiceFiscale, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                var form = await http.GetStringAsync("/account/login");
                var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["CodiceFiscale"] = codiceFiscale,
                    ["Password"] = Password,
                    ["__RequestVerificationToken"] = FormToken().Match(form).Groups[1].Value,
                }));
                if (response.StatusCode != HttpStatusCode.Redirect)
                    throw new InvalidOperationException($"Login of {codiceFiscale} answered {response.StatusCode}.");
                var answer = await http.GetFromJsonAsync<JsonElement>("/api/antiforgery/token");
                token = answer.GetProperty("token").GetString();
                signedInAs = codiceFiscale;
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < until)
            {
                await Task.Delay(200);
            }
        }
    }

    public Task<Answer> RegisterCompanyAsync(string companyCf) => SendAsync(HttpMethod.Post, "/api/company-registrations", new JsonObject
    {
        ["company"] = new JsonObject
        {
            ["codiceFiscale"] = companyCf,
            ["name"] = $"Officine {companyCf}",
            ["registeredOffice"] = new JsonObject
            {
                ["street"] = "Via dell'Indipendenza 1", ["postalCode"] = "40121", ["municipality"] = "Bologna",
                ["province"] = "BO", ["country"] = "IT",
            },
            ["email"] = $"info{companyCf}@example.org",
            ["phone"] = "051 000000",
            ["pec"] = $"pec{companyCf}@example.org",
            ["legalRepresentative"] = new JsonObject
            {
                // The person registering is the company's legal representative (rule 33): no delegation document is needed.
                ["firstName"] = "Lucia", ["lastName"] = "Legale", ["codiceFiscale"] = signedInAs ?? "LGLRPP75H06A944H",
            },
            ["types"] = new JsonArray(new JsonObject { ["type"] = "private-employer" }),
        },
        ["firstUnitName"] = "Sede di Bologna",
    });

    /// <summary>The version of the task's procedure, which a completion sends as the one it saw.</summary>
    public async Task<long?> InstanceVersionAsync(Guid taskId)
    {
        var answer = await SendAsync(HttpMethod.Get, $"/api/tasks/{taskId}", null);
        return answer.Accepted ? answer.Body.GetProperty("instanceVersion").GetInt64() : null;
    }

    public Task<Answer> CompleteAsync(Guid taskId, string action, JsonObject payload, long expectedVersion, string idempotencyKey) =>
        SendAsync(HttpMethod.Post, $"/api/tasks/{taskId}/complete", new JsonObject
        {
            ["action"] = action, ["payload"] = payload.DeepClone(), ["expectedVersion"] = expectedVersion, ["idempotencyKey"] = idempotencyKey,
        });

    public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public void Dispose() => http.Dispose();

    private async Task<Answer> SendAsync(HttpMethod method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (method != HttpMethod.Get) request.Headers.Add("X-CSRF-TOKEN", token);
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return new Answer(response.StatusCode, text.Length > 0 && text[0] is '{' or '[' ? JsonDocument.Parse(text).RootElement.Clone() : default);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new Answer(null, default);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
