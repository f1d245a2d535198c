using Bunit;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Resolution;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Components.Pages.Resolution;
using MudBlazor;

namespace IncidentHub.Tests.Components;

/// <summary>Reopening while the status page says it is fixed asks what becomes of the notice, with a proposed text.</summary>
public sealed class ReopenDialogTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private ComponentHarness _ui = null!;
    private Actor _lead = null!;
    private DeclaredIncident _incident = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _ui = ComponentHarness.Create(database);
        _lead = await _ui.Core.CreateResponderAsync("Riley Chen");
        _ui.SignInAs(_lead);
        _incident = await _ui.Core.DeclareAsync(_lead, "Card payments failing");
        await _ui.Core.MoveToAsync(_lead, _incident.Id, IncidentStatus.Monitoring);
        await _ui.Core.Publication.PublishAsync(_lead, _incident.Id, new PublicNoticeForm
        {
            Title = "Some card payments are failing",
            Message = "A fix is in place; we are watching it.",
            Status = PublicStatus.Monitoring,
        });
        await _ui.Core.MoveToAsync(_lead, _incident.Id, IncidentStatus.Resolved);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync(string? message = null)
    {
        var detail = (await _ui.Core.IncidentQueries.GetDetailAsync(_lead, _incident.Number))!;
        var plan = (await _ui.Core.Get<ReopeningService>().GetPlanAsync(_lead, _incident.Number))!;
        var parameters = new DialogParameters<ReopenDialog> { { d => d.Incident, detail }, { d => d.Plan, plan }, { d => d.Message, message } };
        var shown = await _ui.ShowDialogAsync<ReopenDialog>("Reopen", parameters);
        shown.Provider.WaitForElement("[data-testid=reopen-submit]:not([disabled])");
        return shown;
    }

    [Fact]
    public async Task Render_ShowsTheNoticeThatSaysItIsFixed_AndProposesSayingItIsBack()
    {
        var (provider, _) = await ShowAsync();

        provider.WaitForAssertion(() =>
        {
            Assert.Contains("Some card payments are failing", provider.Find("[data-testid=reopen-notice]").TextContent, StringComparison.Ordinal);
            Assert.Contains("Monitoring", provider.Find("[data-testid=reopen-notice]").TextContent, StringComparison.Ordinal);
            Assert.NotNull(provider.Find("[data-testid=reopen-notice-publish]:checked"));
            Assert.Contains("did not hold", provider.Find("[data-testid=reopen-notice-message]").GetAttribute("value") ?? "", StringComparison.Ordinal);
            Assert.Equal("Reopen INC-1", provider.Find("[data-testid=reopen-submit]").TextContent.Trim());
        });
    }

    [Fact]
    public async Task Submit_ReopensWithTheUpdateBoxText_AndPublishesThatItIsBack()
    {
        var (provider, dialog) = await ShowAsync("Errors are back.");

        await provider.Find("form").SubmitAsync();

        var result = await dialog.Result.WaitAsync(ComponentHarness.Wait, Xunit.TestContext.Current.CancellationToken);
        Assert.False(result!.Canceled);
        var detail = (await _ui.Core.IncidentQueries.GetDetailAsync(_lead, _incident.Number, Xunit.TestContext.Current.CancellationToken))!;
        Assert.Equal(IncidentStatus.Investigating, detail.Status);
        var active = Assert.Single((await _ui.Core.StatusPage.GetSnapshotAsync(Xunit.TestContext.Current.CancellationToken)).Active);
        Assert.Equal(PublicStatus.Investigating, active.Status);
    }

    [Fact]
    public async Task LeavingWithoutAReason_IsRefusedInTheDialog_AndItStaysResolved()
    {
        var (provider, _) = await ShowAsync();

        await provider.Find("[data-testid=reopen-notice-leave]").ClickAsync(new());
        provider.WaitForElement("[data-testid=reopen-notice-reason]");
        await provider.Find("form").SubmitAsync();

        provider.WaitForAssertion(() => Assert.Contains("Say why the status page keeps saying it is fixed.", provider.Markup, StringComparison.Ordinal));
        var detail = (await _ui.Core.IncidentQueries.GetDetailAsync(_lead, _incident.Number, Xunit.TestContext.Current.CancellationToken))!;
        Assert.Equal(IncidentStatus.Resolved, detail.Status);
    }

    [Fact]
    public async Task SomeoneReopeningMeanwhile_IsSaidInTheDialog_AndTheTextIsKept()
    {
        var (provider, _) = await ShowAsync("Errors are back.");
        await _ui.Core.Incidents.ChangeStatusAsync(_lead, _incident.Id, IncidentStatus.Resolved, IncidentStatus.Investigating, Xunit.TestContext.Current.CancellationToken);

        await provider.Find("form").SubmitAsync();

        provider.WaitForAssertion(() => Assert.Contains("Someone changed INC-1", provider.Find("[data-testid=reopen-conflict]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Errors are back.", provider.Find("[data-testid=reopen-message]").GetAttribute("value"));
    }

    public async ValueTask DisposeAsync() => await _ui.DisposeAsync();
}
