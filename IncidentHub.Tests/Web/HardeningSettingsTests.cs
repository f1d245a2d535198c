using IncidentHub.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace IncidentHub.Tests.Web;

/// <summary>A hardening setting that cannot work stops start-up with a message naming it.</summary>
public sealed class HardeningSettingsTests
{
    [Theory]
    [InlineData("IncidentHub:PublicUrl", "incidents.example.com", "IncidentHub:PublicUrl must be an absolute http(s) address")]
    [InlineData("IncidentHub:PublicUrl", "https://incidents.example.com/?x=1", "IncidentHub:PublicUrl must be an absolute http(s) address")]
    [InlineData("IncidentHub:SetupCode", "ab-12", "IncidentHub:SetupCode must be at least 8 letters or digits")]
    [InlineData("ForwardedHeaders:KnownProxies", "10.0.0.5,proxy.internal", "ForwardedHeaders:KnownProxies has 'proxy.internal', which is not an IP address")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.0/33", "ForwardedHeaders:KnownNetworks has '10.0.0.0/33', which is not a network")]
    [InlineData("RateLimits:SignInPerAddressPerMinute", "0", "RateLimits:SignInPerAddressPerMinute must be 1 or more")]
    [InlineData("Sessions:AbsoluteLifetime", "1.00:00:00", "Sessions:AbsoluteLifetime must be at least Sessions:KeepSignedInFor")]
    public async Task ABadSetting_StopsStartUp_NamingIt(string key, string value, string message)
    {
        await using var app = new AppFactory(settings: new Dictionary<string, string?> { [key] = value });

        var ex = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains(message, (ex as OptionsValidationException ?? ex.InnerException as OptionsValidationException ?? ex).Message, StringComparison.Ordinal);
    }
}
