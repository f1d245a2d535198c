using System.Globalization;
using System.Security.Claims;
using IncidentHub.Web.Auth;

namespace IncidentHub.Tests.Web.Auth;

/// <summary>The absolute end of a session as an open live page sees it (the cookie side is in SignInTests).</summary>
public sealed class SessionLifetimeTests
{
    private static readonly DateTimeOffset SignedIn = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static ClaimsPrincipal SignedInAt(DateTimeOffset at) => new(new ClaimsIdentity(
        [new Claim(SessionLifetime.SignedInAtClaim, at.UtcTicks.ToString(CultureInfo.InvariantCulture))], "test"));

    [Fact]
    public void AnOpenPage_EndsItsSession_AtTheAbsoluteLifetime_NotBefore()
    {
        var settings = new SessionSettings { AbsoluteLifetime = TimeSpan.FromDays(30) };
        var principal = SignedInAt(SignedIn);

        Assert.False(SessionLifetime.HasExpired(principal, settings, SignedIn + TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1)));
        Assert.True(SessionLifetime.HasExpired(principal, settings, SignedIn + TimeSpan.FromDays(30)));
    }

    [Fact]
    public void ThePrincipalIdentityRebuilds_KeepsTheMomentOfSignIn()
    {
        var rebuilt = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada")], "test"));
        var context = new Microsoft.AspNetCore.Identity.SecurityStampRefreshingPrincipalContext
        {
            CurrentPrincipal = SignedInAt(SignedIn),
            NewPrincipal = rebuilt,
        };

        SessionLifetime.KeepSignedInAt(context);

        Assert.Equal(SignedIn, SessionLifetime.SignedInAt(rebuilt));
    }

    [Fact]
    public void KeepMeSignedIn_MakesTheOnlyPersistentCookie_ForItsOwnLength()
    {
        var settings = new SessionSettings();

        var plain = SessionLifetime.PropertiesFor(keepSignedIn: false, settings, SignedIn);
        var kept = SessionLifetime.PropertiesFor(keepSignedIn: true, settings, SignedIn);

        Assert.False(plain.IsPersistent);
        Assert.Null(plain.ExpiresUtc);
        Assert.True(kept.IsPersistent);
        Assert.Equal(SignedIn + TimeSpan.FromDays(14), kept.ExpiresUtc);
    }

    [Theory]
    [InlineData("00:00:30", "14.00:00:00", "30.00:00:00", "Sessions:IdleTimeout")]
    [InlineData("08:00:00", "04:00:00", "30.00:00:00", "Sessions:KeepSignedInFor")]
    [InlineData("08:00:00", "14.00:00:00", "7.00:00:00", "Sessions:AbsoluteLifetime")]
    public void SessionLengthsThatCannotWork_StopStartUp_NamingTheSetting(string idle, string keep, string absolute, string setting)
    {
        var result = new SessionSettingsValidator().Validate(null, new SessionSettings
        {
            IdleTimeout = TimeSpan.Parse(idle, CultureInfo.InvariantCulture),
            KeepSignedInFor = TimeSpan.Parse(keep, CultureInfo.InvariantCulture),
            AbsoluteLifetime = TimeSpan.Parse(absolute, CultureInfo.InvariantCulture),
        });

        Assert.True(result.Failed);
        Assert.StartsWith(setting, result.FailureMessage, StringComparison.Ordinal);
    }
}
