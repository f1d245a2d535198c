using System.Net;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Slack;
using Microsoft.EntityFrameworkCore;
using static IncidentHub.Tests.TestSupport.SlackPayloads;

namespace IncidentHub.Tests.Web.Slack;

/// <summary>
/// POST /slack/events with signed payloads in Slack's own shapes: the right status every time, never a 500, and
/// every valid event applied to the timeline exactly once, whatever the retries, duplicates and order.
/// </summary>
public sealed class SlackEventsTests(SlackAppFixture fixture) : IClassFixture<SlackAppFixture>, IAsyncLifetime
{
    /// <summary>Ten minutes ago, to the microsecond (as precise as Slack's ts).</summary>
    private static readonly DateTimeOffset T0 = new((TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(10)).UtcTicks / 10 * 10, TimeSpan.Zero);
    private SlackApp _slack = null!;
    private TestUser _lead = null!;
    private DeclaredIncident _incident = null!;
    private string _channel = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string At(int seconds) => Ts(T0 + TimeSpan.FromSeconds(seconds));

    private int _inboxBefore;

    public async ValueTask InitializeAsync()
    {
        _slack = fixture.Slack;
        _lead = fixture.Lee;
        (_incident, _channel) = await _slack.DeclareWithChannelAsync(_lead, "Checkout failing");
        await _slack.InboxDrainedAsync();
        _inboxBefore = await _slack.QueryAsync(db => db.ChatInbox.CountAsync(Ct));
    }

    private async Task<HttpStatusCode> SendAsync(string body, int? retry = null) => (await _slack.Requests.EventAsync(body, retry, Ct)).StatusCode;

    private async Task<List<string>> TextsAsync()
    {
        await _slack.InboxDrainedAsync();
        return (await _slack.SlackEntriesAsync(_incident.Id)).Select(e => e.Text).ToList();
    }

    /// <summary>Events stored during this test.</summary>
    private async Task<int> InboxCountAsync() => await _slack.QueryAsync(db => db.ChatInbox.CountAsync(Ct)) - _inboxBefore;

    [Fact]
    public async Task UrlVerification_IsAnsweredWithTheChallenge()
    {
        var response = await _slack.Requests.EventAsync(UrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AMessage_AppearsOnTheTimeline_WithItsAuthorAndTime_AndAcknowledgedRetriesChangeNothing()
    {
        var eventId = NewEventId();
        var body = Envelope(Message(_channel, At(5), "U0LEE", "Rolled back &lt;the&gt; deploy"), eventId);

        var statuses = new[] { await SendAsync(body), await SendAsync(body, retry: 1), await SendAsync(body, retry: 2) };

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(["Rolled back <the> deploy"], await TextsAsync());
        var stored = Assert.Single(await _slack.SlackEntriesAsync(_incident.Id));
        Assert.Equal((_lead.Actor.UserId, "Lee Lead"), (stored.ActorId, stored.ActorName));
        Assert.Equal(T0 + TimeSpan.FromSeconds(5), stored.OccurredAt);
        Assert.Equal(1, await InboxCountAsync());
    }

    [Fact]
    public async Task AMessageWithCharactersXmlForbids_IsStoredClean_AndNothingBreaks()
    {
        // JSON carries them escaped; Slack delivers whatever people paste.
        var text = "Line one\u000bline two\u0000 and a bell\u0007.";
        var body = Envelope(Message(_channel, At(5), "U0LEE", text));

        Assert.Equal(HttpStatusCode.OK, await SendAsync(body));

        Assert.Equal(["Line one\nline two and a bell."], await TextsAsync());
        Assert.Equal(0, await _slack.QueryAsync(db => db.ChatInbox.CountAsync(i => i.Status == ChatInboxStatus.Failed, Ct)));
    }

    [Fact]
    public async Task ARetryThatIsTheOnlyCopyToArrive_IsNotDropped()
    {
        Assert.Equal(HttpStatusCode.OK, await SendAsync(Envelope(Message(_channel, At(5), "U0SLACK", "Only the retry got through")), retry: 3));

        Assert.Equal(["Only the retry got through"], await TextsAsync());
        Assert.Equal("Sam Slack", (await _slack.SlackEntriesAsync(_incident.Id)).Single().ActorName);
    }

    [Fact]
    public async Task TheSameMessageUnderTwoEventIds_IsRecordedOnce()
    {
        var message = Message(_channel, At(5), "U0SLACK", "Seen twice");

        await SendAsync(Envelope(message.DeepClone().AsObject()));
        await SendAsync(Envelope(message.DeepClone().AsObject()));

        Assert.Equal(["Seen twice"], await TextsAsync());
        Assert.Equal(2, await InboxCountAsync());
    }

    [Fact]
    public async Task ConcurrentDeliveriesOfOneEvent_AreStoredAndAppliedOnce()
    {
        var body = Envelope(Message(_channel, At(5), "U0SLACK", "Delivered five times at once"));

        var statuses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Task.Run(() => SendAsync(body, i == 0 ? null : i), Ct)));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(["Delivered five times at once"], await TextsAsync());
        Assert.Equal(1, await InboxCountAsync());
    }

    [Fact]
    public async Task ThreadRepliesAndBroadcasts_AreLinkedToTheirParent()
    {
        await SendAsync(Envelope(Message(_channel, At(5), "U0LEE", "Is it the CDN?")));
        await SendAsync(Envelope(Message(_channel, At(6), "U0SLACK", "No, origin only.", threadTs: At(5))));
        await SendAsync(Envelope(ThreadBroadcast(_channel, At(7), "U0SLACK", "Origin is fixed.", threadTs: At(5))));
        await _slack.InboxDrainedAsync();

        var page = await _slack.App.Get<IncidentQueries>().GetTimelineAsync(_incident.Id, cancellationToken: Ct);
        var parent = page.Items.Single(e => e.Text == "Is it the CDN?");
        Assert.Equal(parent.Id, page.Items.Single(e => e.Text == "No, origin only.").Chat!.ParentEntryId);
        Assert.Equal(parent.Id, page.Items.Single(e => e.Text == "Origin is fixed.").Chat!.ParentEntryId);
    }

    [Fact]
    public async Task EditsAndDeletions_AreReflected_EvenWhenTheEditArrivesFirst()
    {
        // The edit overtakes its message; bolt's fixture shape, without the edited message's own ts.
        await SendAsync(Envelope(MessageChanged(_channel, At(5), "U0SLACK", "Bad config in eu-west", At(9), "Looking at config", At(9), messageCarriesTs: false)));
        await SendAsync(Envelope(Message(_channel, At(5), "U0SLACK", "Looking at config")));
        await SendAsync(Envelope(Message(_channel, At(6), "U0SLACK", "password: hunter2")));
        await SendAsync(Envelope(MessageDeleted(_channel, At(6), "U0SLACK", "password: hunter2", At(8))));
        await _slack.InboxDrainedAsync();

        var page = await _slack.App.Get<IncidentQueries>().GetTimelineAsync(_incident.Id, cancellationToken: Ct);
        var edited = page.Items.Single(e => e.Text == "Bad config in eu-west");
        Assert.Equal(["Looking at config"], edited.Chat!.History.Select(h => h.Text));
        Assert.NotNull(edited.Chat.EditedAt);
        Assert.DoesNotContain(page.Items, e => e.Text.Contains("hunter2", StringComparison.Ordinal));
        Assert.Single(page.Items, e => e.Chat is { IsDeleted: true });
    }

    [Fact]
    public async Task PinsAndTheConfiguredReaction_MakeAKeyEvent_AndUndoingThemUndoesIt()
    {
        await SendAsync(Envelope(Message(_channel, At(5), "U0SLACK", "Root cause: expired cert")));
        async Task<bool> KeyEventAsync()
        {
            await _slack.InboxDrainedAsync();
            return (await _slack.SlackEntriesAsync(_incident.Id)).Single(e => e.Text == "Root cause: expired cert").IsHighlighted;
        }

        await SendAsync(Envelope(Reaction(true, _channel, At(5), "U0LEE", "thumbsup", At(10))));
        var otherReaction = await KeyEventAsync();
        await SendAsync(Envelope(Reaction(true, _channel, At(5), "U0LEE", "pushpin", At(11))));
        var reacted = await KeyEventAsync();
        await SendAsync(Envelope(Reaction(false, _channel, At(5), "U0LEE", "pushpin", At(12))));
        var unreacted = await KeyEventAsync();
        await SendAsync(Envelope(Pin(true, _channel, At(5), "U0SLACK", "Root cause: expired cert", "U0LEE", At(13))));
        var pinned = await KeyEventAsync();
        await SendAsync(Envelope(Pin(false, _channel, At(5), "U0SLACK", "Root cause: expired cert", "U0LEE", At(14))));

        Assert.Equal((false, true, false, true, false), (otherReaction, reacted, unreacted, pinned, await KeyEventAsync()));
    }

    [Fact]
    public async Task AReactionRemovalOvertakingItsAddition_LeavesNoKeyEvent()
    {
        await SendAsync(Envelope(Message(_channel, At(5), "U0SLACK", "Deploys frozen")));
        await SendAsync(Envelope(Reaction(false, _channel, At(5), "U0LEE", "pushpin", At(12))));
        await SendAsync(Envelope(Reaction(true, _channel, At(5), "U0LEE", "pushpin", At(11))));

        await _slack.InboxDrainedAsync();
        Assert.False((await _slack.SlackEntriesAsync(_incident.Id)).Single().IsHighlighted);
    }

    [Fact]
    public async Task AJoin_ReportedAsAnEventAndAsANotice_IsRecordedOnce()
    {
        await SendAsync(Envelope(MemberJoined(_channel, "U0SLACK", At(20))));
        await SendAsync(Envelope(ChannelJoin(_channel, "U0SLACK", At(20))));
        await SendAsync(Envelope(MemberJoined(_channel, FakeSlack.BotUserId, At(21))));

        Assert.Equal(["Sam Slack joined the channel."], await TextsAsync());
    }

    [Fact]
    public async Task BotsPosts_OursAndOthers_AreNotMirrored()
    {
        await SendAsync(Envelope(BotMessage(_channel, At(5), "Lee Lead posted an update", ours: true)));
        await SendAsync(Envelope(BotMessage(_channel, At(6), "Deploy finished")));
        await SendAsync(Envelope(ClassicBotMessage(_channel, At(7), "Alert: 5xx rate high")));

        Assert.Empty(await TextsAsync());
        Assert.Equal([ChatInboxStatus.Ignored, ChatInboxStatus.Ignored, ChatInboxStatus.Ignored],
            await _slack.QueryAsync(db => db.ChatInbox.OrderByDescending(i => i.Id).Take(3).Select(i => i.Status).ToListAsync(Ct)));
    }

    [Fact]
    public async Task ASharedImage_IsCopiedWithTheBotToken_AndATypeThatLiesIsRefused()
    {
        var png = IncidentHub.Tests.Core.Chat.ChatAttachmentServiceTests.Png;
        var url = _slack.Slack.AddFile("F0GRAPH", "graph.png", "image/png", png);
        var liar = _slack.Slack.AddFile("F0LIAR", "evil.png", "text/html", "<script>alert(1)</script>"u8.ToArray());

        await SendAsync(Envelope(FileShare(_channel, At(5), "U0SLACK", "Error graph", "F0GRAPH", "graph.png", "image/png", png.Length, url)));
        await SendAsync(Envelope(FileShare(_channel, At(6), "U0SLACK", "Another", "F0LIAR", "evil.png", "image/png", 30, liar)));
        await SendAsync(Envelope(FileShare(_channel, At(7), "U0SLACK", "Elsewhere", "F0AWAY", "x.png", "image/png", 30, "https://attacker.example/x.png")));

        await _slack.InboxDrainedAsync();
        await Eventually.TrueAsync(
            async () => await _slack.QueryAsync(db => db.ChatAttachments.CountAsync(a => a.IncidentId == _incident.Id && a.Status != ChatAttachmentStatus.Pending, Ct)) == 3,
            SlackApp.Wait, "the three images have been copied or refused");
        var attachments = await _slack.QueryAsync(db => db.ChatAttachments.Where(a => a.IncidentId == _incident.Id).OrderBy(a => a.ExternalId).ToListAsync(Ct));
        Assert.Equal(
            [("F0AWAY", ChatAttachmentStatus.Rejected), ("F0GRAPH", ChatAttachmentStatus.Stored), ("F0LIAR", ChatAttachmentStatus.Rejected)],
            attachments.Select(a => (a.ExternalId, a.Status)));
        Assert.All(_slack.Slack.Calls("files-pri"), c => Assert.True(c.Authorized));
        Assert.Equal(2, _slack.Slack.Calls("files-pri").Count);
        var stored = await _slack.App.Get<ChatAttachmentService>().GetContentAsync(IncidentHub.Core.Common.Actor.System, attachments[1].Id, Ct);
        Assert.Equal(png, stored!.Bytes);
    }

    [Fact]
    public async Task AMessageInAChannelOfNoIncident_IsIgnored()
    {
        Assert.Equal(HttpStatusCode.OK, await SendAsync(Envelope(Message("C0RANDOM", At(5), "U0SLACK", "lunch?"))));

        await _slack.InboxDrainedAsync();
        Assert.Empty(await _slack.SlackEntriesAsync(_incident.Id));
        Assert.Equal("not an incident channel", await _slack.QueryAsync(db => db.ChatInbox.OrderByDescending(i => i.Id).Select(i => i.Outcome).FirstAsync(Ct)));
    }

    [Theory]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"emoji_changed\",\"subtype\":\"add\"}}")]
    [InlineData("{\"type\":\"some_future_envelope\"}")]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev2\",\"event\":{\"type\":\"app_home_opened\",\"user\":\"U1\"}}")]
    public async Task UnknownTypes_AreAcknowledgedAndNotStored(string body)
    {
        Assert.Equal(HttpStatusCode.OK, await SendAsync(body));

        Assert.Equal(0, await InboxCountAsync());
    }

    [Theory]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev1\"", "not JSON")]
    [InlineData("[1,2,3]", "an array")]
    [InlineData("token=x&team_id=T1", "a form")]
    [InlineData("", "empty")]
    [InlineData("{\"type\":\"event_callback\",\"event\":{\"type\":\"message\"}}", "no event id")]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":\"message\"}", "an event that is not an object")]
    [InlineData("{\"type\":\"url_verification\"}", "no challenge")]
    public async Task MalformedBodies_AreBadRequests(string body, string what)
    {
        var status = await SendAsync(body);

        Assert.True(status == HttpStatusCode.BadRequest, $"{what}: {status}");
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task AnOversizedBody_IsRefusedBeforeItIsRead()
    {
        var body = Envelope(Message(_channel, At(5), "U0SLACK", new string('x', 300 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await SendAsync(body));
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task BadMissingOrStaleSignatures_AreUnauthorised_AndChangeNothing()
    {
        var body = Envelope(Message(_channel, At(5), "U0SLACK", "forged"));
        var now = TimeProvider.System.GetUtcNow();

        var statuses = new[]
        {
            (await _slack.Requests.SendAsync("/slack/events", body, "application/json", sign: false, cancellationToken: Ct)).StatusCode,
            (await _slack.Requests.SendAsync("/slack/events", body, "application/json", signature: "v0=" + new string('0', 64), cancellationToken: Ct)).StatusCode,
            (await _slack.Requests.SendAsync("/slack/events", body, "application/json", signedAt: now - TimeSpan.FromMinutes(6), cancellationToken: Ct)).StatusCode,
            (await _slack.Requests.SendAsync("/slack/events", body, "application/json", signedAt: now + TimeSpan.FromMinutes(6), cancellationToken: Ct)).StatusCode,
            (await new SlackRequests(_slack.App.CreateClient(), () => now, "another-secret").EventAsync(body, cancellationToken: Ct)).StatusCode,
            (await _slack.Requests.SendAsync("/slack/events", "{\"type\":\"url_verification\",\"challenge\":\"c\"}", "application/json", sign: false, cancellationToken: Ct)).StatusCode,
        };

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task RateLimitAndRevocationNotices_AreKeptForTheAdminPage()
    {
        Assert.Equal(HttpStatusCode.OK, await SendAsync(AppRateLimited(1_764_000_060)));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(Envelope(TokensRevoked())));
        await _slack.InboxDrainedAsync();

        var notices = await _slack.App.Get<SlackAdmin>().NoticesAsync(Ct);
        Assert.Equal(["tokens_revoked", "app_rate_limited"], notices.Select(n => n.Kind));
        Assert.Contains("revoked tokens on today", notices[0].Describe("on today"), StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
