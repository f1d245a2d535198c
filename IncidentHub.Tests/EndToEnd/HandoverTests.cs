using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>
/// Handing over the lead is a conversation, in two browsers: the lead writes a note; the incoming lead sees it live
/// with the open actions and the next update's due time and says "I have it"; until then both see it pending.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HandoverTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string LongNote =
        "Rolled back the gateway deploy at 14:05; EU card errors are down from 40% to 3% but not gone. Waiting on the database team about replica lag " +
        "(ticket DBA-1234). Next: confirm with payments-oncall whether the retry storm is over. " +
        "https://grafana.example.test/d/payments-overview/aVeryLongDashboardPathWithoutAnyBreakingCharactersAtAll_0123456789";

    private readonly AppFactory _app = new(realServer: true);
    private TestUser _riley = null!;
    private TestUser _sam = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        _riley = await _app.CreateUserAsync("Riley Chen", AppRole.Responder);
        _sam = await _app.CreateUserAsync("Sam Okafor", AppRole.Responder);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheLeadHandsOverWithANote_TheIncomingLeadSeesItLive_AndTakesItWithIHaveIt()
    {
        var incident = await _app.DeclareAsync(_riley, "Checkout payments failing");
        await _app.Get<ActionService>().AddAsync(_riley.Actor, incident.Id, new AddActionRequest { Title = "Page the database team about replica lag" }, TestContext.Current.CancellationToken);
        await using var riley = await BrowserSession.OpenAsync(browser, _app, width: 1366, height: 900);
        await using var sam = await BrowserSession.OpenAsync(browser, _app, width: 390, height: 844);
        await riley.SignInAsync(_riley, then: $"/incidents/{incident.Number}");
        await sam.SignInAsync(_sam, then: $"/incidents/{incident.Number}");
        await Expect(sam.TestId("fact-lead")).ToHaveTextAsync(_riley.Name);

        await riley.Page.Locator("[data-testid=role-row][data-role='Incident Lead'] [data-testid=assign-role]").ClickAsync();
        await riley.SelectAsync(riley.TestId("assign-person"), _sam.Name);
        await riley.TestId("assign-submit").ClickAsync();
        // No note: Core's words, under the field, and the dialog stays open with the choice kept.
        await Expect(riley.Page.GetByText("Write a short note for Sam Okafor")).ToBeVisibleAsync();
        await riley.TestId("handover-note").FillAsync(LongNote);
        await riley.ScreenshotAsync("handover-01-dialog-1366");
        await riley.TestId("assign-submit").ClickAsync();

        // The lead still leads and sees the offer pending.
        await Expect(riley.TestId("handover-pending")).ToContainTextAsync("Riley Chen asked Sam Okafor to take the lead");
        await Expect(riley.TestId("fact-lead")).ToHaveTextAsync(_riley.Name);
        await Expect(riley.TestId("timeline-text").Filter(new() { HasText = "asked Sam Okafor to take the lead" })).ToBeVisibleAsync();

        // The incoming lead's open page shows the note, the open actions and the next update, live.
        var incoming = sam.TestId("handover-incoming");
        await Expect(incoming).ToBeVisibleAsync();
        await Expect(sam.TestId("handover-note-text")).ToHaveTextAsync(LongNote);
        await Expect(sam.TestId("handover-actions")).ToContainTextAsync("Page the database team about replica lag");
        await Expect(sam.TestId("handover-due")).ToContainTextAsync("due");
        await sam.ScreenshotAsync("handover-02-incoming-390");
        var overflow = await sam.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "The hand-over banner made the 390 px page scroll sideways.");

        await sam.TestId("handover-accept").ClickAsync();

        await Expect(sam.TestId("fact-lead")).ToHaveTextAsync(_sam.Name);
        await Expect(sam.TestId("handover-incoming")).ToHaveCountAsync(0);
        await Expect(riley.TestId("fact-lead")).ToHaveTextAsync(_sam.Name);
        await Expect(riley.TestId("handover-pending")).ToHaveCountAsync(0);
        await Expect(riley.TestId("timeline-text").Filter(new() { HasText = "Sam Okafor took the lead from Riley Chen" })).ToBeVisibleAsync();
        await riley.ScreenshotAsync("handover-03-accepted-1366");
    }

    [Fact]
    public async Task TheIncomingLeadSaysNotNow_AndTheLeadSeesItOnTheTimeline()
    {
        var incident = await _app.DeclareAsync(_riley, "Search is slow");
        await _app.Get<IncidentHub.Core.Roles.RoleAssignmentService>().OfferLeadAsync(_riley.Actor, incident.Id,
            new IncidentHub.Core.Roles.OfferLeadRequest { UserId = _sam.Actor.UserId, Note = "Going off shift." }, _riley.Actor.UserId, TestContext.Current.CancellationToken);
        await using var riley = await BrowserSession.OpenAsync(browser, _app);
        await using var sam = await BrowserSession.OpenAsync(browser, _app);
        await riley.SignInAsync(_riley, then: $"/incidents/{incident.Number}");
        await sam.SignInAsync(_sam, then: $"/incidents/{incident.Number}");
        await Expect(riley.TestId("handover-pending")).ToBeVisibleAsync();
        await Expect(sam.TestId("handover-decline")).ToHaveAttributeAsync("aria-label", "Not now: leave the lead with Riley Chen");

        await sam.TestId("handover-decline").ClickAsync();

        await Expect(riley.TestId("handover-pending")).ToHaveCountAsync(0);
        await Expect(riley.TestId("timeline-text").Filter(new() { HasText = "Sam Okafor did not take the lead; Riley Chen still leads." })).ToBeVisibleAsync();
        await Expect(sam.TestId("fact-lead")).ToHaveTextAsync(_riley.Name);
    }
}
