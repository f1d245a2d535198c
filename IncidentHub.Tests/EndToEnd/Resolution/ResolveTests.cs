using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd.Resolution;

/// <summary>Resolving is a moment: one dialog with the closing update and everything still open.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ResolveTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly AppFactory _app = new(realServer: true);
    private TestUser _lead = null!;
    private int _payments;

    public async ValueTask InitializeAsync()
    {
        var admin = await _app.CompleteSetupAsync();
        _payments = await _app.Get<StatusComponentService>().SaveAsync(admin.Actor, new ComponentForm { Name = "Payments" });
        _lead = await _app.CreateUserAsync("Riley Chen", AppRole.Responder);
    }

    [Theory]
    [InlineData("status-menu", 1366)]
    [InlineData("update-box", 390)]
    public async Task ResolvingWithAnOpenActionAndALiveNotice_PublishesTheResolution_AndKeepsTheActionAsAFollowUp(string door, int width)
    {
        var incident = await _app.DeclareAsync(_lead, "Card payments failing for EU customers");
        var incidents = _app.Get<IncidentService>();
        await incidents.ChangeStatusAsync(_lead.Actor, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, TestContext.Current.CancellationToken);
        await _app.Get<ActionService>().AddAsync(_lead.Actor, incident.Id, new AddActionRequest { Title = "Rotate the gateway keys" }, TestContext.Current.CancellationToken);
        await _app.Get<PublicationService>().PublishAsync(_lead.Actor, incident.Id, new PublicNoticeForm
        {
            Title = "Some card payments are failing",
            Message = "We are working on a fix.",
            Status = PublicStatus.Investigating,
            Impacts = new Dictionary<int, ComponentState> { [_payments] = ComponentState.PartialOutage },
        }, TestContext.Current.CancellationToken);
        await using var riley = await BrowserSession.OpenAsync(browser, _app, width, 900);
        await riley.SignInAsync(_lead, $"/incidents/{incident.Number}");

        if (door == "status-menu")
        {
            await riley.TestId("change-status").ClickAsync();
            await riley.TestId("status-Resolved").ClickAsync();
            await riley.TestId("closing-message").FillAsync("Rolled back the gateway deploy.");
        }
        else
        {
            await riley.TestId("update-message").FillAsync("Rolled back the gateway deploy.");
            await riley.SelectAsync(riley.TestId("update-status"), "Resolved");
            await riley.TestId("post-update").ClickAsync();
            await Expect(riley.TestId("closing-message")).ToHaveValueAsync("Rolled back the gateway deploy.");
        }

        var dialog = riley.TestId("closing-dialog");
        await Expect(riley.TestId("closing-action")).ToContainTextAsync("Rotate the gateway keys");
        await Expect(riley.TestId("closing-notice")).ToContainTextAsync("Some card payments are failing");
        await Expect(riley.TestId("closing-notice-message")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("resolved"));
        await riley.ScreenshotAsync($"resolve-dialog-{width}");
        await LayoutProbe.AssertFitsAsync(riley.Page, $"the resolve dialog at {width} px");
        await riley.TestId("closing-submit").ClickAsync();

        await Expect(riley.TestId("status-chip").First).ToHaveTextAsync("Resolved");
        await Expect(riley.TestId("follow-ups-card").GetByTestId("follow-up-title")).ToHaveTextAsync("Rotate the gateway keys");
        var status = await _app.Get<StatusPageQueries>().GetSnapshotAsync(TestContext.Current.CancellationToken);
        Assert.Empty(status.Active);
        Assert.NotNull(dialog);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
