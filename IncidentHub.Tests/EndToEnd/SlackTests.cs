using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Tests.TestSupport;
using static IncidentHub.Tests.TestSupport.SlackPayloads;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>Slack and the browser on the same incident: what is said in Slack appears live, what is done here reaches Slack.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SlackTests(BrowserFixture browser) : IAsyncLifetime
{
    private SlackApp _slack = null!;
    private TestUser _lee = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _slack = await SlackApp.StartAsync(realServer: true);
        _lee = await _slack.PersonAsync("Lee Lead", AppRole.Responder, "U0LEE");
        _slack.Slack.AddUser("U0SAM", "Sam Slack", "sam@elsewhere.example");
    }

    [Fact]
    public async Task WhatIsSaidInSlack_AppearsInAnOpenIncidentPage_WithoutReload()
    {
        var (incident, channel) = await _slack.DeclareWithChannelAsync(_lee, "Checkout failing");
        await using var page = await BrowserSession.OpenAsync(browser, _slack.App);
        await page.SignInAsync(_lee, $"/incidents/{incident.Number}");
        await page.Page.EvaluateAsync("() => window.__noReload = 'still here'");
        var now = TimeProvider.System.GetUtcNow();
        string At(int seconds) => Ts(now - TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(seconds));

        await _slack.Requests.EventAsync(Envelope(Message(channel, At(0), "U0SAM", "Error rate is spiking in eu-west")), cancellationToken: Ct);

        var message = page.TestId("timeline-entry").Filter(new() { HasText = "Error rate is spiking in eu-west" });
        await Expect(message).ToBeVisibleAsync();
        await Expect(message).ToContainTextAsync("Sam Slack");
        await Expect(message).ToContainTextAsync("Slack");

        await _slack.Requests.EventAsync(Envelope(Message(channel, At(5), "U0LEE", "Rolling back 4.2 now", threadTs: At(0))), cancellationToken: Ct);
        await _slack.Requests.EventAsync(Envelope(MessageChanged(channel, At(0), "U0SAM", "Error rate is spiking in eu-west and us-east", At(10), "Error rate is spiking in eu-west", At(10))), cancellationToken: Ct);
        await _slack.Requests.EventAsync(Envelope(Reaction(true, channel, At(0), "U0LEE", "pushpin", At(11))), cancellationToken: Ct);

        var reply = page.TestId("timeline-entry").Filter(new() { HasText = "Rolling back 4.2 now" });
        await Expect(reply.GetByTestId("chat-thread")).ToContainTextAsync("Reply to Sam Slack: “Error rate is spiking in eu-west");
        var edited = page.TestId("timeline-entry").Filter(new() { Has = page.TestId("timeline-text").Filter(new() { HasText = "and us-east" }) });
        await Expect(edited).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ih-highlight"));
        await edited.GetByTestId("chat-edited").ClickAsync();
        await Expect(edited.GetByTestId("chat-history")).ToContainTextAsync("Error rate is spiking in eu-west");
        Assert.Equal("still here", await page.Page.EvaluateAsync<string>("() => window.__noReload"));
        await page.ScreenshotAsync("slack-01-mirrored");
    }

    [Fact]
    public async Task AnUpdatePostedInTheBrowser_ReachesTheSlackChannel()
    {
        var (incident, channel) = await _slack.DeclareWithChannelAsync(_lee, "Checkout failing");
        await using var page = await BrowserSession.OpenAsync(browser, _slack.App);
        await page.SignInAsync(_lee, $"/incidents/{incident.Number}");

        await page.TestId("update-message").FillAsync("Payments provider confirmed the outage; failover in progress.");
        await page.TestId("post-update").ClickAsync();

        await Eventually.TrueAsync(
            () => Task.FromResult(_slack.Slack.Messages(channel).Any(m => m.Text.Contains("Payments provider confirmed the outage; failover in progress.", StringComparison.Ordinal))),
            SlackApp.Wait, "the update is in the Slack channel");
        Assert.Equal("*Lee Lead posted an update*\nPayments provider confirmed the outage; failover in progress.\n_Triage · Major_", _slack.Slack.Messages(channel)[^1].Text);
    }

    [Fact]
    public async Task WithSlackDown_AnIncidentIsDeclaredAndRun_AndWhenSlackIsBack_OneChannelGetsTheBacklogOnceInOrder()
    {
        await _slack.Slack.GoDownAsync();
        await using var page = await BrowserSession.OpenAsync(browser, _slack.App);
        await page.SignInAsync(_lee, "/");

        await page.TestId("declare-incident").ClickAsync();
        await page.TestId("declare-name").FillAsync("Login outage");
        await page.Page.GetByText("Critical", new() { Exact = true }).ClickAsync();
        await page.TestId("declare-submit").ClickAsync();
        await Expect(page.TestId("status-chip").First).ToHaveTextAsync("Triage");
        await page.TestId("update-message").FillAsync("SSO provider returns 502s.");
        await page.TestId("post-update").ClickAsync();
        await Expect(page.TestId("timeline-text").Filter(new() { HasText = "SSO provider returns 502s." })).ToBeVisibleAsync();
        await page.TestId("change-status").ClickAsync();
        await page.TestId("status-Investigating").ClickAsync();
        await Expect(page.TestId("status-chip").First).ToHaveTextAsync("Investigating");
        await page.TestId("update-message").FillAsync("Failing over to the secondary IdP.");
        await page.TestId("post-update").ClickAsync();
        await Expect(page.TestId("timeline-text").Filter(new() { HasText = "Failing over" })).ToBeVisibleAsync();

        // Nothing reached Slack, and nothing was lost: it all waits in the outbox.
        Assert.Null(_slack.Slack.ChannelNamed("inc-1-login-outage"));
        Assert.True(await _slack.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ChatOutbox, Ct)) >= 8);

        await _slack.Slack.ComeBackAsync();
        await _slack.OutboxDrainedAsync();

        var channels = _slack.Slack.Channels().Where(c => c.Name.StartsWith("inc-1", StringComparison.Ordinal)).ToList();
        var channel = Assert.Single(channels);
        Assert.Equal(
            [
                "*INC-1 declared: Login outage*",
                "*Lee Lead posted an update*",
                "*Lee Lead accepted the incident as Investigating.*",
                "*Lee Lead posted an update*",
            ],
            channel.Messages.Select(m => m.Text.Split('\n')[0]));
        Assert.Equal(["SSO provider returns 502s.", "Failing over to the secondary IdP."], channel.Messages.Where(m => m.Text.Contains("posted an update", StringComparison.Ordinal)).Select(m => m.Text.Split('\n')[1]));
        Assert.Single(_slack.Slack.Messages("C0ANNOUNCE"));
        Assert.Contains("U0LEE", channel.Members);
    }

    public async ValueTask DisposeAsync() => await _slack.DisposeAsync();
}
