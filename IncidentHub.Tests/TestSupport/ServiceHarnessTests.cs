using IncidentHub.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentHub.Tests.TestSupport;

/// <summary>Keeps <see cref="ServiceHarness"/> honest: it must configure Identity exactly as the app does.</summary>
public sealed class ServiceHarnessTests
{
    [Fact]
    public void ConfigureIdentity_MatchesTheApp()
    {
        using var services = new ServiceCollection().AddLogging().AddIncidentHubAuth().BuildServiceProvider();
        var app = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var harness = new IdentityOptions();

        ServiceHarness.ConfigureIdentity(harness);

        Assert.Equal(app.User.RequireUniqueEmail, harness.User.RequireUniqueEmail);
        Assert.Equal(app.User.AllowedUserNameCharacters, harness.User.AllowedUserNameCharacters);
        Assert.Equal(app.Password.RequiredLength, harness.Password.RequiredLength);
        Assert.Equal(app.Password.RequiredUniqueChars, harness.Password.RequiredUniqueChars);
        Assert.Equal(app.Password.RequireDigit, harness.Password.RequireDigit);
        Assert.Equal(app.Password.RequireLowercase, harness.Password.RequireLowercase);
        Assert.Equal(app.Password.RequireUppercase, harness.Password.RequireUppercase);
        Assert.Equal(app.Password.RequireNonAlphanumeric, harness.Password.RequireNonAlphanumeric);
        Assert.Equal(app.Lockout.AllowedForNewUsers, harness.Lockout.AllowedForNewUsers);
        Assert.Equal(app.SignIn.RequireConfirmedAccount, harness.SignIn.RequireConfirmedAccount);
    }
}
