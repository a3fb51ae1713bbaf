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
        if (result.IsLockedOut)
        {
            Errors.Add(T("Troppi tentativi non riusciti: l'utenza è bloccata per 15 minuti.",
                "Too many failed attempts: the account is locked for 15 minutes."));
            return Page();
        }
        if (!result.Succeeded)
        {
            Errors.Add(T("Codice fiscale o password non corretti.", "Wrong codice fiscale or password."));
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
