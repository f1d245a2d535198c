using IncidentHub.Core.Actions;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Incidents;

/// <summary>The incident page: <see cref="IncidentQueries.GetDetailAsync"/> and <see cref="IncidentQueries.GetTimelineAsync"/>.</summary>
public abstract class IncidentQueriesDetailTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task GetDetail_OfAnUnknownNumber_IsNull()
    {
        var detail = await Harness.IncidentQueries.GetDetailAsync(987_654, Ct);

        Assert.Null(detail);
    }

    [Fact]
    public async Task GetDetail_ShowsTheHeader()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var declared = await Harness.DeclareAsync(riley, "Checkout failing", "Critical", r =>
        {
            r.Summary = "Card payments fail.";
            r.CustomerImpact = "Nobody can pay.";
        });

        var detail = (await Harness.IncidentQueries.GetDetailAsync(declared.Number, Ct))!;

        Assert.Equal(declared.Id, detail.Id);
        Assert.Equal("INC-1", detail.Reference);
        Assert.Equal("Checkout failing", detail.Name);
        Assert.Equal("Card payments fail.", detail.Summary);
        Assert.Equal("Nobody can pay.", detail.CustomerImpact);
        Assert.Equal(IncidentStatus.Triage, detail.Status);
        Assert.Equal("Critical", detail.Severity.Name);
        Assert.Equal("Riley Chen", detail.LeadName);
        Assert.Equal(ServiceHarness.Start, detail.DeclaredAt);
        Assert.Equal(ServiceHarness.Start, detail.DetectedAt);
        Assert.True(detail.IsActive);
    }

    [Fact]
    public async Task GetDetail_ListsEveryRoleInOrder_IncludingUnfilledOnes()
    {
        var admin = await Harness.CreateAdminAsync();
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var liaison = await Harness.RoleDefinitions.SaveAsync(admin, new RoleDefinitionForm { Name = "Customer Liaison", Instructions = "Talk to the customer." }, Ct);
        var retired = await Harness.RoleDefinitions.SaveAsync(admin, new RoleDefinitionForm { Name = "Retired role" }, Ct);
        await Harness.RoleDefinitions.SetArchivedAsync(admin, retired, archived: true, Ct);
        var declared = await Harness.DeclareAsync(riley);
        await Harness.Roles.AssignAsync(riley, declared.Id, await Harness.RoleIdAsync(IncidentRoleKind.Scribe), sam.UserId, null, Ct);

        var roles = (await Harness.IncidentQueries.GetDetailAsync(declared.Number, Ct))!.Roles;

        Assert.Equal(["Incident Lead", "Reporter", "Communications Lead", "Scribe", "Customer Liaison"], roles.Select(r => r.RoleName));
        Assert.Equal([riley.UserId, riley.UserId, null, sam.UserId, null], roles.Select(r => r.UserId));
        var unfilled = roles.Where(r => r.UserId is null).ToList();
        Assert.All(unfilled, r => Assert.True(r.IsAssignable));
        Assert.Equal(liaison, unfilled.Last().RoleDefinitionId);
        Assert.Equal("Talk to the customer.", unfilled.Last().Instructions);
        Assert.False(roles.Single(r => r.Kind == IncidentRoleKind.Reporter).IsAssignable);
    }

    [Fact]
    public async Task GetDetail_KeepsAnArchivedRoleWhileSomeoneHoldsIt()
    {
        var admin = await Harness.CreateAdminAsync();
        var riley = await Harness.CreateResponderAsync();
        var legal = await Harness.RoleDefinitions.SaveAsync(admin, new RoleDefinitionForm { Name = "Legal" }, Ct);
        var declared = await Harness.DeclareAsync(riley);
        await Harness.Roles.AssignAsync(riley, declared.Id, legal, riley.UserId, null, Ct);
        await Harness.RoleDefinitions.SetArchivedAsync(admin, legal, archived: true, Ct);

        var roles = (await Harness.IncidentQueries.GetDetailAsync(declared.Number, Ct))!.Roles;

        Assert.Equal(riley.UserId, roles.Single(r => r.RoleName == "Legal").UserId);
    }

    [Fact]
    public async Task GetDetail_ListsOutstandingActionsFirstThenOldestFirst()
    {
        var riley = await Harness.CreateResponderAsync();
        var declared = await Harness.DeclareAsync(riley);
        var ids = new List<int>();
        foreach (var title in new[] { "First", "Second", "Third", "Fourth" })
        {
            Harness.Time.Advance(TimeSpan.FromMinutes(1));
            ids.Add(await Harness.Actions.AddAsync(riley, declared.Id, new AddActionRequest { Title = title }, Ct));
        }

        await Harness.Actions.ChangeStatusAsync(riley, declared.Id, ids[0], ActionStatus.Outstanding, ActionStatus.Done, Ct);
        await Harness.Actions.ChangeStatusAsync(riley, declared.Id, ids[2], ActionStatus.Outstanding, ActionStatus.NotDoing, Ct);

        var actions = (await Harness.IncidentQueries.GetDetailAsync(declared.Number, Ct))!.Actions;

        Assert.Equal(["Second", "Fourth", "First", "Third"], actions.Select(a => a.Title));
        Assert.Equal([ActionStatus.Outstanding, ActionStatus.Outstanding, ActionStatus.Done, ActionStatus.NotDoing], actions.Select(a => a.Status));
    }

    [Fact]
    public async Task GetTimeline_IsNewestFirst()
    {
        var riley = await Harness.CreateResponderAsync();
        var declared = await Harness.DeclareAsync(riley);
        foreach (var text in new[] { "One", "Two", "Three" })
        {
            Harness.Time.Advance(TimeSpan.FromMinutes(1));
            await Harness.Timeline.AddNoteAsync(riley, declared.Id, new AddNoteRequest { Text = text }, Ct);
        }

        var timeline = await Harness.IncidentQueries.GetTimelineAsync(declared.Id, cancellationToken: Ct);

        Assert.Equal(["Three", "Two", "One"], timeline.Items.Take(3).Select(e => e.Text));
        Assert.Equal(TimelineEntryKind.Declared, timeline.Items.Last().Kind);
        Assert.Equal(4, timeline.TotalCount);
    }

    [Fact]
    public async Task GetTimeline_SameMoment_NewestRecordedFirst()
    {
        var riley = await Harness.CreateResponderAsync();
        var declared = await Harness.DeclareAsync(riley);
        await Harness.Timeline.AddNoteAsync(riley, declared.Id, new AddNoteRequest { Text = "Earlier" }, Ct);
        await Harness.Timeline.AddNoteAsync(riley, declared.Id, new AddNoteRequest { Text = "Later" }, Ct);

        var timeline = await Harness.IncidentQueries.GetTimelineAsync(declared.Id, cancellationToken: Ct);

        Assert.Equal(["Later", "Earlier"], timeline.Items.Take(2).Select(e => e.Text));
    }

    [Fact]
    public async Task GetTimeline_HighlightedOnly_ShowsOnlyKeyEvents()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync();
        var declared = await Harness.DeclareAsync(riley);
        await Harness.Timeline.AddNoteAsync(riley, declared.Id, new AddNoteRequest { Text = "Ordinary" }, Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(1));
        await Harness.Timeline.AddNoteAsync(riley, declared.Id, new AddNoteRequest { Text = "Decision", Highlight = true }, Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(1));
        await Harness.Roles.HandOverLeadAsync(riley, declared.Id, sam, riley.UserId, Ct);

        var keyEvents = await Harness.IncidentQueries.GetTimelineAsync(declared.Id, highlightedOnly: true, cancellationToken: Ct);

        Assert.Equal([TimelineEntryKind.LeadHandover, TimelineEntryKind.Note, TimelineEntryKind.Declared], keyEvents.Items.Select(e => e.Kind));
        Assert.All(keyEvents.Items, e => Assert.True(e.IsHighlighted));
        Assert.Equal(3, keyEvents.TotalCount);
    }

    [Fact]
    public async Task GetTimeline_SkipAndTake_PageThroughIt()
    {
        var riley = await Harness.CreateResponderAsync();
        var declared = await Harness.DeclareAsync(riley);
        for (var n = 1; n <= 4; n++)
        {
            Harness.Time.Advance(TimeSpan.FromMinutes(1));
            await Harness.Timeline.AddNoteAsync(riley, declared.Id, new AddNoteRequest { Text = $"Note {n}" }, Ct);
        }

        var page = await Harness.IncidentQueries.GetTimelineAsync(declared.Id, skip: 2, take: 2, cancellationToken: Ct);

        Assert.Equal(["Note 2", "Note 1"], page.Items.Select(e => e.Text));
        Assert.Equal(5, page.TotalCount);
        Assert.Equal(2, page.Page);
    }

    [Fact]
    public async Task GetTimeline_OnlyThatIncident()
    {
        var riley = await Harness.CreateResponderAsync();
        var first = await Harness.DeclareAsync(riley);
        var second = await Harness.DeclareAsync(riley);
        await Harness.Timeline.AddNoteAsync(riley, second.Id, new AddNoteRequest { Text = "On the second" }, Ct);

        var timeline = await Harness.IncidentQueries.GetTimelineAsync(first.Id, cancellationToken: Ct);

        Assert.Equal(TimelineEntryKind.Declared, Assert.Single(timeline.Items).Kind);
    }
}

public sealed class IncidentQueriesDetailTests_Sqlite(SqliteTestDatabase database)
    : IncidentQueriesDetailTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class IncidentQueriesDetailTests_SqlServer(SqlServerTestDatabase database)
    : IncidentQueriesDetailTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class IncidentQueriesDetailTests_PostgreSql(PostgreSqlTestDatabase database)
    : IncidentQueriesDetailTests(database), IClassFixture<PostgreSqlTestDatabase>;
