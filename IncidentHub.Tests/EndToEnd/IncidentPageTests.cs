using System.Globalization;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Roles;
using IncidentHub.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>The rest of running an incident in the browser: key times, actions, notes, notifications, signing out, races.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IncidentPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private readonly AppFactory _app = new(realServer: true);
    private TestUser _lead = null!;
    private TestUser _colleague = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        _lead = await _app.CreateUserAsync("Lee Lead", AppRole.Responder);
        _colleague = await _app.CreateUserAsync("Cal Colleague", AppRole.Responder);
    }

    [Fact]
    public async Task CorrectingWhenImpactStarted_ShowsTheTime_AndRecordsItOnTheTimeline()
    {
        var incident = await _app.DeclareAsync(_lead, "Uploads failing");
        var declared = (await _app.Get<IncidentQueries>().GetDetailAsync(incident.Number, TestContext.Current.CancellationToken))!.DeclaredAt;
        var impact = TimeZoneInfo.ConvertTime(declared - TimeSpan.FromMinutes(12), London);
        await using var me = await BrowserSession.OpenAsync(browser, _app);
        await me.SignInAsync(_lead, $"/incidents/{incident.Number}");

        await me.Page.Locator("[data-testid=key-time][data-which=ImpactStarted] [data-testid=correct-time]").ClickAsync();
        await me.TestId("correct-date").FillAsync(impact.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await me.TestId("correct-date").PressAsync("Tab");
        await me.TestId("correct-time-of-day").FillAsync(impact.ToString("HH:mm", CultureInfo.InvariantCulture));
        await me.TestId("correct-time-of-day").PressAsync("Tab");
        await me.TestId("correct-save").ClickAsync();

        var hhmm = impact.ToString("HH:mm", CultureInfo.InvariantCulture);
        await Expect(me.Page.Locator("[data-testid=key-time][data-which=ImpactStarted]")).ToContainTextAsync(hhmm);
        var entry = me.Page.Locator("[data-testid=timeline-entry][data-kind=TimestampCorrected]");
        await Expect(entry).ToContainTextAsync("Lee Lead corrected the time of the impact start.");
        await Expect(entry.GetByTestId("timeline-times")).ToContainTextAsync($"Set to {hhmm}");
        var saved = (await _app.Get<IncidentQueries>().GetDetailAsync(incident.Number, TestContext.Current.CancellationToken))!.ImpactStartedAt;
        Assert.Equal(new DateTimeOffset(impact.Year, impact.Month, impact.Day, impact.Hour, impact.Minute, 0, impact.Offset), saved);
    }

    [Fact]
    public async Task Actions_AndKeyEventNotes_WorkFromThePage()
    {
        var incident = await _app.DeclareAsync(_lead, "Uploads failing");
        await using var me = await BrowserSession.OpenAsync(browser, _app);
        await me.SignInAsync(_lead, $"/incidents/{incident.Number}");

        await me.TestId("action-title").FillAsync("Roll back the storage driver");
        await me.SelectAsync(me.TestId("action-owner"), _colleague.Name);
        await me.TestId("add-action").ClickAsync();
        var action = me.TestId("action-row").Filter(new() { HasText = "Roll back the storage driver" });
        await Expect(action).ToContainTextAsync(_colleague.Name);
        await action.GetByTestId("action-done").ClickAsync();
        await Expect(action).ToHaveAttributeAsync("data-status", "Done");

        await me.Page.GetByRole(Microsoft.Playwright.AriaRole.Tab, new() { Name = "Add a note" }).ClickAsync();
        await me.TestId("note-text").FillAsync("Driver 4.2 leaks file handles under load.");
        await me.TestId("note-highlight").CheckAsync();
        await me.TestId("add-note").ClickAsync();
        await me.TestId("key-events-only").ClickAsync();

        await Expect(me.TestId("timeline-text").Filter(new() { HasText = "Driver 4.2 leaks file handles" })).ToBeVisibleAsync();
        await Expect(me.TestId("timeline-text").Filter(new() { HasText = "added an action" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task GivenARole_TheBellAndASnackbarSaySo_AndOpeningItGoesToTheIncident()
    {
        var incident = await _app.DeclareAsync(_lead, "Uploads failing");
        await using var colleague = await BrowserSession.OpenAsync(browser, _app);
        await colleague.SignInAsync(_colleague, "/");

        var scribe = (await _app.Get<IncidentQueries>().GetDetailAsync(incident.Number, TestContext.Current.CancellationToken))!
            .Roles.Single(r => r.Kind == IncidentRoleKind.Scribe).RoleDefinitionId;
        await _app.Get<RoleAssignmentService>().AssignAsync(_lead.Actor, incident.Id, scribe, _colleague.Actor.UserId, null, TestContext.Current.CancellationToken);

        await Expect(colleague.Page.Locator(".mud-snackbar").Filter(new() { HasText = $"You are now the Scribe on {incident.Reference}" })).ToBeVisibleAsync();
        await Expect(colleague.TestId("notification-count").Locator(".mud-badge")).ToHaveTextAsync("1");
        await colleague.TestId("open-notifications").ClickAsync();
        await colleague.TestId("notification-item").First.ClickAsync();

        await Expect(colleague.Page).ToHaveURLAsync(colleague.Url($"/incidents/{incident.Number}"));
        await Expect(colleague.TestId("your-role")).ToContainTextAsync("You are the Scribe.");
        await Expect(colleague.TestId("notification-count").Locator(".mud-badge")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task SigningOut_FromTheAccountMenu_EndsTheSession()
    {
        await using var me = await BrowserSession.OpenAsync(browser, _app);
        await me.SignInAsync(_lead, "/");

        await me.TestId("user-menu").ClickAsync();
        await me.TestId("sign-out").ClickAsync();

        await Expect(me.Page).ToHaveURLAsync(me.Url("/account/login"));
        await me.Page.GotoAsync(me.Url("/incidents"));
        await Expect(me.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }

    [Fact]
    public async Task AnUpdateWhoseStatusChoiceWasOvertaken_IsNotPosted_KeepsItsText_AndCanBePostedAgain()
    {
        var incident = await _app.DeclareAsync(_lead, "Uploads failing");
        await _app.Get<IncidentService>().ChangeStatusAsync(_lead.Actor, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, TestContext.Current.CancellationToken);
        await using var writer = await BrowserSession.OpenAsync(browser, _app);
        await writer.SignInAsync(_colleague, $"/incidents/{incident.Number}");
        await writer.TestId("update-message").FillAsync("Deploying the driver rollback now.");
        await writer.SelectAsync(writer.TestId("update-status"), "Move to Fixing");

        await _app.Get<IncidentService>().ChangeStatusAsync(_lead.Actor, incident.Id, IncidentStatus.Investigating, IncidentStatus.Monitoring, TestContext.Current.CancellationToken);
        await Expect(writer.TestId("status-chip").First).ToHaveTextAsync("Monitoring");
        await writer.TestId("post-update").ClickAsync();

        await Expect(writer.Page.GetByText("Someone else moved the incident to Monitoring while you were writing")).ToBeVisibleAsync();
        await Expect(writer.TestId("update-message")).ToHaveValueAsync("Deploying the driver rollback now.");
        await Expect(writer.TestId("status-chip").First).ToHaveTextAsync("Monitoring");

        await writer.TestId("post-update").ClickAsync();
        await Expect(writer.TestId("timeline-text").Filter(new() { HasText = "Deploying the driver rollback now." })).ToBeVisibleAsync();
        await Expect(writer.TestId("status-chip").First).ToHaveTextAsync("Monitoring");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
