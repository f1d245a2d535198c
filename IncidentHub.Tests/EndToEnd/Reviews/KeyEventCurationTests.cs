using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd.Reviews;

/// <summary>Writers star and reword key events for the review, live in other browsers; the incident's timeline is untouched.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyEventCurationTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Note = "Rolled back deploy 4512 after the card-token cache filled (Wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww).";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly AppFactory _app = new(realServer: true);
    private TestUser _lead = null!;
    private TestUser _sam = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        _lead = await _app.CreateUserAsync("Riley Chen", AppRole.Responder);
        _sam = await _app.CreateUserAsync("Sam Okafor", AppRole.Responder);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static ILocator Row(BrowserSession session, long entryId) =>
        session.Page.Locator($"[data-testid=review-key-event][data-entry=\"{entryId}\"]");

    [Fact]
    public async Task AWriterStarsAndRewordsAnEntryForTheReview_AnotherSeesItLive_AndTheTimelineSectionIsRebuiltFromIt()
    {
        var incident = await _app.DeclareAsync(_lead, "Checkout failing for EU cards");
        var noteId = await _app.Get<TimelineService>().AddNoteAsync(_lead.Actor, incident.Id, new AddNoteRequest { Text = Note }, Ct);
        var service = _app.Get<IncidentService>();
        await service.ChangeStatusAsync(_lead.Actor, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, Ct);
        await service.ChangeStatusAsync(_lead.Actor, incident.Id, IncidentStatus.Investigating, IncidentStatus.Resolved, Ct);
        await using var riley = await BrowserSession.OpenAsync(browser, _app, 1366, 900);
        await using var sam = await BrowserSession.OpenAsync(browser, _app, 390, 844);
        var review = $"/incidents/{incident.Number}/review";
        await riley.SignInAsync(_lead, review);
        await riley.TestId("review-start").ClickAsync();
        await Expect(riley.TestId("review-key-events")).ToContainTextAsync("resolved the incident");
        await sam.SignInAsync(_sam, review);

        await riley.TestId("review-key-events-show-all").ClickAsync();
        var star = Row(riley, noteId).GetByRole(AriaRole.Button, new() { Name = "Star for the review: Rolled back deploy 4512" });
        await star.ClickAsync();
        await Expect(riley.TestId("review-key-events").Locator($"[data-entry=\"{noteId}\"]")).ToContainTextAsync("Starred for the review only");

        await Row(riley, noteId).GetByTestId("review-key-event-reword").ClickAsync();
        await Row(riley, noteId).GetByTestId("review-key-event-text").FillAsync("We rolled back the faulty payments deploy.");
        await riley.ScreenshotAsync("review-key-event-reword-1366");
        await Row(riley, noteId).GetByTestId("review-key-event-save").ClickAsync();

        await Expect(Row(riley, noteId).GetByTestId("review-key-event-text-shown")).ToHaveTextAsync("We rolled back the faulty payments deploy.");
        await Expect(Row(sam, noteId).GetByTestId("review-key-event-text-shown")).ToHaveTextAsync("We rolled back the faulty payments deploy.");
        await Expect(Row(sam, noteId).GetByTestId("review-key-event-original-text")).ToContainTextAsync("Rolled back deploy 4512");
        await sam.ScreenshotAsync("review-key-events-390");

        var timeline = riley.Page.Locator("[data-testid=review-section][data-title=\"Timeline\"]");
        await timeline.GetByTestId("section-edit").ClickAsync();
        await timeline.GetByTestId("section-rebuild").ClickAsync();
        await Expect(timeline.GetByTestId("section-rebuilt")).ToBeVisibleAsync();
        await Expect(timeline.GetByTestId("section-preview")).ToContainTextAsync("We rolled back the faulty payments deploy.");
        await timeline.GetByTestId("section-save").ClickAsync();
        await Expect(sam.Page.Locator("[data-testid=review-section][data-title=\"Timeline\"] [data-testid=section-body]"))
            .ToContainTextAsync("We rolled back the faulty payments deploy.");

        // The incident's own record did not change: the note keeps its words and is no key event on the incident's timeline.
        await using var db = await _app.Get<IDbContextFactory<IncidentHub.Core.Data.IncidentHubDbContext>>().CreateDbContextAsync(Ct);
        var entry = await db.TimelineEntries.AsNoTracking().SingleAsync(e => e.Id == noteId, Ct);
        Assert.Equal(Note, entry.Text);
        Assert.False(entry.IsHighlighted);
    }
}
