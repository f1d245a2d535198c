using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>/admin/slack as an admin sees it: connected or how to connect, missing scopes, the outbox and its retry, a test message.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SlackAdminPageTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithoutSlack_ThePageExplainsHowToConnect_AndOffersTheManifest()
    {
        await using var app = new AppFactory(realServer: true);
        var admin = await app.CompleteSetupAsync();
        await using var page = await BrowserSession.OpenAsync(browser, app);

        await page.SignInAsync(admin, "/admin/slack");

        await Expect(page.TestId("slack-not-configured")).ToContainTextAsync("Slack is not connected.");
        await Expect(page.TestId("slack-request-url").First).ToHaveTextAsync($"{app.ServerAddress.ToString().TrimEnd('/')}/slack/commands");
        await Expect(page.TestId("slack-manifest-json")).ToContainTextAsync("\"should_escape\": true");
        await Expect(page.TestId("slack-outbox")).ToHaveCountAsync(0);
        await Expect(page.TestId("slack-test-message")).ToHaveCountAsync(0);
        // The address shown is this machine's, over plain HTTP: said plainly, with the setting that fixes it.
        await Expect(page.TestId("slack-url-warning")).ToContainTextAsync("is not a public HTTPS address (it is this machine's own address, and it is not HTTPS)");
        await Expect(page.TestId("slack-url-warning")).ToContainTextAsync("IncidentHub__PublicUrl=https://incidents.example.com");
        await page.ScreenshotAsync("slack-admin-01-not-connected");
    }

    [Fact]
    public async Task WithAPublicHttpsAddress_TheRequestUrlsUseIt_AndNothingWarns()
    {
        await using var app = new AppFactory(realServer: true, settings: new Dictionary<string, string?> { ["IncidentHub:PublicUrl"] = "https://incidents.example.com" });
        var admin = await app.CompleteSetupAsync();
        await using var page = await BrowserSession.OpenAsync(browser, app);

        await page.SignInAsync(admin, "/admin/slack");

        await Expect(page.TestId("slack-request-url").First).ToHaveTextAsync("https://incidents.example.com/slack/commands");
        await Expect(page.TestId("slack-url-warning")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Connected_ThePageSaysToWhich_NamesMissingScopes_RetriesAFailedCall_AndSendsATestMessage()
    {
        await using var slack = await SlackApp.StartAsync(realServer: true);
        slack.Slack.Scopes = FakeSlack.AllScopes.Replace(",files:read", "", StringComparison.Ordinal);
        var lee = await slack.PersonAsync("Lee Lead", AppRole.Responder, "U0LEE");
        var (incident, channel) = await slack.DeclareWithChannelAsync(lee, "Checkout failing");
        await slack.OutboxDrainedAsync();
        slack.Slack.FailNext("chat.postMessage", "msg_too_long");
        await slack.App.Get<UpdateService>().PostUpdateAsync(lee.Actor, incident.Id, new PostUpdateRequest { Message = "Refused the first time" }, Ct);
        await slack.OutboxDrainedAsync();
        await using var page = await BrowserSession.OpenAsync(browser, slack.App);

        await page.SignInAsync(slack.Admin, "/admin/slack");

        await Expect(page.TestId("slack-connected")).ToContainTextAsync("Connected to Fake Workspace as incidenthub");
        await Expect(page.TestId("missing-scope")).ToHaveCountAsync(1);
        await Expect(page.TestId("missing-scope")).ToContainTextAsync("files:read: copying images shared in incident channels");
        var failed = page.Page.Locator("[data-testid=outbox-row][data-status=Failed]");
        await Expect(failed).ToContainTextAsync("chat.postMessage: msg_too_long");
        await page.ScreenshotAsync("slack-admin-02-connected");

        await failed.GetByTestId("outbox-retry").ClickAsync();
        // The click is handled on the server after Playwright returns: wait until the retry is queued, then for the drain.
        await Expect(page.Page.Locator(".mud-snackbar").Filter(new() { HasText = "Retrying." })).ToBeVisibleAsync();
        await slack.OutboxDrainedAsync();
        await page.TestId("outbox-refresh").ClickAsync();
        await Expect(page.TestId("outbox-empty")).ToBeVisibleAsync();
        Assert.Contains(slack.Slack.Messages(channel), m => m.Text.Contains("Refused the first time", StringComparison.Ordinal));

        await page.TestId("slack-test-message").ClickAsync();
        await Eventually.TrueAsync(() => Task.FromResult(slack.Slack.Messages("C0ANNOUNCE").Any(m => m.Text.Contains("Test message from IncidentHub", StringComparison.Ordinal))),
            SlackApp.Wait, "the test message is in the announcements channel");

        await using var phone = await BrowserSession.OpenAsync(browser, slack.App, width: 390, height: 844);
        await phone.SignInAsync(slack.Admin, "/admin/slack");
        await Expect(phone.TestId("slack-connected")).ToBeVisibleAsync();
        await phone.ScreenshotAsync("slack-admin-03-phone");
    }
}
