using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Roles;

public abstract class RoleAssignmentServiceTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task HandOverLead_EndsTheOldAssignmentAndRecordsIt_OnceTheNewLeadAccepts()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(riley);
        Harness.Feed.Clear();
        Harness.Time.Advance(TimeSpan.FromMinutes(40));

        await Harness.Roles.OfferLeadAsync(riley, incident.Id, new OfferLeadRequest { UserId = sam.UserId, Note = "  Rollback running; DB team on replica lag.  " }, riley.UserId, Ct);

        var offered = await Harness.LoadIncidentAsync(incident.Id);
        Assert.Equal(riley.UserId, offered.LeadId);
        Assert.Equal((sam.UserId, "Rollback running; DB team on replica lag.", riley.UserId), (offered.PendingHandover!.ToUserId, offered.PendingHandover.Note, offered.PendingHandover.FromUserId));
        var offer = await Harness.QueryAsync(db => db.TimelineEntries.SingleAsync(e => e.Kind == TimelineEntryKind.LeadHandoverOffered, Ct));
        Assert.Equal("Riley Chen asked Sam Okafor to take the lead. Riley Chen leads until Sam Okafor accepts.", offer.Text);
        Assert.Equal("Rollback running; DB team on replica lag.", offer.Detail);

        Harness.Time.Advance(TimeSpan.FromMinutes(2));
        await Harness.Roles.AcceptLeadAsync(sam, incident.Id, riley.UserId, Ct);

        var leadRole = await Harness.RoleIdAsync(IncidentRoleKind.Lead);
        var history = await Harness.QueryAsync(db => db.RoleAssignments
            .Where(r => r.IncidentId == incident.Id && r.RoleDefinitionId == leadRole)
            .OrderBy(r => r.Id)
            .Select(r => new { r.UserId, r.AssignedAt, r.EndedAt })
            .ToListAsync(Ct));
        Assert.Equal(2, history.Count);
        Assert.Equal((riley.UserId, ServiceHarness.Start, (DateTimeOffset?)Harness.Time.GetUtcNow()), (history[0].UserId, history[0].AssignedAt, history[0].EndedAt));
        Assert.Equal((sam.UserId, Harness.Time.GetUtcNow(), (DateTimeOffset?)null), (history[1].UserId, history[1].AssignedAt, history[1].EndedAt));
        var accepted = await Harness.LoadIncidentAsync(incident.Id);
        Assert.Equal(sam.UserId, accepted.LeadId);
        Assert.Null(accepted.PendingHandover);
        var entry = await Harness.QueryAsync(db => db.TimelineEntries.SingleAsync(e => e.Kind == TimelineEntryKind.LeadHandover, Ct));
        Assert.True(entry.IsHighlighted);
        Assert.Equal("Sam Okafor took the lead from Riley Chen (\"I have it\").", entry.Text);
        Assert.Equal(2, Harness.Feed.Changes.Count(c => c.Kind == IncidentChangeKind.RolesChanged));
    }

    [Fact]
    public async Task OfferLead_WithoutANote_IsRefused_AndNothingChanges()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(riley);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Harness.Roles.OfferLeadAsync(riley, incident.Id, new OfferLeadRequest { UserId = sam.UserId, Note = "   " }, riley.UserId, Ct));

        Assert.Contains("Write a short note for Sam Okafor", Assert.Single(ex.Errors[nameof(OfferLeadRequest.Note)]), StringComparison.Ordinal);
        Assert.Null((await Harness.LoadIncidentAsync(incident.Id)).PendingHandover);
    }

    [Fact]
    public async Task OfferLead_ToYourself_TakesTheLeadAtOnce()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(riley);

        await Harness.Roles.OfferLeadAsync(sam, incident.Id, new OfferLeadRequest { UserId = sam.UserId }, riley.UserId, Ct);

        var taken = await Harness.LoadIncidentAsync(incident.Id);
        Assert.Equal((sam.UserId, (string?)null), (taken.LeadId, taken.PendingHandover?.ToUserId));
        var entry = await Harness.QueryAsync(db => db.TimelineEntries.SingleAsync(e => e.Kind == TimelineEntryKind.LeadHandover, Ct));
        Assert.Equal("Sam Okafor took the lead from Riley Chen.", entry.Text);
    }

    [Fact]
    public async Task OfferLead_BySomeoneWhoIsNotTheLead_IsRefused()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync();
        var jordan = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() =>
            Harness.Roles.OfferLeadAsync(sam, incident.Id, new OfferLeadRequest { UserId = jordan.UserId, Note = "Yours." }, riley.UserId, Ct));

        Assert.Contains("Only the incident lead (Riley Chen) or an admin", ex.Message, StringComparison.Ordinal);
        Assert.Null((await Harness.LoadIncidentAsync(incident.Id)).PendingHandover);
    }

    [Fact]
    public async Task AcceptLead_BySomeoneElse_IsRefused_AndTheOfferStaysOpen()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var jordan = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        await Harness.Roles.OfferLeadAsync(riley, incident.Id, new OfferLeadRequest { UserId = sam.UserId, Note = "Yours." }, riley.UserId, Ct);

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() => Harness.Roles.AcceptLeadAsync(jordan, incident.Id, riley.UserId, Ct));

        Assert.Equal("Only Sam Okafor can accept this hand-over.", ex.Message);
        var still = await Harness.LoadIncidentAsync(incident.Id);
        Assert.Equal((riley.UserId, sam.UserId), (still.LeadId, still.PendingHandover!.ToUserId));
    }

    [Fact]
    public async Task NotNow_ByTheIncomingLead_AndWithdraw_ByTheLead_EndTheOffer_OnTheTimeline()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(riley);
        await Harness.Roles.OfferLeadAsync(riley, incident.Id, new OfferLeadRequest { UserId = sam.UserId, Note = "Yours." }, riley.UserId, Ct);

        await Harness.Roles.WithdrawHandoverAsync(sam, incident.Id, sam.UserId, Ct);
        await Harness.Roles.OfferLeadAsync(riley, incident.Id, new OfferLeadRequest { UserId = sam.UserId, Note = "Now?" }, riley.UserId, Ct);
        await Harness.Roles.WithdrawHandoverAsync(riley, incident.Id, sam.UserId, Ct);

        var ended = await Harness.LoadIncidentAsync(incident.Id);
        Assert.Equal((riley.UserId, (LeadHandover?)null), (ended.LeadId, ended.PendingHandover));
        var texts = await Harness.QueryAsync(db => db.TimelineEntries
            .Where(e => e.Kind == TimelineEntryKind.LeadHandoverWithdrawn).OrderBy(e => e.Id).Select(e => e.Text).ToListAsync(Ct));
        Assert.Equal(["Sam Okafor did not take the lead; Riley Chen still leads.", "Riley Chen withdrew the hand-over to Sam Okafor; Riley Chen still leads."], texts);
        await Assert.ThrowsAsync<ConflictException>(() => Harness.Roles.AcceptLeadAsync(sam, incident.Id, riley.UserId, Ct));
    }

    [Fact]
    public async Task APendingOffer_LapsesWhenTheIncidentIsDeclined()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(riley);
        await Harness.Roles.OfferLeadAsync(riley, incident.Id, new OfferLeadRequest { UserId = sam.UserId, Note = "Yours." }, riley.UserId, Ct);

        await Harness.Incidents.ChangeStatusAsync(riley, incident.Id, IncidentStatus.Triage, IncidentStatus.Declined, Ct);

        Assert.Null((await Harness.LoadIncidentAsync(incident.Id)).PendingHandover);
        var lapsed = await Harness.QueryAsync(db => db.TimelineEntries.SingleAsync(e => e.Kind == TimelineEntryKind.LeadHandoverWithdrawn, Ct));
        Assert.Equal("The hand-over to Sam Okafor lapsed: the incident is Declined.", lapsed.Text);
    }

    [Fact]
    public async Task OfferLead_ToSomeoneWithoutAnAccount_IsRefused()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Harness.Roles.OfferLeadAsync(riley, incident.Id, new OfferLeadRequest { UserId = "nobody", Note = "Yours." }, riley.UserId, Ct));

        Assert.Equal(["UserId"], ex.Errors.Keys);
    }

    [Fact]
    public async Task OfferLead_WhenSomeoneElseAlreadyHandedItOver_ThrowsConflict()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync();
        var jordan = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        await Harness.Roles.HandOverLeadAsync(riley, incident.Id, sam, riley.UserId, Ct);

        await Assert.ThrowsAsync<ConflictException>(() =>
            Harness.Roles.OfferLeadAsync(riley, incident.Id, new OfferLeadRequest { UserId = jordan.UserId, Note = "Yours." }, riley.UserId, Ct));

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

public sealed class RoleAssignmentServiceTests_PostgreSql(PostgreSqlTestDatabase database)
    : RoleAssignmentServiceTests(database), IClassFixture<PostgreSqlTestDatabase>;
