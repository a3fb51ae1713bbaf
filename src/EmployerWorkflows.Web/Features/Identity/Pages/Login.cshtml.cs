using EmployerWorkflows.Web.Domain.Identifiers;
using EmployerWorkflows.Web.Features.Identity.Gateways;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Identity.Pages;

public sealed class LoginModel(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, TimeProvider clock, GatewayCatalog gateways,
    IConfiguration configuration, IWebHostEnvironment environment) : PageModel
{
    public IReadOnlyList<GatewaySettings> Gateways => gateways.All;

    [BindProperty] public string CodiceFiscale { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public List<string> Errors { get; } = [];

    public void OnGet() { }

    /// <summary>A gateway button: off to the gateway, back at <c>/account/gateway/callback</c>.</summary>
    public IActionResult OnPostGateway(string? gateway)
    {
        if (gateways.Find(gateway) is not { } chosen)
        {
            Errors.Add(GatewayRefusals.Message(GatewayRefusal.UnknownGateway));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var properties = new AuthenticationProperties
        {
            RedirectUri = Url.Page("GatewayCallback", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null }),
            Items = { [GatewayCallbackModel.GatewayItem] = chosen.Name },
        };
        return Challenge(properties, chosen.Scheme);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Domain.Identifiers.CodiceFiscale.Validate(CodiceFiscale) is { } cfError)
            Errors.Add(cfError.For(Code));
        if (string.IsNullOrEmpty(Password))
            Errors.Add(T("Inserisci la password.", "Enter your password."));
        if (Errors.Count > 0) return Page();

        var cf = Domain.Identifiers.CodiceFiscale.Parse(CodiceFiscale).Value;
        var result = await signIn.PasswordSignInAsync(cf, Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            // One message for a wrong password, an unknown codice fiscale and a locked account: a different answer
            // would tell a stranger which codici fiscali have an account here.
            Errors.Add(T("Codice fiscale o password non corretti. Dopo 5 tentativi non riusciti l'accesso resta bloccato per 15 minuti.",
                "Wrong codice fiscale or password. After 5 failed attempts, logging in is blocked for 15 minutes."));
            return Page();
        }
        var user = (await users.FindByNameAsync(cf))!;
        if (!await LocalLoginAllowedAsync(user))
        {
            await signIn.SignOutAsync();
            Errors.Add(T("Per questo account l'accesso è solo con identità digitale (SPID, CIE o CNS).",
                "This account can sign in only with a digital identity (SPID, CIE or CNS)."));
            return Page();
        }
        user.LastLoginAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        if (user.MustChangePassword)
            return RedirectToPage("ChangePassword", new { ReturnUrl });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    /// <summary>
    /// Companies' people sign in with a digital identity (rule 42); the password is for agency staff who are not
    /// required to use the gateway, and, in Development, for everyone (the demo users).
    /// </summary>
    private async Task<bool> LocalLoginAllowedAsync(AppUser user)
    {
        if (user.RequireGateway) return false;
        if (configuration.GetValue("Authentication:LocalLoginForEveryone", environment.IsDevelopment())) return true;
        var roles = await users.GetRolesAsync(user);
        return roles.Any(Roles.All.Contains);
    }
}
