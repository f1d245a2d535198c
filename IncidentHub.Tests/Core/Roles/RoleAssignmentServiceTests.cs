using IncidentHub.Core.Common;
using IncidentHub.Core.Live;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Roles;

public abstract class RoleAssignmentServiceTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task HandOverLead_EndsTheOldAssignmentAndRecordsIt()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(riley);
        Harness.Feed.Clear();
        Harness.Time.Advance(TimeSpan.FromMinutes(40));

        await Harness.Roles.HandOverLeadAsync(riley, incident.Id, sam.UserId, riley.UserId, Ct);

        var leadRole = await Harness.RoleIdAsync(IncidentRoleKind.Lead);
        var history = await Harness.QueryAsync(db => db.RoleAssignments
            .Where(r => r.IncidentId == incident.Id && r.RoleDefinitionId == leadRole)
            .OrderBy(r => r.Id)
            .Select(r => new { r.UserId, r.AssignedAt, r.EndedAt })
            .ToListAsync(Ct));
        Assert.Equal(2, history.Count);
        Assert.Equal((riley.UserId, ServiceHarness.Start, (DateTimeOffset?)Harness.Time.GetUtcNow()), (history[0].UserId, history[0].AssignedAt, history[0].EndedAt));
        Assert.Equal((sam.UserId, Harness.Time.GetUtcNow(), (DateTimeOffset?)null), (history[1].UserId, history[1].AssignedAt, history[1].EndedAt));
        Assert.Equal(sam.UserId, (await Harness.LoadIncidentAsync(incident.Id)).LeadId);
        var entry = await Harness.QueryAsync(db => db.TimelineEntries.SingleAsync(e => e.Kind == TimelineEntryKind.LeadHandover, Ct));
        Assert.True(entry.IsHighlighted);
        Assert.Equal("Riley Chen handed the lead to Sam Okafor.", entry.Text);
        Assert.Equal(IncidentChangeKind.RolesChanged, Assert.Single(Harness.Feed.Changes).Kind);
    }

    [Fact]
    public async Task HandOverLead_ToAViewer_IsRefusedWithAClearMessage()
    {
        var riley = await Harness.CreateResponderAsync();
        var casey = await Harness.CreateViewerAsync("Casey Lee");
        var incident = await Harness.DeclareAsync(riley);
        Harness.Feed.Clear();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Harness.Roles.HandOverLeadAsync(riley, incident.Id, casey.UserId, riley.UserId, Ct));

        Assert.Contains("Casey Lee is a Viewer", Assert.Single(ex.Errors["UserId"]), StringComparison.Ordinal);
        Assert.Equal(riley.UserId, (await Harness.LoadIncidentAsync(incident.Id)).LeadId);
        Assert.Empty(Harness.Feed.Changes);
    }

    [Fact]
    public async Task HandOverLead_ToSomeoneWithoutAnAccount_IsRefused()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Harness.Roles.HandOverLeadAsync(riley, incident.Id, "nobody", riley.UserId, Ct));

        Assert.Equal(["UserId"], ex.Errors.Keys);
    }

    [Fact]
    public async Task HandOverLead_WhenSomeoneElseAlreadyHandedItOver_ThrowsConflict()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync();
        var jordan = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        await Harness.Roles.HandOverLeadAsync(riley, incident.Id, sam.UserId, riley.UserId, Ct);

        await Assert.ThrowsAsync<ConflictException>(() =>
            Harness.Roles.HandOverLeadAsync(riley, incident.Id, jordan.UserId, riley.UserId, Ct));

        Assert.Equal(sam.UserId, (await Harness.LoadIncidentAsync(incident.Id)).LeadId);
    }

    [Fact]
    public async Task Unassign_TheLead_IsRefused()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        var leadRole = await Harness.RoleIdAsync(IncidentRoleKind.Lead);

        await Assert.ThrowsAsync<DomainException>(() => Harness.Roles.UnassignAsync(riley, incident.Id, leadRole, riley.UserId, Ct));

        Assert.Equal(riley.UserId, (await Harness.LoadIncidentAsync(incident.Id)).LeadId);
    }

    [Fact]
    public async Task AssignAndUnassign_Scribe_IsStored()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        var scribe = await Harness.RoleIdAsync(IncidentRoleKind.Scribe);

        await Harness.Roles.AssignAsync(riley, incident.Id, scribe, sam.UserId, expectedHolderId: null, Ct);
        var assigned = (await Harness.LoadIncidentAsync(incident.Id)).CurrentHolder(scribe)?.UserId;
        await Harness.Roles.UnassignAsync(riley, incident.Id, scribe, sam.UserId, Ct);

        Assert.Equal(sam.UserId, assigned);
        Assert.Null((await Harness.LoadIncidentAsync(incident.Id)).CurrentHolder(scribe));
    }

    [Fact]
    public async Task Assign_AnUnknownRole_IsRefusedOnRoleDefinitionId()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Harness.Roles.AssignAsync(riley, incident.Id, 987_654, riley.UserId, null, Ct));

        Assert.Equal(["RoleDefinitionId"], ex.Errors.Keys);
    }
}

public sealed class RoleAssignmentServiceTests_Sqlite(SqliteTestDatabase database)
    : RoleAssignmentServiceTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class RoleAssignmentServiceTests_SqlServer(SqlServerTestDatabase database)
    : RoleAssignmentServiceTests(database), IClassFixture<SqlServerTestDatabase>;
