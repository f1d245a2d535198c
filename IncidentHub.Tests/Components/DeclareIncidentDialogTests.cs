using Bunit;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Components.Shared;

namespace IncidentHub.Tests.Components;

public sealed class DeclareIncidentDialogTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private ComponentHarness _ui = null!;
    private Actor _me = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _ui = ComponentHarness.Create(database);
        _me = await _ui.Core.CreateResponderAsync("Riley Chen");
        _ui.SignInAs(_me);
    }

    [Fact]
    public async Task Render_ListsEverySeverityWithItsGuidance_AndDefaultsTheLeadToMe()
    {
        var (provider, _) = await _ui.ShowDialogAsync<DeclareIncidentDialog>("Declare an incident");

        provider.WaitForAssertion(() =>
        {
            foreach (var name in new[] { "Critical", "Major", "Minor" })
            {
                Assert.NotNull(provider.Find($"[data-testid=severity-{name}]"));
            }

            Assert.Contains("All hands, page whoever is needed.", provider.Markup, StringComparison.Ordinal);
            Assert.Contains("Work on it now.", provider.Markup, StringComparison.Ordinal);
            Assert.Contains("Riley Chen (you)", provider.Markup, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Submit_WithNothingFilledIn_SaysWhatIsMissing_AndDeclaresNothing()
    {
        var (provider, _) = await _ui.ShowDialogAsync<DeclareIncidentDialog>("Declare an incident");
        provider.WaitForElement("[data-testid=severity-Major]");

        await provider.Find("form").SubmitAsync();

        provider.WaitForAssertion(() =>
        {
            Assert.Contains("Give the incident a name: what is broken?", provider.Markup, StringComparison.Ordinal);
            Assert.Contains("Pick a severity.", provider.Markup, StringComparison.Ordinal);
        });
        Assert.Equal(0, (await _ui.Core.IncidentQueries.SearchAsync(new IncidentSearch(), Xunit.TestContext.Current.CancellationToken)).TotalCount);
    }

    [Fact]
    public async Task Submit_WithNameAndSeverity_DeclaresWithMeAsLead_AndClosesWithTheReference()
    {
        var (provider, dialog) = await _ui.ShowDialogAsync<DeclareIncidentDialog>("Declare an incident");
        provider.WaitForElement("[data-testid=severity-Major]");

        await provider.Find("[data-testid=declare-name]").ChangeAsync(new() { Value = "Checkout is failing" });
        await provider.Find("[data-testid=severity-Major]").ClickAsync(new());
        await provider.Find("form").SubmitAsync();

        var result = await dialog.Result.WaitAsync(ComponentHarness.Wait, Xunit.TestContext.Current.CancellationToken);
        var declared = Assert.IsType<DeclaredIncident>(result!.Data);
        Assert.Equal("INC-1", declared.Reference);
        var detail = await _ui.Core.IncidentQueries.GetDetailAsync(1, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal("Checkout is failing", detail!.Name);
        Assert.Equal("Major", detail.Severity.Name);
        Assert.Equal(_me.UserId, detail.LeadId);
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-dialog")));
    }

    public async ValueTask DisposeAsync() => await _ui.DisposeAsync();
}

/// <summary>"Everyone can declare": a Viewer is offered Declare in the top bar, and the dialog declares with them as lead.</summary>
public sealed class DeclareIncidentButtonTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private ComponentHarness _ui = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _ui = ComponentHarness.Create(database);
    }

    [Fact]
    public async Task Render_ForAViewer_OffersDeclare_AndTheDialogDeclaresWithThemAsLead()
    {
        var vic = await _ui.Core.CreateViewerAsync("Vic Viewer");
        _ui.SignInAs(vic);
        var (provider, _) = await _ui.ShowDialogAsync<DeclareIncidentDialog>("Declare an incident");
        var button = _ui.Context.Render<DeclareIncidentButton>();

        Assert.Single(button.FindAll("[data-testid=declare-incident]"));
        provider.WaitForElement("[data-testid=severity-Minor]");
        Assert.Contains("Vic Viewer (you)", provider.Markup, StringComparison.Ordinal);
        await provider.Find("[data-testid=declare-name]").ChangeAsync(new() { Value = "Printers on fire" });
        await provider.Find("[data-testid=severity-Minor]").ClickAsync(new());
        await provider.Find("form").SubmitAsync();

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-dialog")), ComponentHarness.Wait);
        var detail = await _ui.Core.IncidentQueries.GetDetailAsync(vic, 1, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(("Printers on fire", vic.UserId), (detail!.Name, detail.LeadId));
        Assert.True(detail.Can.PostUpdate);
    }

    [Fact]
    public void Render_ForSomeoneSignedOut_OffersNothing()
    {
        _ui.Auth.SetNotAuthorized();

        var button = _ui.Context.Render<DeclareIncidentButton>();

        Assert.Empty(button.FindAll("[data-testid=declare-incident]"));
    }

    public async ValueTask DisposeAsync() => await _ui.DisposeAsync();
}
