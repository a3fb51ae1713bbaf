using EmployerWorkflows.Web.Data;
using EmployerWorkflows.Web.Features.Identity.Gateways;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace EmployerWorkflows.Web.Features.Identity;

public static class IdentitySetup
{
    public static WebApplicationBuilder AddIdentityFeature(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddSignInManager<AppSignInManager>();
        builder.AddGateways();
        builder.Services.AddScoped<IUserValidator<AppUser>, CodiceFiscaleUserValidator>();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "ew.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events = new CookieAuthenticationEvents
            {
                // Every request checks the account behind the cookie, so disabling someone ends their sessions at once.
                OnValidatePrincipal = SessionCheck.ValidateAsync,
                // APIs answer with status codes; pages get the login redirect and a 403 page.
                OnRedirectToLogin = ctx => Redirect(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => Redirect(ctx, StatusCodes.Status403Forbidden),
            };
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Operator, p => p.RequireRole(Roles.Operator))
            .AddPolicy(Roles.Administrator, p => p.RequireRole(Roles.Administrator));
        return builder;
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> ctx, int apiStatus)
    {
        var isApi = ctx.Request.Path.StartsWithSegments("/api");
        if (isApi || apiStatus == StatusCodes.Status403Forbidden)
        {
            ctx.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
