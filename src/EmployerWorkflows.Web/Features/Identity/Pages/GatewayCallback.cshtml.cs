using EmployerWorkflows.Runtime.Execution;
using EmployerWorkflows.Runtime.Journal;
using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity.Gateways;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmployerWorkflows.Web.Features.Identity.Pages;

/// <summary>
/// Where a gateway sign-in lands once the OpenID Connect handler has checked the token: the codice fiscale and the
/// level are checked, the person is found by codice fiscale (rule 15) or created from the claims, and signed in.
/// </summary>
public sealed class GatewayCallbackModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, GatewayCatalog gateways, SignInRefusals refusals,
    AppDbContext db, TimeProvider clock) : PageModel
{
    public const string GatewayItem = "gateway";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var gateway = gateways.Find(external.Properties?.Items.TryGetValue(GatewayItem, out var name) == true ? name : null);
        if (!external.Succeeded || external.Principal is null || gateway is null)
            return await RefuseAsync(gateway?.Name ?? "unknown", GatewayRefusal.StateRejected, "No gateway sign-in in progress.");

        var (person, refusal) = GatewayIdentity.Read(external.Principal, gateway.Kind);
        if (refusal is { } r)
            return await RefuseAsync(gateway.Name, r, Describe(external.Principal), external.Principal.FindFirst("fiscalNumber")?.Value);

        var user = await users.FindByNameAsync(person!.CodiceFiscale);
        var now = clock.GetUtcNow();
        if (user is null)
        {
            user = new AppUser
            {
                UserName = person.CodiceFiscale, CodiceFiscale = person.CodiceFiscale,
                FirstName = Trim(person.FirstName, 100), LastName = Trim(person.LastName, 100),
                Email = person.Email, EmailConfirmed = person.Email is not null, CreatedAt = now,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
                return await RefuseAsync(gateway.Name, GatewayRefusal.InvalidCodiceFiscale,
                    string.Join("; ", created.Errors.Select(e => e.Code)), person.CodiceFiscale);
            Journal(user, "person.created", $"{user.CodiceFiscale} signed in for the first time through {gateway.Name} ({person.Level}).", now);
        }
        if (!await signIn.CanSignInAsync(user))
            return await RefuseAsync(gateway.Name, GatewayRefusal.AccountDisabled, "Account disabled.", user.CodiceFiscale);

        user.LastLoginAt = now;
        await users.UpdateAsync(user);
        Journal(user, "person.signin", $"{user.CodiceFiscale} signed in through {gateway.Name} ({person.Level}).", now);
        await db.SaveChangesAsync();
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: gateway.Scheme);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private void Journal(AppUser user, string operation, string summary, DateTimeOffset now) =>
        JournalWriter.RecordOperation(db, new WorkflowActor(user.Id, user.CodiceFiscale, user.DisplayName, new HashSet<string>(), null),
            null, operation, summary, now);

    private async Task<IActionResult> RefuseAsync(string gateway, GatewayRefusal refusal, string detail, string? codiceFiscale = null)
    {
        await refusals.RecordAsync(gateway, refusal, detail, codiceFiscale is { Length: <= 32 } ? codiceFiscale : null);
        return RedirectToPage("GatewayRefused", new { reason = refusal.ToString() });
    }

    private static string Describe(System.Security.Claims.ClaimsPrincipal principal) =>
        $"fiscalNumber={principal.FindFirst("fiscalNumber")?.Value ?? "(none)"}, acr={principal.FindFirst("acr")?.Value ?? principal.FindFirst("spidLevel")?.Value ?? "(none)"}";

    private static string Trim(string value, int max) => value.Length > max ? value[..max] : value;
}
