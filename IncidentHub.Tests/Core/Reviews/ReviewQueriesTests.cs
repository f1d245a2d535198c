using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Reviews;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Reviews;

public abstract class ReviewQueriesTests(TestDatabase database) : DatabaseTest(database)
{
    private static DateTimeOffset At(int minutes) => ServiceHarness.Start + TimeSpan.FromMinutes(minutes);

    /// <summary>
    /// Riley declares at 0 and leads; impact is corrected to -10; a key note at 5; "Cause found" (Fixing) at 10; Riley
    /// hands the lead to Sam at 20; Sam resolves with an update at 30.
    /// </summary>
    private async Task<(DeclaredIncident Incident, Actor Riley, Actor Sam)> ResolvedIncidentAsync()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(riley, "API returning 503");
        Harness.Time.Advance(TimeSpan.FromMinutes(2));
        await Harness.Incidents.ChangeStatusAsync(riley, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, Ct);
        await Harness.Incidents.CorrectTimestampAsync(riley, incident.Id, IncidentTimestamp.ImpactStarted, null, At(-10), Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(3));
        await Harness.Timeline.AddNoteAsync(riley, incident.Id, new AddNoteRequest { Text = "Config push removed the health check.", Highlight = true }, Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(5));
        await Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "Cause found.", NewStatus = IncidentStatus.Fixing }, Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(10));
        await Harness.Roles.HandOverLeadAsync(riley, incident.Id, sam, riley.UserId, Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(10));
        await Harness.Updates.PostUpdateAsync(sam, incident.Id, new PostUpdateRequest { Message = "Resolved.", NewStatus = IncidentStatus.Resolved }, Ct);
        return (incident, riley, sam);
    }

    [Fact]
    public async Task GetReview_OfAnUnknownNumber_IsNull()
    {
        Assert.Null(await Harness.ReviewQueries.GetReviewAsync(987_654, Ct));
    }

    [Fact]
    public async Task GetReview_ComputesDurationsFromImpactStart()
    {
        var (incident, _, _) = await ResolvedIncidentAsync();

        var review = (await Harness.ReviewQueries.GetReviewAsync(incident.Number, Ct))!;

        Assert.Equal(IncidentStatus.Resolved, review.Incident.Status);
        Assert.Equal(DurationBasis.ImpactStarted, review.Durations.Basis);
        Assert.Equal(TimeSpan.FromMinutes(10), review.Durations.TimeToDetect);
        Assert.Equal(TimeSpan.FromMinutes(40), review.Durations.TimeToMitigate);
        Assert.Equal(TimeSpan.FromMinutes(40), review.Durations.TimeToResolve);
    }

    [Fact]
    /// <summary>Milestones (declaration, status moves, hand-over) are key events on their own; people star the rest.</summary>
    public async Task GetReview_ListsKeyEventsOldestFirst()
    {
        var (incident, _, _) = await ResolvedIncidentAsync();

        var review = (await Harness.ReviewQueries.GetReviewAsync(incident.Number, Ct))!;

        Assert.Equal(
            [TimelineEntryKind.Declared, TimelineEntryKind.StatusChanged, TimelineEntryKind.Note, TimelineEntryKind.Update, TimelineEntryKind.LeadHandover, TimelineEntryKind.Update],
            review.KeyEvents.Select(e => e.Kind));
        Assert.Equal([At(0), At(2), At(5), At(10), At(20), At(30)], review.KeyEvents.Select(e => e.OccurredAt));
    }

    [Fact]
    public async Task GetReview_ListsUpdatesInOrderWithTheirStatus()
    {
        var (incident, _, _) = await ResolvedIncidentAsync();

        var review = (await Harness.ReviewQueries.GetReviewAsync(incident.Number, Ct))!;

        Assert.Equal(
            [("Riley Chen", "Cause found.", IncidentStatus.Fixing, At(10)), ("Sam Okafor", "Resolved.", IncidentStatus.Resolved, At(30))],
            review.Updates.Select(u => (u.AuthorName, u.Message, u.Status, u.PostedAt)));
    }

    [Fact]
    public async Task GetReview_RoleHistoryIncludesTheEndedLead()
    {
        var (incident, _, _) = await ResolvedIncidentAsync();

        var review = (await Harness.ReviewQueries.GetReviewAsync(incident.Number, Ct))!;

        Assert.Equal(
            [
                new RoleHistoryItem("Incident Lead", IncidentRoleKind.Lead, "Riley Chen", At(0), At(20)),
                new RoleHistoryItem("Incident Lead", IncidentRoleKind.Lead, "Sam Okafor", At(20), null),
                new RoleHistoryItem("Reporter", IncidentRoleKind.Reporter, "Riley Chen", At(0), null),
            ],
            review.RoleHistory);
    }
}

public sealed class ReviewQueriesTests_Sqlite(SqliteTestDatabase database)
    : ReviewQueriesTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ReviewQueriesTests_SqlServer(SqlServerTestDatabase database)
    : ReviewQueriesTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class ReviewQueriesTests_PostgreSql(PostgreSqlTestDatabase database)
    : ReviewQueriesTests(database), IClassFixture<PostgreSqlTestDatabase>;
