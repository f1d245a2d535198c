using IncidentHub.Core.Chat;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static IncidentHub.Tests.Core.Chat.ChatTestData;

namespace IncidentHub.Tests.Core.Chat;

public abstract class ChatMirrorServiceTests(TestDatabase database) : DatabaseTest(database)
{
    private const string Channel = "C0INCIDENT";

    private ChatMirrorService Mirror => Harness.Get<ChatMirrorService>();

    private async Task<DeclaredIncident> IncidentWithChannelAsync()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var incident = await Harness.DeclareAsync(riley);
        await Harness.LinkChannelAsync(incident.Id, Channel);
        Harness.Feed.Clear();
        return incident;
    }

    private Task<List<TimelineEntry>> MessagesAsync(int incidentId) => Harness.QueryAsync(db => db.TimelineEntries
        .Where(e => e.IncidentId == incidentId && e.Kind == TimelineEntryKind.Message)
        .OrderBy(e => e.OccurredAt)
        .ToListAsync(Ct));

    private async Task<TimelineEntryView> ViewAsync(int incidentId, string text)
    {
        var page = await Harness.IncidentQueries.GetTimelineAsync(incidentId, cancellationToken: Ct);
        return page.Items.Single(e => e.Kind == TimelineEntryKind.Message && e.Text == text);
    }

    private async Task<IReadOnlyList<ChatApplyOutcome>> ApplyAsync(params ChatEvent[] events) =>
        await Mirror.ApplyAsync(events, Ct);

    [Fact]
    public async Task Posted_IsRecordedOnce_WithItsAuthorAndTheTimeItWasWritten()
    {
        var incident = await IncidentWithChannelAsync();
        Harness.Time.Advance(TimeSpan.FromMinutes(5));

        var first = await ApplyAsync(Posted(Channel, 30, "Error rate is back to normal in eu-west."));
        var again = await ApplyAsync(Posted(Channel, 30, "Error rate is back to normal in eu-west."));

        var entry = Assert.Single(await MessagesAsync(incident.Id));
        Assert.Equal([ChatApplyOutcome.Applied], first);
        Assert.Equal([ChatApplyOutcome.Duplicate], again);
        Assert.Equal("Error rate is back to normal in eu-west.", entry.Text);
        Assert.Equal("Sam Slack", entry.ActorName);
        Assert.Null(entry.ActorId);
        Assert.Equal(TimelineSource.Slack, entry.Source);
        Assert.Equal(At(30), entry.OccurredAt);
        Assert.Equal(ServiceHarness.Start + TimeSpan.FromMinutes(5), entry.RecordedAt);
        Assert.Equal(Ts(30), entry.ExternalId);
    }

    [Fact]
    public async Task Posted_ByAPersonMatchedByEmail_ShowsTheirAccount()
    {
        var incident = await IncidentWithChannelAsync();
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var email = await Harness.QueryAsync(db => db.Users.Where(u => u.Id == sam.UserId).Select(u => u.Email).SingleAsync(Ct));
        await Harness.Get<ChatUserDirectory>().RecordAsync(Sam.ExternalId, "sam.o", email!.ToUpperInvariant(), ChatUserKind.Member, Ct);

        await ApplyAsync(Posted(Channel, 10, "Looking at the load balancer."));

        var entry = Assert.Single(await MessagesAsync(incident.Id));
        Assert.Equal(sam.UserId, entry.ActorId);
        Assert.Equal("Sam Okafor", entry.ActorName);
    }

    [Fact]
    public async Task Posted_InAChannelOfNoIncident_ChangesNothing()
    {
        var incident = await IncidentWithChannelAsync();

        var outcome = await ApplyAsync(Posted("C0RANDOM", 10, "Lunch?"));

        Assert.Equal([ChatApplyOutcome.NotAnIncidentChannel], outcome);
        Assert.Empty(await MessagesAsync(incident.Id));
        Assert.Empty(Harness.Feed.Changes);
    }

    [Fact]
    public async Task Posted_ABatch_IsOneLiveChangePerIncident_AndTheTimelineIsInTheOrderThingsWereSaid()
    {
        var incident = await IncidentWithChannelAsync();

        // Delivered out of order: the timeline follows the messages' own times.
        await ApplyAsync(Posted(Channel, 30, "third"), Posted(Channel, 10, "first"), Posted(Channel, 20, "second"));

        Assert.Equal(["first", "second", "third"], (await MessagesAsync(incident.Id)).Select(e => e.Text));
        var page = await Harness.IncidentQueries.GetTimelineAsync(incident.Id, cancellationToken: Ct);
        Assert.Equal(["third", "second", "first"], page.Items.Where(e => e.Kind == TimelineEntryKind.Message).Select(e => e.Text));
        var change = Assert.Single(Harness.Feed.Changes);
        Assert.Equal(new IncidentChange(incident.Id, incident.Number, IncidentChangeKind.TimelineChanged, null), change);
    }

    [Fact]
    public async Task ABatch_IsTheSameNumberOfStatements_ForTwoOrFortyMessages_ItsEventsLoggedInTheOrderTheyWereSaid()
    {
        using var counter = new SqlCommandCounter();
        var incident = await IncidentWithChannelAsync();
        ChatEvent[] Messages(int first, int count) => [.. Enumerable.Range(first, count).Select(i => Posted(Channel, i, $"Message {i}"))];

        var forTwo = await counter.CountAsync(() => Mirror.ApplyAsync(Messages(10, 2), Ct));
        var forForty = await counter.CountAsync(() => Mirror.ApplyAsync(Messages(100, 40), Ct));

        // A fixed number of queries and writes per batch (channels, messages, marks, people, the incidents of the
        // events; no consumer position is written for messages nobody reacts to), plus at most the three rows each
        // message adds (its timeline entry, its chat message, its event): SQLite sends every row as a statement of its
        // own, SQL Server batches them. Nothing else is paid per message.
        Assert.InRange(forTwo, 1, 11);
        Assert.InRange(forForty, forTwo, forTwo + (38 * 3));
        var mirrored = IncidentHub.Core.Events.IncidentEventCatalog.KindOf(typeof(IncidentHub.Core.Events.ChatMessageMirrored));
        var log = await Harness.QueryAsync(db => db.EventLog
            .Where(e => e.IncidentId == incident.Id && e.Kind == mirrored)
            .OrderBy(e => e.Sequence)
            .ToListAsync(Ct));
        Assert.Equal(
            [.. Enumerable.Range(10, 2).Concat(Enumerable.Range(100, 40)).Select(Ts)],
            log.Select(e => ((IncidentHub.Core.Events.ChatMessageMirrored)e.ToLoggedEvent().Event).MessageId));
        Assert.Equal(log.Select(e => e.TimelineEntryId).Order(), log.Select(e => e.TimelineEntryId));
    }

    [Fact]
    public async Task ThreadReply_IsLinkedToItsParent()
    {
        var incident = await IncidentWithChannelAsync();
        await ApplyAsync(Posted(Channel, 10, "Is the CDN involved?"));

        await ApplyAsync(Posted(Channel, 20, "No, origin errors only.", thread: Ts(10)));

        var parent = await ViewAsync(incident.Id, "Is the CDN involved?");
        var reply = await ViewAsync(incident.Id, "No, origin errors only.");
        Assert.False(parent.Chat!.IsReply);
        Assert.True(reply.Chat!.IsReply);
        Assert.Equal(parent.Id, reply.Chat.ParentEntryId);
        Assert.Equal("Sam Slack", reply.Chat.ParentAuthor);
        Assert.Equal("Is the CDN involved?", reply.Chat.ParentExcerpt);
    }

    [Fact]
    public async Task Edits_ChangeTheText_AndKeepEveryEarlierVersion()
    {
        var incident = await IncidentWithChannelAsync();
        await ApplyAsync(Posted(Channel, 10, "Rolling back 4.2"));

        await ApplyAsync(Edited(Channel, 10, 40, "Rolling back 4.1", before: "Rolling back 4.2"));
        await ApplyAsync(Edited(Channel, 10, 70, "Rolled back to 4.1", before: "Rolling back 4.1", beforeSince: 40));
        var repeat = await ApplyAsync(Edited(Channel, 10, 70, "Rolled back to 4.1", before: "Rolling back 4.1", beforeSince: 40));

        var view = await ViewAsync(incident.Id, "Rolled back to 4.1");
        Assert.Equal([ChatApplyOutcome.Duplicate], repeat);
        Assert.Equal(At(70), view.Chat!.EditedAt);
        Assert.Equal(At(10), view.OccurredAt);
        Assert.Equal([("Rolling back 4.1", At(40)), ("Rolling back 4.2", At(10))], view.Chat.History.Select(h => (h.Text, h.Since)));
    }

    [Fact]
    public async Task AnEditArrivingBeforeItsMessage_EndsTheSameAsInOrder()
    {
        var incident = await IncidentWithChannelAsync();

        await ApplyAsync(Edited(Channel, 10, 40, "Fixed: bad config", before: "Investigating config"));
        var original = await ApplyAsync(Posted(Channel, 10, "Investigating config"));

        var entry = Assert.Single(await MessagesAsync(incident.Id));
        var view = await ViewAsync(incident.Id, "Fixed: bad config");
        Assert.Equal([ChatApplyOutcome.Duplicate], original);
        Assert.Equal(At(10), entry.OccurredAt);
        Assert.Equal([("Investigating config", At(10))], view.Chat!.History.Select(h => (h.Text, h.Since)));
    }

    [Fact]
    public async Task AnOlderEditArrivingLate_OnlyJoinsTheHistory()
    {
        var incident = await IncidentWithChannelAsync();
        await ApplyAsync(Posted(Channel, 10, "v1"));
        await ApplyAsync(Edited(Channel, 10, 50, "v3"));

        var late = await ApplyAsync(Edited(Channel, 10, 30, "v2"));

        var view = await ViewAsync(incident.Id, "v3");
        Assert.Equal([ChatApplyOutcome.Applied], late);
        Assert.Equal(["v2", "v1"], view.Chat!.History.Select(h => h.Text));
        Assert.Equal(At(50), view.Chat.EditedAt);
    }

    [Fact]
    public async Task Deleted_TakesTheWordsAndTheirHistory_AndALateCopyDoesNotBringThemBack()
    {
        var incident = await IncidentWithChannelAsync();
        await ApplyAsync(Posted(Channel, 10, "password is hunter2"));
        await ApplyAsync(Edited(Channel, 10, 20, "password is ********"));

        await ApplyAsync(Deleted(Channel, 10, 30));
        var late = await ApplyAsync(Posted(Channel, 10, "password is hunter2"), Edited(Channel, 10, 20, "password is ********"));

        var entry = Assert.Single(await MessagesAsync(incident.Id));
        Assert.Equal([ChatApplyOutcome.Duplicate, ChatApplyOutcome.Duplicate], late);
        Assert.Equal("", entry.Text);
        Assert.Empty(await Harness.QueryAsync(db => db.ChatMessageRevisions.ToListAsync(Ct)));
        var view = (await Harness.IncidentQueries.GetTimelineAsync(incident.Id, cancellationToken: Ct)).Items.Single(e => e.Id == entry.Id);
        Assert.True(view.Chat!.IsDeleted);
    }

    [Fact]
    public async Task Deleted_BeforeTheMessageArrived_LeavesATombstone()
    {
        var incident = await IncidentWithChannelAsync();

        await ApplyAsync(Deleted(Channel, 10, 30));
        await ApplyAsync(Posted(Channel, 10, "oops, wrong channel"));

        var entry = Assert.Single(await MessagesAsync(incident.Id));
        Assert.Equal("", entry.Text);
        Assert.Equal(At(10), entry.OccurredAt);
    }

    [Fact]
    public async Task PinsAndReactions_MakeAKeyEvent_UntilTheLastOneIsUndone()
    {
        var incident = await IncidentWithChannelAsync();
        await ApplyAsync(Posted(Channel, 10, "Root cause: expired certificate"));
        async Task<bool> HighlightedAsync() => (await MessagesAsync(incident.Id)).Single().IsHighlighted;

        await ApplyAsync(new ChatMarkChanged(Channel, Ts(10), ChatMarkKind.Pin, "", true, At(20)));
        var pinned = await HighlightedAsync();
        await ApplyAsync(new ChatMarkChanged(Channel, Ts(10), ChatMarkKind.Reaction, "U2", true, At(30)));
        await ApplyAsync(new ChatMarkChanged(Channel, Ts(10), ChatMarkKind.Pin, "", false, At(40)));
        var stillReacted = await HighlightedAsync();
        await ApplyAsync(new ChatMarkChanged(Channel, Ts(10), ChatMarkKind.Reaction, "U2", false, At(50)));

        Assert.True(pinned);
        Assert.True(stillReacted);
        Assert.False(await HighlightedAsync());
    }

    [Fact]
    public async Task AReactionRemovedBeforeItWasAdded_OutOfOrder_EndsRemoved()
    {
        var incident = await IncidentWithChannelAsync();
        await ApplyAsync(Posted(Channel, 10, "Deploy frozen"));

        var removed = await ApplyAsync(new ChatMarkChanged(Channel, Ts(10), ChatMarkKind.Reaction, "U2", false, At(40)));
        var addedLate = await ApplyAsync(new ChatMarkChanged(Channel, Ts(10), ChatMarkKind.Reaction, "U2", true, At(30)));

        Assert.Equal([ChatApplyOutcome.Applied], removed);
        Assert.Equal([ChatApplyOutcome.Duplicate], addedLate);
        Assert.False((await MessagesAsync(incident.Id)).Single().IsHighlighted);
    }

    [Fact]
    public async Task APinArrivingBeforeItsMessage_RecordsTheMessageItCarries_AsAKeyEvent()
    {
        var incident = await IncidentWithChannelAsync();

        await ApplyAsync(new ChatMarkChanged(Channel, Ts(10), ChatMarkKind.Pin, "", true, At(20), Posted(Channel, 10, "Customer comms sent")));
        var message = await ApplyAsync(Posted(Channel, 10, "Customer comms sent"));

        var entry = Assert.Single(await MessagesAsync(incident.Id));
        Assert.Equal([ChatApplyOutcome.Duplicate], message);
        Assert.True(entry.IsHighlighted);
    }

    [Fact]
    public async Task AJoinReportedTwice_IsRecordedOnce_AndAJoinMuchLaterAgain()
    {
        var incident = await IncidentWithChannelAsync();

        await ApplyAsync(new ChatMemberJoined(Channel, Sam, At(10)), new ChatMemberJoined(Channel, Sam, At(11)));
        var again = await ApplyAsync(new ChatMemberJoined(Channel, Sam, At(12)));
        await ApplyAsync(new ChatMemberJoined(Channel, Sam, At(3_600)));

        Assert.Equal([ChatApplyOutcome.Duplicate], again);
        Assert.Equal(["Sam Slack joined the channel.", "Sam Slack joined the channel."], (await MessagesAsync(incident.Id)).Select(e => e.Text));
    }

    [Fact]
    public async Task SharedFiles_WaitToBeCopied_UnlessTheyAreNotAllowedImages()
    {
        var incident = await IncidentWithChannelAsync();

        await ApplyAsync(Posted(Channel, 10, "Dashboard:", files:
        [
            new ChatFileRef("F1", "graph.png", "image/png", 92_582, "https://files.slack.com/files-pri/T1-F1/graph.png"),
            new ChatFileRef("F2", "dump.zip", "application/zip", 1_000, "https://files.slack.com/files-pri/T1-F2/dump.zip"),
            new ChatFileRef("F3", "huge.png", "image/png", ChatAttachment.MaxBytes + 1, "https://files.slack.com/files-pri/T1-F3/huge.png"),
        ]));
        var repeat = await ApplyAsync(Posted(Channel, 10, "Dashboard:", files: new ChatFileRef("F1", "graph.png", "image/png", 92_582, "https://files.slack.com/x")));

        var view = await ViewAsync(incident.Id, "Dashboard:");
        Assert.Equal([ChatApplyOutcome.Duplicate], repeat);
        Assert.Equal([ChatAttachmentStatus.Pending, ChatAttachmentStatus.Rejected, ChatAttachmentStatus.Rejected], view.Chat!.Attachments.Select(a => a.Status));
        var pending = Assert.Single(await Harness.Get<ChatAttachmentService>().GetPendingAsync(10, Ct));
        Assert.Equal("F1", pending.ExternalId);
    }

    [Fact]
    public async Task TheSameMessageAppliedByTwoWorkersAtOnce_IsRecordedOnce()
    {
        var incident = await IncidentWithChannelAsync();
        var message = Posted(Channel, 10, "Paging the database team");
        IReadOnlyList<ChatApplyOutcome>? other = null;
        Harness.Database.SaveHook.BeforeNextSave(async () => other = await Mirror.ApplyAsync([message], Ct));

        var ours = await ApplyAsync(message);

        Assert.Single(await MessagesAsync(incident.Id));
        Assert.Equal([ChatApplyOutcome.Applied], other);
        Assert.Equal([ChatApplyOutcome.Duplicate], ours);
    }
}

public sealed class ChatMirrorServiceTests_Sqlite(SqliteTestDatabase database)
    : ChatMirrorServiceTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ChatMirrorServiceTests_SqlServer(SqlServerTestDatabase database)
    : ChatMirrorServiceTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class ChatMirrorServiceTests_PostgreSql(PostgreSqlTestDatabase database)
    : ChatMirrorServiceTests(database), IClassFixture<PostgreSqlTestDatabase>;
