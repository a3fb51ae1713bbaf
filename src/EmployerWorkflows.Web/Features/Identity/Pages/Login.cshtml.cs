using EmployerWorkflows.Web.Domain.Identifiers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static EmployerWorkflows.Web.Localization.Lang;

namespace EmployerWorkflows.Web.Features.Identity.Pages;

public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty] public string CodiceFiscale { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public List<string> Errors { get; } = [];

    public void OnGet() { }

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
        user.LastLoginAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        if (user.MustChangePassword)
            return RedirectToPage("ChangePassword", new { ReturnUrl });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
