using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IncidentHub.Tests.Core.Chat.ChatTestData;

namespace IncidentHub.Tests.Core.Chat;

/// <summary>The outbox rows a change writes (in its own transaction), and how workers claim them.</summary>
public abstract class ChatOutboxTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private ChatOutboxService Outbox => Harness.Get<ChatOutboxService>();

    protected override void ConfigureServices(IServiceCollection services) => services.AddChatOutbox();

    private Task<List<ChatOutboxItem>> RowsAsync(int? incidentId = null) => Harness.QueryAsync(db => db.ChatOutbox
        .Where(o => incidentId == null || o.IncidentId == incidentId)
        .OrderBy(o => o.Id)
        .ToListAsync(Ct));

    private async Task<DeclaredIncident> DeclaredWithChannelAsync(Actor lead)
    {
        var incident = await Harness.DeclareAsync(lead);
        await Harness.QueryAsync(async db =>
        {
            var channel = await db.ChatChannels.SingleAsync(c => c.IncidentId == incident.Id, Ct);
            channel.RecordCreated("C0" + incident.Number, "inc-" + incident.Number, Harness.Time.GetUtcNow());
            return await db.SaveChangesAsync(Ct);
        });
        await Harness.QueryAsync(db => db.ChatOutbox.ExecuteDeleteAsync(Ct));
        return incident;
    }

    [Fact]
    public async Task Declaring_QueuesTheChannel_ItsTopic_ThePeople_AFirstPost_AndTheAnnouncement_InOrder()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");

        var incident = await Harness.DeclareAsync(riley, "Checkout failing", configure: r => r.LeadId = sam.UserId);

        var rows = await RowsAsync();
        Assert.Equal(
            [ChatOperationKind.CreateChannel, ChatOperationKind.SetTopic, ChatOperationKind.Invite, ChatOperationKind.Post, ChatOperationKind.Announce],
            rows.Select(r => r.Kind));
        Assert.All(rows, r => Assert.Equal(incident.Id, r.IncidentId));
        Assert.All(rows, r => Assert.Equal(ChatOutboxStatus.Pending, r.Status));
        Assert.Equal(new CreateChannelOperation(incident.Number, "Checkout failing", false), ChatOperations.Deserialize<CreateChannelOperation>(rows[0].Payload));
        Assert.Equal([riley.UserId, sam.UserId], ChatOperations.Deserialize<InviteOperation>(rows[2].Payload).UserIds);
        var channel = await Harness.QueryAsync(db => db.ChatChannels.SingleAsync(c => c.IncidentId == incident.Id, Ct));
        Assert.False(channel.IsPrivate);
        Assert.Null(channel.ExternalId);
    }

    [Fact]
    public async Task APrivateIncident_GetsAPrivateChannel_AndNoAnnouncement()
    {
        var riley = await Harness.CreateResponderAsync();

        var incident = await Harness.DeclareAsync(riley, "Credential leak", configure: r => r.IsPrivate = true);

        var rows = await RowsAsync();
        Assert.DoesNotContain(rows, r => r.Kind is ChatOperationKind.Announce or ChatOperationKind.UpdateAnnouncement);
        Assert.True(ChatOperations.Deserialize<CreateChannelOperation>(rows.Single(r => r.Kind == ChatOperationKind.CreateChannel).Payload).IsPrivate);
        Assert.True((await Harness.QueryAsync(db => db.ChatChannels.SingleAsync(c => c.IncidentId == incident.Id, Ct))).IsPrivate);
    }

    [Fact]
    public async Task ADeclarationThatFailsToSave_LeavesNoChannelAndNoCalls()
    {
        var riley = await Harness.CreateResponderAsync();
        Harness.Database.SaveHook.BeforeNextSave(() => throw new InvalidOperationException("The database went away."));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Harness.DeclareAsync(riley));

        Assert.Empty(await RowsAsync());
        Assert.Empty(await Harness.QueryAsync(db => db.ChatChannels.ToListAsync(Ct)));
    }

    [Fact]
    public async Task ChangesInTheBrowser_ArePostedInTheirOwnWords_AndKeepTheAnnouncementCurrent()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await DeclaredWithChannelAsync(riley);

        await Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "Found the bad deploy." }, Ct);
        await Harness.Incidents.ChangeStatusAsync(riley, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, Ct);
        await Harness.Roles.HandOverLeadAsync(riley, incident.Id, sam, riley.UserId, Ct);
        await Harness.Roles.AssignAsync(riley, incident.Id, await Harness.RoleIdAsync(IncidentRoleKind.Scribe), riley.UserId, null, Ct);

        var rows = await RowsAsync(incident.Id);
        var posts = rows.Where(r => r.Kind == ChatOperationKind.Post).Select(r => ChatOperations.Deserialize<PostOperation>(r.Payload)).ToList();
        Assert.Equal(
            [
                ChatOperationKind.Post,
                ChatOperationKind.Post, ChatOperationKind.UpdateAnnouncement,
                ChatOperationKind.Post, ChatOperationKind.Invite,
                ChatOperationKind.Post, ChatOperationKind.Invite, ChatOperationKind.UpdateAnnouncement,
                ChatOperationKind.Post, ChatOperationKind.Invite,
            ],
            rows.Select(r => r.Kind));
        Assert.Equal(new PostOperation("Riley Chen posted an update", "Found the bad deploy.", "Triage · Major"), posts[0]);
        Assert.Equal("Riley Chen accepted the incident as Investigating.", posts[1].Headline);
        Assert.Equal("Riley Chen asked Sam Okafor to take the lead. Riley Chen leads until Sam Okafor accepts.", posts[2].Headline);
        Assert.Equal("Sam Okafor took the lead from Riley Chen (\"I have it\").", posts[3].Headline);
        Assert.Equal([sam.UserId], ChatOperations.Deserialize<InviteOperation>(rows[4].Payload).UserIds);
    }

    [Fact]
    public async Task ARefusedChange_QueuesNothing()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await DeclaredWithChannelAsync(riley);

        await Assert.ThrowsAsync<DomainException>(() =>
            Harness.Incidents.ChangeStatusAsync(riley, incident.Id, IncidentStatus.Triage, IncidentStatus.Resolved, Ct));

        Assert.Empty(await RowsAsync(incident.Id));
    }

    [Fact]
    public async Task MadePrivate_AfterItsPublicChannelOpened_SaysSoOnce_AndPostsNothingMoreThere()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await DeclaredWithChannelAsync(riley);

        await Harness.Access.ChangeVisibilityAsync(riley, incident.Id, IncidentVisibility.Private, Ct);
        await Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "The leaked key was rotated." }, Ct);
        await Harness.Incidents.ChangeStatusAsync(riley, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, Ct);

        var rows = await RowsAsync(incident.Id);
        Assert.Equal([ChatOperationKind.Post], rows.Select(r => r.Kind));
        var post = ChatOperations.Deserialize<PostOperation>(rows[0].Payload);
        Assert.Contains("now private", post.Headline, StringComparison.Ordinal);
        Assert.DoesNotContain("rotated", rows[0].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MadePrivate_NoProducerReachesItsPublicChannel_UpdateNudgeRoleOrAnnouncement()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync();
        var incident = await DeclaredWithChannelAsync(riley);
        await Harness.Access.ChangeVisibilityAsync(riley, incident.Id, IncidentVisibility.Private, Ct);
        await Harness.QueryAsync(db => db.ChatOutbox.ExecuteDeleteAsync(Ct));

        await Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "The leaked key was rotated.", NewStatus = IncidentStatus.Fixing }, Ct);
        await Harness.Roles.AssignAsync(riley, incident.Id, await Harness.RoleIdAsync(IncidentRoleKind.Scribe), sam.UserId, null, Ct);
        await Harness.Roles.HandOverLeadAsync(riley, incident.Id, sam, riley.UserId, Ct);
        await Harness.Incidents.ChangeSeverityAsync(sam, incident.Id, await Harness.SeverityIdAsync("Major"), await Harness.SeverityIdAsync("Critical"), Ct);
        Harness.Time.Advance(TimeSpan.FromHours(1));
        Assert.Single((await Harness.Sweeper.SweepAsync(Ct)).Nudges);

        Assert.Empty(await RowsAsync(incident.Id));
    }

    [Fact]
    public async Task Closing_ArchivesTheChannelAfterSayingSo()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await DeclaredWithChannelAsync(riley);

        await Harness.Incidents.ChangeStatusAsync(riley, incident.Id, IncidentStatus.Triage, IncidentStatus.Declined, Ct);

        Assert.Equal([ChatOperationKind.Post, ChatOperationKind.UpdateAnnouncement, ChatOperationKind.Archive], (await RowsAsync(incident.Id)).Select(r => r.Kind));
    }

    [Fact]
    public async Task AnIncidentFromBeforeChatWasConnected_IsLeftAlone()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        await Harness.QueryAsync(db => db.ChatChannels.ExecuteDeleteAsync(Ct));
        await Harness.QueryAsync(db => db.ChatOutbox.ExecuteDeleteAsync(Ct));

        await Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "Still looking." }, Ct);

        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task Nudges_ArePostedInTheChannel_MentioningTheLead()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await DeclaredWithChannelAsync(riley);
        var withoutChannel = await Harness.DeclareAsync(riley, "No channel");
        await Harness.QueryAsync(db => db.ChatChannels.Where(c => c.IncidentId == withoutChannel.Id).ExecuteDeleteAsync(Ct));
        await Harness.QueryAsync(db => db.ChatOutbox.ExecuteDeleteAsync(Ct));
        Harness.Time.Advance(TimeSpan.FromMinutes(35));

        Assert.Equal(2, (await Harness.Sweeper.SweepAsync(Ct)).Nudges.Count);

        var row = Assert.Single(await RowsAsync());
        Assert.Equal(incident.Id, row.IncidentId);
        var post = ChatOperations.Deserialize<PostOperation>(row.Payload);
        Assert.Equal($"{incident.Reference} needs an update (overdue by 5 min)", post.Headline);
        Assert.Equal([riley.UserId], post.Mentions);
    }

    [Fact]
    public async Task PostIncidentTaskAndFollowUpNudges_ArePostedInTheChannel_MentioningTheirOwner()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync();
        var incident = await DeclaredWithChannelAsync(riley);
        await Harness.Get<IncidentHub.Core.FollowUps.FollowUpService>().AddAsync(riley, incident.Id,
            new IncidentHub.Core.FollowUps.AddFollowUpRequest { Title = "Add a retry budget", OwnerId = sam.UserId, DueAt = Harness.Time.GetUtcNow() + TimeSpan.FromDays(3) }, Ct);
        await Harness.MoveToAsync(riley, incident.Id, IncidentStatus.Resolved);
        await Harness.QueryAsync(db => db.ChatOutbox.ExecuteDeleteAsync(Ct));
        Harness.Time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));

        await Harness.Get<IncidentHub.Core.PostIncident.PostIncidentNudgeSweeper>().SweepAsync(Ct);

        var posts = (await RowsAsync(incident.Id)).Select(r => ChatOperations.Deserialize<PostOperation>(r.Payload)).ToList();
        var review = Assert.Single(posts, p => p.Headline.Contains("Write the review", StringComparison.Ordinal));
        Assert.Equal($"The post-incident task \"Write the review\" on {incident.Reference} is overdue by 1 h 00 min", review.Headline);
        Assert.Equal([riley.UserId], review.Mentions);
        var followUp = Assert.Single(posts, p => p.Headline.Contains("retry budget", StringComparison.Ordinal));
        Assert.Equal($"The follow-up \"Add a retry budget\" from {incident.Reference} is due", followUp.Headline);
        Assert.Equal([sam.UserId], followUp.Mentions);
    }

    [Fact]
    public async Task Claim_TakesOnlyTheHeadOfEachLane_AndTheNextOnceTheHeadIsDone()
    {
        var riley = await Harness.CreateResponderAsync();
        var first = await Harness.DeclareAsync(riley, "First");
        var second = await Harness.DeclareAsync(riley, "Second");

        var round1 = await Outbox.ClaimAsync(10, Lease, Ct);
        var round2 = await Outbox.ClaimAsync(10, Lease, Ct);
        await Outbox.CompleteAsync(round1[0], "C1", Ct);
        var round3 = await Outbox.ClaimAsync(10, Lease, Ct);

        Assert.Equal([(first.Id, ChatOperationKind.CreateChannel), (second.Id, ChatOperationKind.CreateChannel)], round1.Select(w => (w.IncidentId!.Value, w.Kind)));
        Assert.Empty(round2);
        Assert.Equal((first.Id, ChatOperationKind.SetTopic), (round3.Single().IncidentId!.Value, round3.Single().Kind));
    }

    [Fact]
    public async Task Claim_ByTwoWorkersAtOnce_GivesEachCallToOne()
    {
        var riley = await Harness.CreateResponderAsync();
        for (var i = 0; i < 6; i++)
        {
            await Harness.DeclareAsync(riley, $"Incident {i}");
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Outbox.ClaimAsync(6, Lease, Ct), Ct)));

        var ids = claims.SelectMany(c => c).Select(w => w.Id).ToList();
        Assert.Equal(6, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task ALeaseThatRunsOut_LetsAnotherWorkerTakeTheCall_AndSaysTheFirstTryMayHaveHappened()
    {
        var riley = await Harness.CreateResponderAsync();
        await Harness.DeclareAsync(riley);
        var first = (await Outbox.ClaimAsync(1, Lease, Ct)).Single();
        await Outbox.MarkInFlightAsync(first, Ct);

        var whileHeld = await Outbox.ClaimAsync(1, Lease, Ct);
        Harness.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var second = (await Outbox.ClaimAsync(1, Lease, Ct)).Single();
        var lateCompletion = await Outbox.CompleteAsync(first, "C1", Ct);

        Assert.Empty(whileHeld);
        Assert.False(first.PreviousTryUnknown);
        Assert.Equal(first.Id, second.Id);
        Assert.True(second.PreviousTryUnknown);
        Assert.False(lateCompletion);
    }

    [Fact]
    public async Task RetryLater_WaitsItsTurn_CountsRefusals_AndFailsAfterTheLast()
    {
        var riley = await Harness.CreateResponderAsync();
        await Harness.DeclareAsync(riley);
        for (var i = 1; i < ChatOutboxService.MaxAttempts; i++)
        {
            var work = (await Outbox.ClaimAsync(1, Lease, Ct)).Single();
            await Outbox.RetryLaterAsync(work, Harness.Time.GetUtcNow() + TimeSpan.FromSeconds(30), "ratelimited", countsAsAttempt: true, cancellationToken: Ct);
            Assert.Empty(await Outbox.ClaimAsync(1, Lease, Ct));
            Harness.Time.Advance(TimeSpan.FromSeconds(30));
        }

        var outage = (await Outbox.ClaimAsync(1, Lease, Ct)).Single();
        await Outbox.RetryLaterAsync(outage, Harness.Time.GetUtcNow(), "Slack unreachable", countsAsAttempt: false, cancellationToken: Ct);
        var last = (await Outbox.ClaimAsync(1, Lease, Ct)).Single();
        await Outbox.RetryLaterAsync(last, Harness.Time.GetUtcNow(), "ratelimited", countsAsAttempt: true, cancellationToken: Ct);

        var row = (await RowsAsync()).First();
        Assert.Equal(ChatOutboxStatus.Failed, row.Status);
        Assert.Equal(ChatOutboxService.MaxAttempts, row.Attempts);
        Assert.Equal("ratelimited", row.LastError);
    }

    [Fact]
    public async Task AFailedCall_IsRetriedByAnAdmin_InItsOriginalPlace()
    {
        var riley = await Harness.CreateResponderAsync();
        var admin = await Harness.CreateAdminAsync();
        await Harness.DeclareAsync(riley);
        var work = (await Outbox.ClaimAsync(1, Lease, Ct)).Single();
        await Outbox.FailAsync(work, "missing_scope", Ct);
        var afterFailure = (await Outbox.ClaimAsync(1, Lease, Ct)).Single();
        await Outbox.RetryLaterAsync(afterFailure, Harness.Time.GetUtcNow(), "waiting", countsAsAttempt: false, cancellationToken: Ct);

        await Assert.ThrowsAsync<ForbiddenException>(() => Outbox.RetryAsync(riley, work.Id, Ct));
        await Outbox.RetryAsync(admin, work.Id, Ct);
        var next = (await Outbox.ClaimAsync(1, Lease, Ct)).Single();

        Assert.Equal(ChatOperationKind.SetTopic, afterFailure.Kind);
        Assert.Equal(work.Id, next.Id);
        Assert.Equal(ChatOperationKind.CreateChannel, next.Kind);
        var open = await Outbox.ListOpenAsync(cancellationToken: Ct);
        Assert.Equal(ChatOutboxStatus.Pending, open.First().Status);
    }
}

public sealed class ChatOutboxTests_Sqlite(SqliteTestDatabase database)
    : ChatOutboxTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ChatOutboxTests_SqlServer(SqlServerTestDatabase database)
    : ChatOutboxTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class ChatOutboxTests_PostgreSql(PostgreSqlTestDatabase database)
    : ChatOutboxTests(database), IClassFixture<PostgreSqlTestDatabase>;
