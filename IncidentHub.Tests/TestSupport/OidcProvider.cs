using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// A real OpenID Connect provider for the tests: OpenIddict's server on a loopback port (authorization code flow with
/// PKCE, a confidential client, signed ID tokens, discovery and keys), its clients and tokens in a throwaway SQLite
/// file. The person "signed in at the provider" is <see cref="SignedIn"/>, from a small user store the test fills;
/// the authorization endpoint answers for them at once, as a provider does for someone who already has a session there.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "incidenthub-tests";

    public const string ClientSecret = "provider-test-secret-5b1f0e";

    private readonly WebApplication _host;
    private readonly string _databasePath;
    private readonly ConcurrentDictionary<string, ProviderUser> _users = new(StringComparer.Ordinal);

    private OidcProvider(WebApplication host, string databasePath)
    {
        _host = host;
        _databasePath = databasePath;
    }

    /// <summary>The provider's address, e.g. http://127.0.0.1:40123/ (what IncidentHub's Authority is set to).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Who the next authorization request signs in; null answers access_denied (the person cancelled).</summary>
    public string? SignedIn { get; set; }

    /// <summary>When set, ID tokens are issued for this audience instead of the client's: a token meant for another application.</summary>
    public string? IdentityTokenAudience { get; set; }

    /// <summary>How many authorization requests reached the provider.</summary>
    public int AuthorizationRequests => _authorizations;

    private int _authorizations;

    /// <param name="issuer">An issuer other than the provider's own address (a provider that names itself wrongly).</param>
    public static async Task<OidcProvider> StartAsync(Uri? issuer = null)
    {
        var databasePath = Path.Combine(Path.GetTempPath(), $"incidenthub-oidc-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<ProviderDb>(o => o.UseSqlite($"Data Source={databasePath}").UseOpenIddict());
        OidcProvider? self = null;
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                if (issuer is not null)
                {
                    o.SetIssuer(issuer);
                }

                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
                o.AddEventHandler<OpenIddictServerEvents.ProcessSignInContext>(h => h
                    .UseInlineHandler(context =>
                    {
                        if (self?.IdentityTokenAudience is { } audience && context.IdentityTokenPrincipal is { } principal)
                        {
                            principal.SetAudiences(audience);
                        }

                        return default;
                    })
                    .SetOrder(OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 1)
                    .SetType(OpenIddictServerHandlerType.Custom));
            });

        var host = builder.Build();
        self = new OidcProvider(host, databasePath);
        host.MapMethods("connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)self.AuthorizeAsync);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        }

        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self.Address = new Uri(address.TrimEnd('/') + "/");
        return self;
    }

    /// <summary>Registers IncidentHub as a confidential client that may be sent back to <paramref name="redirectUri"/>.</summary>
    public async Task RegisterClientAsync(Uri redirectUri)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await manager.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { redirectUri },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    /// <summary>Adds or replaces a person at the provider (a later sign-in sees the change, as after a directory edit).</summary>
    public void SetUser(ProviderUser user) => _users[user.Subject] = user;

    public ProviderUser User(string subject) => _users[subject];

    private async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        Interlocked.Increment(ref _authorizations);
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (SignedIn is not { } subject || !_users.TryGetValue(subject, out var user))
        {
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The person cancelled.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Subject));
        if (user.Email is not null)
        {
            identity.AddClaim(new Claim(Claims.Email, user.Email));
        }

        identity.AddClaim(new Claim(Claims.Name, user.Name));
        foreach (var group in user.Groups)
        {
            identity.AddClaim(new Claim("groups", group));
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        await Task.CompletedTask;
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }

    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}

/// <summary>A person in the provider's directory: the subject never changes, the groups may.</summary>
public sealed record ProviderUser(string Subject, string? Email, string Name, IReadOnlyList<string> Groups)
{
    public static ProviderUser Named(string name, params string[] groups) =>
        new($"sub-{name.ToLowerInvariant().Replace(' ', '-')}", name.ToLowerInvariant().Replace(' ', '.') + "@corp.example", name, groups);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Subject})");
}
