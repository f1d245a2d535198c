using IncidentHub.Core.Data;
using IncidentHub.Core.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Auth;

public static class AuthSetup
{
    public static IServiceCollection AddIncidentHubAuth(this IServiceCollection services)
    {
        services.AddOptions<IncidentHubOptions>().BindConfiguration(IncidentHubOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IncidentHubOptions>, IncidentHubOptionsValidator>();
        services.AddOptions<SessionSettings>().BindConfiguration(SessionSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SessionSettings>, SessionSettingsValidator>();
        services.AddSingleton<FirstRunCode>();
        services.AddHostedService<FirstRunAnnouncer>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<SetupState>();
        services.AddSingleton<DemoPasswordNote>();
        services.AddScoped<AccountFlows>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = "IncidentHub.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS, also as seen through a trusted proxy (see ProxySetup).
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SessionSettings>>((cookie, sessions) => SessionLifetime.Configure(cookie, sessions.Value));
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = SessionLifetime.KeepSignedInAt;
        });
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = NewUserForm.PasswordMin;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // No account lock a stranger could trigger: SignInThrottle slows down one email from one address instead.
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<IncidentHubDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        Policies.Configure(services.AddAuthorizationBuilder());
        return services;
    }
}
