using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>
/// The public page as a customer reads it: uptime by the minute with the rule said, each day's incidents on its bar
/// (by pointer or keyboard), and "started" from when customers were first affected.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StatusPageHistoryTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 24, 23, 50, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Evening);
    private AppFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new AppFactory(realServer: true, time: _clock);
        var admin = (await _app.CompleteSetupAsync()).Actor;
        var components = _app.Get<StatusComponentService>();
        var api = await components.SaveAsync(admin, new ComponentForm { Name = "API", Description = "Public REST API" });
        var payments = await components.SaveAsync(admin, new ComponentForm { Name = "Payments" });
        var publish = _app.Get<PublicationService>();
        var severities = await _app.Get<IncidentQueries>().GetSeveritiesAsync();
        var incidents = _app.Get<IncidentService>();

        var cards = await incidents.DeclareAsync(admin, new DeclareIncidentRequest { Name = "Card payments failing", SeverityId = severities[0].Id });
        await incidents.CorrectTimestampAsync(admin, cards.Id, IncidentTimestamp.ImpactStarted, null, Evening.AddMinutes(-20));
        await publish.PublishAsync(admin, cards.Id, new PublicNoticeForm
        {
            Title = "Some card payments fail",
            Message = "Some card payments fail at checkout.",
            Impacts = new Dictionary<int, ComponentState> { [payments] = ComponentState.PartialOutage },
        });
        _clock.Advance(TimeSpan.FromMinutes(17));
        await publish.PublishAsync(admin, cards.Id, new PublicNoticeForm { Title = "Some card payments fail", Message = "Fixed.", Status = PublicStatus.Resolved });

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        var down = await incidents.DeclareAsync(admin, new DeclareIncidentRequest { Name = "API returns 500", SeverityId = severities[0].Id });
        await publish.PublishAsync(admin, down.Id, new PublicNoticeForm
        {
            Title = "API unavailable",
            Message = "The API answers with errors.",
            Impacts = new Dictionary<int, ComponentState> { [api] = ComponentState.MajorOutage },
        });
        _clock.Advance(TimeSpan.FromMinutes(50));
        await publish.PublishAsync(admin, down.Id, new PublicNoticeForm { Title = "API unavailable", Message = "Working again.", Status = PublicStatus.Resolved });
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task Uptime_IsCountedByTheMinute_WithTheRuleSaid_AndEachDaysIncidentsOnItsBar(int width)
    {
        await using var session = await BrowserSession.OpenAsync(browser, _app, width: width, height: 900);
        var page = session.Page;
        await page.GotoAsync(session.Url("/status"));

        var apiCard = session.TestId("status-component").Filter(new() { HasText = "Public REST API" });
        var paymentsCard = session.TestId("status-component").Filter(new() { HasText = "Payments" });
        await Expect(apiCard.GetByTestId("status-uptime")).ToHaveTextAsync("99.96% uptime");
        await Expect(paymentsCard.GetByTestId("status-uptime")).ToHaveTextAsync("99.99% uptime");
        await Expect(session.TestId("uptime-rule")).ToContainTextAsync("a major outage in full, a partial outage as 30% of its minutes");
        await Expect(session.TestId("status-incident").Filter(new() { HasText = "Some card payments fail" }).GetByTestId("status-incident-times"))
            .ToContainTextAsync("Started 24 Nov 2026, 23:30 UTC · resolved 25 Nov 2026, 00:07 UTC");

        // The keyboard reaches the days that have something to tell; each says its minutes and its incidents.
        var yesterday = paymentsCard.Locator("[data-testid=status-day][data-day='2026-11-24']");
        await yesterday.FocusAsync();
        await Expect(yesterday.Locator(".st-tip")).ToBeVisibleAsync();
        await Expect(yesterday).ToContainTextAsync("Partial outage: 10 min");
        await Expect(yesterday.GetByTestId("status-day-incident")).ToHaveTextAsync("Some card payments fail");
        await Expect(paymentsCard.Locator("[data-testid=status-day][data-day='2026-11-25']")).ToContainTextAsync("Partial outage: 7 min");
        await Expect(apiCard.Locator("[data-testid=status-day][data-day='2026-11-25']")).ToContainTextAsync("Major outage: 50 min");
        await Expect(apiCard.Locator("[data-testid=status-day]")).ToHaveCountAsync(1);
        await session.ScreenshotAsync($"status-uptime-{width}");
        await LayoutProbe.AssertFitsAsync(page, $"the status page at {width} px with a day's details open");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
