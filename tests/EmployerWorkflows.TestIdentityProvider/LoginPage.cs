using System.Text;
using System.Text.Encodings.Web;
using OpenIddict.Abstractions;

namespace EmployerWorkflows.TestIdentityProvider;

/// <summary>The provider's only page: choose a test identity, a level and, for negative tests, a fault.</summary>
internal static class LoginPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Home() => Wrap("<h1>Test identity provider</h1><p>Start a sign-in from the application.</p>");

    public static string Render(OpenIddictRequest request)
    {
        var body = new StringBuilder();
        body.Append("<h1>Test identity provider</h1>");
        body.Append($"<p>Client: <code>{Html.Encode(request.ClientId ?? "")}</code>. Requested level: <code>{Html.Encode(request.AcrValues ?? "-")}</code></p>");
        body.Append($"<form method=\"post\" action=\"{TestProvider.AuthorizePath}\">");
        // The whole authorization request travels with the form, so OpenIddict sees it again on the POST.
        foreach (var (name, value) in request.GetParameters())
        {
            if (name.StartsWith("test_", StringComparison.Ordinal)) continue;
            body.Append($"<input type=\"hidden\" name=\"{Html.Encode(name)}\" value=\"{Html.Encode((string?)value ?? "")}\" />");
        }
        body.Append($"<p><label for=\"identity\">Identity</label> <select id=\"identity\" name=\"{LoginChoice.IdentityField}\">");
        foreach (var i in TestIdentities.All)
            body.Append($"<option value=\"{i.CodiceFiscale}\">{Html.Encode($"{i.Name} {i.FamilyName} ({i.CodiceFiscale})")}</option>");
        body.Append("</select></p>");
        body.Append($"<p><label for=\"cf\">Other codice fiscale</label> <input id=\"cf\" name=\"{LoginChoice.CodiceFiscaleField}\" /></p>");
        body.Append($"<p><label for=\"level\">Level</label> <select id=\"level\" name=\"{LoginChoice.LevelField}\">");
        foreach (var level in new[] { 1, 2, 3 })
            body.Append($"<option value=\"{level}\"{(level == 2 ? " selected" : "")}>SPID level {level}</option>");
        body.Append("</select></p>");
        body.Append($"<p><label for=\"fault\">Fault</label> <select id=\"fault\" name=\"{LoginChoice.FaultField}\">");
        body.Append("<option value=\"\">none</option>");
        foreach (var fault in TokenFaults.All)
            body.Append($"<option value=\"{fault}\">{fault}</option>");
        body.Append("</select></p>");
        body.Append("<button type=\"submit\">Sign in</button></form>");
        return Wrap(body.ToString());
    }

    private static string Wrap(string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\" /><title>Test identity provider</title></head><body>{body}</body></html>";
}
