using IncidentHub.Core.Chat;
using IncidentHub.Core.Chat.Outbox;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.Core.Chat;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Slack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Tests.Web.Slack;

/// <summary>What happens in IncidentHub reaches Slack through the outbox: once, in order, within Slack's limits.</summary>
public sealed class SlackOutboxTests : IAsyncDisposable
{
    private SlackApp _slack = null!;
    private TestUser _lee = null!;
    private TestUser _sam = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? announcements = "C0ANNOUNCE")
    {
        _slack = await SlackApp.StartAsync(settings: settings, services: services, announcements: announcements);
        _lee = await _slack.PersonAsync("Lee Lead", AppRole.Responder, "U0LEE");
        _sam = await _slack.PersonAsync("Sam Okafor", AppRole.Responder, "U0SAM");
    }

    /// <summary>The mrkdwn text of a message's blocks.</summary>
    private static string BlocksText(FakeSlack.MessageView message) =>
        string.Join('\n', System.Text.Json.Nodes.JsonNode.Parse(message.Blocks!)!.AsArray()
            .Select(b => b!["text"]?["text"]?.GetValue<string>() ?? string.Join(' ', b["elements"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()))));

    private IReadOnlyList<string> Texts(string channelId) => _slack.Slack.Messages(channelId).Select(m => m.Text).ToList();

    private Task PostUpdateAsync(DeclaredIncident incident, string message, IncidentStatus? status = null) =>
        _slack.App.Get<UpdateService>().PostUpdateAsync(_lee.Actor, incident.Id, new PostUpdateRequest { Message = message, NewStatus = status }, Ct);

    [Fact]
    public async Task Declaring_MakesOneChannel_WithItsTopicAndPeople_AFirstPost_AndAnAnnouncement()
    {
        await StartAsync();

        var (incident, channelId) = await _slack.DeclareWithChannelAsync(_lee, "Checkout failing", lead: _sam);
        await _slack.OutboxDrainedAsync();

        var channel = _slack.Slack.Channel(channelId)!;
        Assert.Equal(("inc-1-checkout-failing", false, "INC-1: Checkout failing"), (channel.Name, channel.IsPrivate, channel.Topic));
        Assert.Equal(new HashSet<string> { FakeSlack.BotUserId, "U0LEE", "U0SAM" }, channel.Members);
        var first = Assert.Single(channel.Messages);
        Assert.StartsWith("*INC-1 declared: Checkout failing*", first.Text, StringComparison.Ordinal);
        var announcement = Assert.Single(_slack.Slack.Messages("C0ANNOUNCE"));
        Assert.Contains($"Join <#{channelId}>", BlocksText(announcement), StringComparison.Ordinal);
        Assert.Contains("Lead *Sam Okafor*", BlocksText(announcement), StringComparison.Ordinal);
        Assert.Single(_slack.Slack.Calls("conversations.create"));
        var link = (await _slack.App.Get<ChatChannelService>().GetAsync(incident.Id, Ct))!;
        Assert.Equal(("C0ANNOUNCE", announcement.Ts), (link.AnnouncementChannelId, link.AnnouncementMessageId));
    }

    [Fact]
    public async Task ChangesInIncidentHub_ArePostedInOrder_AndTheAnnouncementKeptCurrent()
    {
        await StartAsync();
        var (incident, channelId) = await _slack.DeclareWithChannelAsync(_lee, "Checkout failing");

        await PostUpdateAsync(incident, "Found a bad deploy.");
        await _slack.App.Get<IncidentService>().ChangeStatusAsync(_lee.Actor, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, Ct);
        var critical = (await _slack.App.Get<IncidentQueries>().GetSeveritiesAsync(cancellationToken: Ct)).Single(s => s.Name == "Critical");
        await _slack.App.Get<IncidentService>().ChangeSeverityAsync(_lee.Actor, incident.Id, (await _slack.App.Get<IncidentQueries>().GetDetailAsync(1, Ct))!.Severity.Id, critical.Id, Ct);
        await PostUpdateAsync(incident, "Rolling back.");
        await _slack.OutboxDrainedAsync();

        Assert.StartsWith("*INC-1 declared: Checkout failing*\n", Texts(channelId)[0], StringComparison.Ordinal);
        Assert.Equal(
            [
                "*Lee Lead posted an update*\nFound a bad deploy.\n_Triage · Major_",
                "*Lee Lead accepted the incident as Investigating.*\n_Triage → Investigating_",
                "*Lee Lead raised the severity to Critical.*\n_Major → Critical_",
                "*Lee Lead posted an update*\nRolling back.\n_Investigating · Critical_",
            ],
            Texts(channelId).Skip(1));
        var announcement = Assert.Single(_slack.Slack.Messages("C0ANNOUNCE"));
        Assert.Contains("Status *Investigating* · Severity *Critical*", BlocksText(announcement), StringComparison.Ordinal);
        Assert.InRange(announcement.Edits, 1, 2);
    }

    [Fact]
    public async Task ARateLimit_IsWaitedOut_AndEveryPostStillGoesOutOnceInOrder()
    {
        await StartAsync();
        var (incident, channelId) = await _slack.DeclareWithChannelAsync(_lee, "Checkout failing");
        await _slack.OutboxDrainedAsync();
        _slack.Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 1, times: 2);

        for (var i = 1; i <= 3; i++)
        {
            await PostUpdateAsync(incident, $"Update {i}");
        }

        await _slack.OutboxDrainedAsync();
        Assert.Equal(["Update 1", "Update 2", "Update 3"], Texts(channelId).Skip(1).Select(t => t.Split('\n')[1]));
        Assert.Equal(1 + 2 + 3, _slack.Slack.Calls("chat.postMessage").Count(c => c["channel"] == channelId));
    }

    [Fact]
    public async Task ARateLimitThatNeverEnds_FailsTheCallAfterItsTries_AndTheAdminPageCanRetryIt()
    {
        await StartAsync(settings: new Dictionary<string, string?> { ["Slack:MaxRetryAfterSeconds"] = "0.05" });
        var (incident, channelId) = await _slack.DeclareWithChannelAsync(_lee, "Checkout failing");
        await _slack.OutboxDrainedAsync();
        _slack.Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 3_600, times: ChatOutboxService.MaxAttempts);

        await PostUpdateAsync(incident, "Stuck behind a rate limit");

        await _slack.OutboxDrainedAsync();
        var failed = Assert.Single(await _slack.App.Get<ChatOutboxService>().ListOpenAsync(cancellationToken: Ct));
        Assert.Equal((ChatOutboxStatus.Failed, "rate limited on chat.postMessage"), (failed.Status, failed.LastError));
        await _slack.App.Get<SlackAdmin>().RetryAsync(_slack.Admin.Actor, failed.Id, Ct);
        await _slack.OutboxDrainedAsync();
        Assert.Equal("Stuck behind a rate limit", Texts(channelId)[1].Split('\n')[1]);
    }

    [Fact]
    public async Task ARefusedPost_Fails_TheLaneGoesOn_AndARetryPostsItOnce()
    {
        await StartAsync();
        var (incident, channelId) = await _slack.DeclareWithChannelAsync(_lee, "Checkout failing");
        await _slack.OutboxDrainedAsync();
        _slack.Slack.FailNext("chat.postMessage", "msg_too_long");

        await PostUpdateAsync(incident, "Refused once");
        await PostUpdateAsync(incident, "Goes through");
        await _slack.OutboxDrainedAsync();
        var failed = Assert.Single(await _slack.App.Get<ChatOutboxService>().ListOpenAsync(cancellationToken: Ct));
        await _slack.App.Get<SlackAdmin>().RetryAsync(_slack.Admin.Actor, failed.Id, Ct);
        await _slack.OutboxDrainedAsync();

        Assert.Equal("chat.postMessage: msg_too_long", failed.LastError);
        Assert.Equal(["Goes through", "Refused once"], Texts(channelId).Skip(1).Select(t => t.Split('\n')[1]));
    }

    [Fact]
    public async Task APostThatSlackMadeButAnsweredTooLate_IsFoundInTheChannel_AndNotPostedAgain()
    {
        await StartAsync(settings: new Dictionary<string, string?> { ["Slack:CallTimeoutSeconds"] = "0.5", ["Slack:LeaseSeconds"] = "5" });
        var (incident, channelId) = await _slack.DeclareWithChannelAsync(_lee, "Checkout failing");
        await _slack.OutboxDrainedAsync();
        _slack.Slack.DelayNext("chat.postMessage", TimeSpan.FromSeconds(2));

        await PostUpdateAsync(incident, "Posted once, answered late");
        await PostUpdateAsync(incident, "Next in line");

        await _slack.OutboxDrainedAsync();
        Assert.Equal(["Posted once, answered late", "Next in line"], Texts(channelId).Skip(1).Select(t => t.Split('\n')[1]));
        Assert.NotEmpty(_slack.Slack.Calls("conversations.history"));
    }

    [Fact]
    public async Task AChannelAnEarlierTryMade_IsAdoptedOnNameTaken_NotMadeTwice()
    {
        await StartAsync();
        _slack.Slack.AddChannel("C0EARLIER", "inc-1-checkout-failing", isPrivate: false);

        var (incident, channelId) = await _slack.DeclareWithChannelAsync(_lee, "Checkout failing");
        await _slack.OutboxDrainedAsync();

        Assert.Equal("C0EARLIER", channelId);
        Assert.Single(_slack.Slack.Channels(), c => c.Name.StartsWith("inc-1", StringComparison.Ordinal));
        Assert.Single(_slack.Slack.Calls("conversations.create"));
        Assert.StartsWith("*INC-1 declared", Texts("C0EARLIER")[0], StringComparison.Ordinal);
        Assert.Equal(incident.Id, (await _slack.App.Get<ChatChannelService>().FindByChannelAsync("C0EARLIER", Ct))!.IncidentId);
    }

    [Fact]
    public async Task AChannelOfTheSameNameThatTheBotIsNotIn_IsLeftAlone_AndTheIncidentGetsItsOwn()
    {
        await StartAsync();
        _slack.Slack.AddChannel("C0SOMEONE", "inc-1-checkout-failing", isPrivate: false, botIsMember: false);

        var (_, channelId) = await _slack.DeclareWithChannelAsync(_lee, "Checkout failing");

        Assert.Equal("inc-1-checkout-failing-2", _slack.Slack.Channel(channelId)!.Name);
    }

    [Fact]
    public async Task APrivateIncident_GetsAPrivateChannel_AndNoAnnouncement()
    {
        await StartAsync();

        var (_, channelId) = await _slack.DeclareWithChannelAsync(_lee, "Payroll data exposed", isPrivate: true);
        await _slack.OutboxDrainedAsync();

        Assert.True(_slack.Slack.Channel(channelId)!.IsPrivate);
        Assert.Empty(_slack.Slack.Messages("C0ANNOUNCE"));
        Assert.Single(_slack.Slack.Messages(channelId));
    }

    [Fact]
    public async Task Nudges_ArePostedInTheChannel_MentioningTheLead()
    {
        await StartAsync();
        var (incident, channelId) = await _slack.DeclareWithChannelAsync(_lee, "Checkout failing");
        var dueAt = TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(5);
        await _slack.QueryAsync(db => db.UpdateReminders.Where(r => r.IncidentId == incident.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.DueAt, dueAt).SetProperty(r => r.NextNudgeAtTicks, dueAt.UtcTicks), Ct));

        Assert.Single((await _slack.App.Get<UpdateNudgeSweeper>().SweepAsync(Ct)).Nudges);

        await _slack.OutboxDrainedAsync();
        Assert.StartsWith("<@U0LEE> *INC-1 needs an update (overdue by 5 min)*", Texts(channelId)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_ArchivesTheChannel_AfterSayingSo()
    {
        await StartAsync();
        var (incident, channelId) = await _slack.DeclareWithChannelAsync(_lee, "False alarm");

        await _slack.App.Get<IncidentService>().ChangeStatusAsync(_lee.Actor, incident.Id, IncidentStatus.Triage, IncidentStatus.Declined, Ct);
        await _slack.OutboxDrainedAsync();

        Assert.True(_slack.Slack.Channel(channelId)!.Archived);
        Assert.Equal("*Lee Lead declined the incident.*\n_Triage → Declined_", Texts(channelId)[^1]);
    }

    [Fact]
    public async Task TheTestMessage_GoesToTheAnnouncementsChannel_OrFailsSayingWhyWithoutOne()
    {
        await StartAsync();
        await _slack.App.Get<SlackAdmin>().SendTestMessageAsync(_slack.Admin.Actor, Ct);
        await _slack.OutboxDrainedAsync();

        Assert.StartsWith("*Test message from IncidentHub, sent by Ada Admin.*", Assert.Single(_slack.Slack.Messages("C0ANNOUNCE")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnAnnouncementsChannel_IncidentsAreNotAnnounced_AndTheTestMessageIsRefusedSayingWhy()
    {
        await StartAsync(announcements: null);
        await _slack.DeclareWithChannelAsync(_lee, "Checkout failing");

        var refused = await Assert.ThrowsAsync<DomainException>(() => _slack.App.Get<SlackAdmin>().SendTestMessageAsync(_slack.Admin.Actor, Ct));
        await _slack.OutboxDrainedAsync();

        Assert.Contains("Slack:AnnouncementsChannel", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await _slack.App.Get<ChatOutboxService>().ListOpenAsync(cancellationToken: Ct));
        Assert.Empty(_slack.Slack.Messages("C0ANNOUNCE"));
        var announce = await _slack.QueryAsync(db => db.ChatOutbox.Where(o => o.Kind == ChatOperationKind.Announce).SingleAsync(Ct));
        Assert.Equal((ChatOutboxStatus.Skipped, ChatOutboxPolicy.NoAnnouncementsChannel), (announce.Status, announce.LastError));
    }

    public async ValueTask DisposeAsync()
    {
        if (_slack is not null)
        {
            await _slack.DisposeAsync();
        }
    }
}
