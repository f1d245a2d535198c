using Bunit;
using IncidentHub.Core.Common;
using IncidentHub.Core.FollowUps.Digest;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Components.Pages.Admin;
using IncidentHub.Web.Time;
using Microsoft.AspNetCore.Components;

namespace IncidentHub.Tests.Components;

/// <summary>Admin → Follow-up digest: says when the next digest goes, in the organisation's zone, and saves a new schedule.</summary>
public sealed class FollowUpDigestPageTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private ComponentHarness _ui = null!;
    private Actor _admin = null!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _ui = ComponentHarness.Create(database);
        _admin = await _ui.Core.CreateAdminAsync("Ada Admin");
    }

    private IRenderedComponent<FollowUpDigest> Render()
    {
        _ui.SignInAs(_admin);
        return _ui.Context.Render<CascadingValue<ViewerClock>>(p => p
                .Add(c => c.Value, new ViewerClock(_ui.Core.Time.GetUtcNow(), TimeZoneInfo.Utc))
                .AddChildContent<FollowUpDigest>())
            .FindComponent<FollowUpDigest>();
    }

    [Fact]
    public async Task Render_ByDefault_SaysTheNextDigestIsMondayAtNineUtc()
    {
        var page = Render();

        // The harness's clock is Tuesday 24 November 2026: the next Monday is the 30th.
        page.WaitForAssertion(() => Assert.Contains("Next digest: ", page.Find("[data-testid=digest-next]").TextContent));
        Assert.Contains("30", page.Find("[data-testid=digest-next]").TextContent);
        Assert.Contains("09:00", page.Find("[data-testid=digest-next]").TextContent);
        Assert.Contains("UTC", page.Find("[data-testid=digest-next]").TextContent);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task TurningItOff_AndSaving_SaysSo_AndCoreHasIt()
    {
        var page = Render();
        page.WaitForAssertion(() => page.Find("[data-testid=digest-save]"));

        page.Find("input[type=checkbox]").Change(false);
        page.Find("[data-testid=digest-save]").Click();

        page.WaitForAssertion(() => Assert.Equal("The digest is off: nobody gets it until it is turned on again.", page.Find("[data-testid=digest-next]").TextContent.Trim()));
        var saved = await _ui.Core.Get<FollowUpDigestService>().GetAsync(Ct);
        Assert.False(saved.IsEnabled);
        Assert.Equal("Ada Admin", saved.SavedBy);
    }

    public async ValueTask DisposeAsync() => await _ui.DisposeAsync();
}
