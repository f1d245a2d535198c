using Bunit;
using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Components.Pages.Resolution;
using MudBlazor;

namespace IncidentHub.Tests.Components;

/// <summary>The dialog that ends an incident shows everything still open, proposes texts, and applies it all at once.</summary>
public sealed class ClosingDialogTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private ComponentHarness _ui = null!;
    private Actor _lead = null!;
    private DeclaredIncident _incident = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _ui = ComponentHarness.Create(database);
        var admin = await _ui.Core.CreateAdminAsync("Ada Admin");
        var payments = await _ui.Core.StatusComponents.SaveAsync(admin, new ComponentForm { Name = "Payments" });
        _lead = await _ui.Core.CreateResponderAsync("Riley Chen");
        _ui.SignInAs(_lead);
        _incident = await _ui.Core.DeclareAsync(_lead, "Card payments failing");
        await _ui.Core.MoveToAsync(_lead, _incident.Id, IncidentStatus.Monitoring);
        await _ui.Core.Actions.AddAsync(_lead, _incident.Id, new AddActionRequest { Title = "Rotate the gateway keys" });
        await _ui.Core.Publication.PublishAsync(_lead, _incident.Id, new PublicNoticeForm
        {
            Title = "Some card payments are failing",
            Message = "We are watching the fix.",
            Status = PublicStatus.Monitoring,
            Impacts = new Dictionary<int, ComponentState> { [payments] = ComponentState.PartialOutage },
        });
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync(IncidentStatus target, string? message = null)
    {
        var detail = (await _ui.Core.IncidentQueries.GetDetailAsync(_lead, _incident.Number))!;
        var parameters = new DialogParameters<ClosingDialog> { { d => d.Incident, detail }, { d => d.Target, target }, { d => d.Message, message } };
        var shown = await _ui.ShowDialogAsync<ClosingDialog>("Resolve", parameters);
        shown.Provider.WaitForElement("[data-testid=closing-submit]:not([disabled])");
        return shown;
    }

    [Fact]
    public async Task Render_ShowsTheOpenAction_TheLiveNotice_TheRolesHeld_AndProposedTexts()
    {
        var (provider, _) = await ShowAsync(IncidentStatus.Resolved);

        provider.WaitForAssertion(() =>
        {
            Assert.Contains("Rotate the gateway keys", provider.Find("[data-testid=closing-action]").TextContent, StringComparison.Ordinal);
            Assert.NotNull(provider.Find("[data-testid=closing-action-KeepAsFollowUp]:checked"));
            Assert.Contains("Some card payments are failing", provider.Find("[data-testid=closing-notice]").TextContent, StringComparison.Ordinal);
            Assert.Contains("has been resolved", provider.Find("[data-testid=closing-notice-message]").GetAttribute("value") ?? "", StringComparison.Ordinal);
            Assert.Contains("Incident Lead: Riley Chen", provider.Find("[data-testid=closing-roles]").TextContent, StringComparison.Ordinal);
            Assert.Equal("Resolve INC-1", provider.Find("[data-testid=closing-submit]").TextContent.Trim());
        });
    }

    [Fact]
    public async Task Submit_FromTheUpdateBoxText_ResolvesKeepsTheActionAndPublishes()
    {
        var (provider, dialog) = await ShowAsync(IncidentStatus.Resolved, "Rolled back the gateway.");

        await provider.Find("form").SubmitAsync();

        var result = await dialog.Result.WaitAsync(ComponentHarness.Wait, Xunit.TestContext.Current.CancellationToken);
        Assert.False(result!.Canceled);
        var detail = (await _ui.Core.IncidentQueries.GetDetailAsync(_lead, _incident.Number, Xunit.TestContext.Current.CancellationToken))!;
        Assert.Equal(IncidentStatus.Resolved, detail.Status);
        Assert.True(Assert.Single(detail.Actions).IsFollowUp);
        Assert.Empty((await _ui.Core.StatusPage.GetSnapshotAsync(Xunit.TestContext.Current.CancellationToken)).Active);
    }

    [Fact]
    public async Task DroppingWithoutAReason_IsRefusedInTheDialog_AndNothingChanges()
    {
        var (provider, _) = await ShowAsync(IncidentStatus.Resolved);

        await provider.Find("[data-testid=closing-action-Drop]").ClickAsync(new());
        provider.WaitForElement("[data-testid=closing-action-reason]");
        await provider.Find("form").SubmitAsync();

        provider.WaitForAssertion(() => Assert.Contains("Say why \"Rotate the gateway keys\" is not being done.", provider.Markup, StringComparison.Ordinal));
        var detail = (await _ui.Core.IncidentQueries.GetDetailAsync(_lead, _incident.Number, Xunit.TestContext.Current.CancellationToken))!;
        Assert.Equal((IncidentStatus.Monitoring, ActionStatus.Outstanding), (detail.Status, detail.Actions[0].Status));
    }

    [Fact]
    public async Task SomeoneMovingItMeanwhile_IsSaidInTheDialog_TheWordsStay_AndTheSecondTryResolves()
    {
        var (provider, dialog) = await ShowAsync(IncidentStatus.Resolved, "Rolled back the gateway.");
        await _ui.Core.Incidents.ChangeStatusAsync(_lead, _incident.Id, IncidentStatus.Monitoring, IncidentStatus.Fixing, Xunit.TestContext.Current.CancellationToken);

        await provider.Find("form").SubmitAsync();

        provider.WaitForAssertion(() => Assert.Contains("Someone changed INC-1 while you were deciding (it is Fixing now)", provider.Find("[data-testid=closing-conflict]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Rolled back the gateway.", provider.Find("[data-testid=closing-message]").GetAttribute("value"));
        Assert.Equal(IncidentStatus.Fixing, (await _ui.Core.IncidentQueries.GetDetailAsync(_lead, _incident.Number, Xunit.TestContext.Current.CancellationToken))!.Status);

        await provider.Find("form").SubmitAsync();

        var result = await dialog.Result.WaitAsync(ComponentHarness.Wait, Xunit.TestContext.Current.CancellationToken);
        Assert.False(result!.Canceled);
        Assert.Equal(IncidentStatus.Resolved, (await _ui.Core.IncidentQueries.GetDetailAsync(_lead, _incident.Number, Xunit.TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task AnEmptyClosingUpdate_IsRefusedNextToTheField_AndNothingChanges()
    {
        var (provider, _) = await ShowAsync(IncidentStatus.Resolved);

        await provider.Find("[data-testid=closing-message]").InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "" });
        await provider.Find("form").SubmitAsync();

        provider.WaitForAssertion(() => Assert.Contains("Write the closing update: what fixed it and what happens next.", provider.Markup, StringComparison.Ordinal));
        Assert.Equal(IncidentStatus.Monitoring, (await _ui.Core.IncidentQueries.GetDetailAsync(_lead, _incident.Number, Xunit.TestContext.Current.CancellationToken))!.Status);
    }

    public async ValueTask DisposeAsync() => await _ui.DisposeAsync();
}
