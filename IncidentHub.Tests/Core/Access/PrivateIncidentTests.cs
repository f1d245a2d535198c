using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Notifications;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Access;

/// <summary>A private incident exists only for the people on it, people let in, and admins.</summary>
public abstract class PrivateIncidentTests(TestDatabase database) : DatabaseTest(database)
{
    private const string Secret = "ZEPHYRQUOKKA";

    private async Task<(DeclaredIncident Incident, Actor Lead)> DeclarePrivateAsync()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.Incidents.DeclareAsync(lead, new DeclareIncidentRequest
        {
            Name = $"Payroll data exposed {Secret}",
            SeverityId = (await Harness.IncidentQueries.GetSeveritiesAsync(cancellationToken: Ct))[0].Id,
            Summary = $"Summary mentions {Secret}",
            IsPrivate = true,
        }, Ct);
        await Harness.Updates.PostUpdateAsync(lead, incident.Id, new PostUpdateRequest { Message = $"Update mentions {Secret}" }, Ct);
        return (incident, lead);
    }

    private async Task<bool> SeesAsync(Actor viewer, DeclaredIncident incident) =>
        await Harness.IncidentQueries.GetDetailAsync(viewer, incident.Number, Ct) is not null;

    [Fact]
    public async Task APrivateIncident_IsNowhereForSomeoneNotOnIt()
    {
        var (incident, _) = await DeclarePrivateAsync();
        var outsider = await Harness.CreateResponderAsync("Otto Outsider");

        Assert.Empty(await Harness.IncidentQueries.GetActiveAsync(outsider, new DashboardFilter(), Ct));
        Assert.Equal(0, (await Harness.IncidentQueries.SearchAsync(outsider, new IncidentSearch { Text = Secret }, Ct)).TotalCount);
        Assert.Equal(0, (await Harness.IncidentQueries.SearchAsync(outsider, new IncidentSearch { Text = incident.Reference }, Ct)).TotalCount);
        Assert.Null(await Harness.IncidentQueries.GetDetailAsync(outsider, incident.Number, Ct));
        Assert.Equal(0, (await Harness.IncidentQueries.GetTimelineAsync(outsider, incident.Id, cancellationToken: Ct)).TotalCount);
        Assert.Null(await Harness.ReviewQueries.GetReviewAsync(outsider, incident.Number, Ct));
        Assert.Empty((await Harness.Board.GetBoardAsync(outsider, Ct)).Active);
    }

    [Fact]
    public async Task APrivateIncident_IsVisibleToItsPeople_AndAdmins()
    {
        var (incident, lead) = await DeclarePrivateAsync();
        var scribe = await Harness.CreateResponderAsync("Sara Scribe");
        var admin = await Harness.CreateAdminAsync("Ada Admin");
        await Harness.Roles.AssignAsync(lead, incident.Id, await Harness.RoleIdAsync(IncidentRoleKind.Scribe), scribe.UserId, null, Ct);

        Assert.True(await SeesAsync(lead, incident));
        Assert.True(await SeesAsync(scribe, incident));
        Assert.True(await SeesAsync(admin, incident));
        Assert.Single(await Harness.IncidentQueries.GetActiveAsync(scribe, new DashboardFilter(), Ct));
    }

    [Fact]
    public async Task ChangingIt_AsSomeoneNotOnIt_IsAnsweredExactlyAsForAnIncidentThatDoesNotExist()
    {
        var (incident, _) = await DeclarePrivateAsync();
        var outsider = await Harness.CreateResponderAsync("Otto Outsider");

        var hidden = await Assert.ThrowsAsync<NotFoundException>(() =>
            Harness.Timeline.AddNoteAsync(outsider, incident.Id, new AddNoteRequest { Text = "Hello?" }, Ct));
        var missing = await Assert.ThrowsAsync<NotFoundException>(() =>
            Harness.Timeline.AddNoteAsync(outsider, 987_654, new AddNoteRequest { Text = "Hello?" }, Ct));

        Assert.Equal(missing.Message, hidden.Message);
        Assert.Equal(2, (await Harness.IncidentQueries.GetTimelineAsync(incident.Id, cancellationToken: Ct)).TotalCount);
    }

    [Fact]
    public async Task AskingForAccess_ReachesTheLead_WhoLetsThemIn_AndItIsLogged()
    {
        var (incident, lead) = await DeclarePrivateAsync();
        var outsider = await Harness.CreateViewerAsync("Vera Viewer");

        await Harness.Access.RequestAsync(outsider, incident.Number, "Customer support needs the details.", Ct);
        await Harness.Access.RequestAsync(outsider, incident.Number, "Asking twice.", Ct);

        var access = (await Harness.Access.GetAccessAsync(lead, incident.Id, Ct))!;
        var request = Assert.Single(access.Requests);
        Assert.Equal("Customer support needs the details.", request.Reason);
        Assert.Contains(await Harness.Notifications.GetRecentAsync(lead, cancellationToken: Ct), n => n.Kind == NotificationKind.AccessRequested);
        Assert.False(await SeesAsync(outsider, incident));

        await Harness.Access.DecideAsync(lead, incident.Id, request.Id, grant: true, Ct);

        Assert.True(await SeesAsync(outsider, incident));
        Assert.Contains(await Harness.Notifications.GetRecentAsync(outsider, cancellationToken: Ct), n => n.Kind == NotificationKind.AccessGranted);
        var log = (await Harness.Access.GetAccessAsync(lead, incident.Id, Ct))!.Log;
        Assert.Contains(log, e => e.Kind == AccessLogKind.Requested && e.UserName == "Vera Viewer");
        Assert.Contains(log, e => e.Kind == AccessLogKind.Granted && e.ActorName == "Lena Lead");
    }

    [Fact]
    public async Task AskingForAccess_ToSomethingThatIsNotAPrivateIncident_ChangesNothing_AndSaysNothing()
    {
        var lead = await Harness.CreateResponderAsync();
        var standard = await Harness.DeclareAsync(lead, "Visible to all");
        var outsider = await Harness.CreateViewerAsync();

        await Harness.Access.RequestAsync(outsider, standard.Number, null, Ct);
        await Harness.Access.RequestAsync(outsider, 424_242, null, Ct);

        Assert.Equal(0, await Harness.QueryAsync(db => Task.FromResult(db.IncidentAccessRequests.Count())));
        Assert.Empty(await Harness.Notifications.GetRecentAsync(lead, cancellationToken: Ct));
    }

    [Fact]
    public async Task ARefusedRequest_KeepsThemOut_AndIsLogged()
    {
        var (incident, lead) = await DeclarePrivateAsync();
        var outsider = await Harness.CreateViewerAsync("Vera Viewer");
        await Harness.Access.RequestAsync(outsider, incident.Number, null, Ct);
        var request = Assert.Single((await Harness.Access.GetAccessAsync(lead, incident.Id, Ct))!.Requests);

        await Harness.Access.DecideAsync(lead, incident.Id, request.Id, grant: false, Ct);

        Assert.False(await SeesAsync(outsider, incident));
        Assert.Contains((await Harness.Access.GetAccessAsync(lead, incident.Id, Ct))!.Log, e => e.Kind == AccessLogKind.Refused);
        await Assert.ThrowsAsync<ConflictException>(() => Harness.Access.DecideAsync(lead, incident.Id, request.Id, grant: true, Ct));
    }

    [Fact]
    public async Task TakingAccessAway_HidesTheIncidentAgain()
    {
        var (incident, lead) = await DeclarePrivateAsync();
        var guest = await Harness.CreateResponderAsync("Gus Guest");
        await Harness.Access.InviteAsync(lead, incident.Id, guest.UserId, Ct);
        Assert.True(await SeesAsync(guest, incident));
        var grant = Assert.Single((await Harness.Access.GetAccessAsync(lead, incident.Id, Ct))!.Grants);

        await Harness.Access.RevokeAsync(lead, incident.Id, grant.Id, Ct);

        Assert.False(await SeesAsync(guest, incident));
        Assert.Empty(await Harness.Notifications.GetRecentAsync(guest, cancellationToken: Ct));
    }

    [Fact]
    public async Task AFormerRoleHolder_KeepsAccess_UntilTheLeadTakesItAway_AndItIsLogged()
    {
        var (incident, lead) = await DeclarePrivateAsync();
        var scribe = await Harness.CreateResponderAsync("Sara Scribe");
        var scribeRole = await Harness.RoleIdAsync(IncidentRoleKind.Scribe);
        await Harness.Roles.AssignAsync(lead, incident.Id, scribeRole, scribe.UserId, null, Ct);
        await Harness.Roles.UnassignAsync(lead, incident.Id, scribeRole, scribe.UserId, Ct);
        Assert.True(await SeesAsync(scribe, incident));
        var before = Assert.Single((await Harness.Access.GetAccessAsync(lead, incident.Id, Ct))!.People, p => p.UserId == scribe.UserId);

        await Harness.Access.RemoveAccessAsync(lead, incident.Id, scribe.UserId, Ct);

        Assert.False(await SeesAsync(scribe, incident));
        Assert.Equal(("was Scribe", true), (before.Why, before.CanRemove));
        var view = (await Harness.Access.GetAccessAsync(lead, incident.Id, Ct))!;
        Assert.DoesNotContain(view.People, p => p.UserId == scribe.UserId);
        Assert.Equal("Lena Lead took away Sara Scribe's access", view.Log.First(e => e.Kind == AccessLogKind.Revoked).Text);
        await Assert.ThrowsAsync<ConflictException>(() => Harness.Access.RemoveAccessAsync(lead, incident.Id, scribe.UserId, Ct));
    }

    [Fact]
    public async Task GivingARoleAgain_LetsThemBackIn()
    {
        var (incident, lead) = await DeclarePrivateAsync();
        var scribe = await Harness.CreateResponderAsync("Sara Scribe");
        var scribeRole = await Harness.RoleIdAsync(IncidentRoleKind.Scribe);
        await Harness.Roles.AssignAsync(lead, incident.Id, scribeRole, scribe.UserId, null, Ct);
        await Harness.Roles.UnassignAsync(lead, incident.Id, scribeRole, scribe.UserId, Ct);
        await Harness.Access.RemoveAccessAsync(lead, incident.Id, scribe.UserId, Ct);

        await Harness.Roles.AssignAsync(lead, incident.Id, scribeRole, scribe.UserId, null, Ct);

        Assert.True(await SeesAsync(scribe, incident));
    }

    [Fact]
    public async Task AnAdmin_RemovesBothALetInAndARoleOnce_InOneGo()
    {
        var (incident, lead) = await DeclarePrivateAsync();
        var admin = await Harness.CreateAdminAsync("Ada Admin");
        var comms = await Harness.CreateResponderAsync("Cora Comms");
        var commsRole = await Harness.RoleIdAsync(IncidentRoleKind.CommunicationsLead);
        await Harness.Access.InviteAsync(lead, incident.Id, comms.UserId, Ct);
        await Harness.Roles.AssignAsync(lead, incident.Id, commsRole, comms.UserId, null, Ct);
        await Harness.Roles.UnassignAsync(lead, incident.Id, commsRole, comms.UserId, Ct);

        await Harness.Access.RemoveAccessAsync(admin, incident.Id, comms.UserId, Ct);

        Assert.False(await SeesAsync(comms, incident));
        Assert.Empty((await Harness.Access.GetAccessAsync(lead, incident.Id, Ct))!.Grants);
    }

    [Fact]
    public async Task CurrentRoleHolders_AndAdmins_KeepTheirAccess_AndOnlyTheLeadOrAnAdminMayRemoveAny()
    {
        var (incident, lead) = await DeclarePrivateAsync();
        var admin = await Harness.CreateAdminAsync("Ada Admin");
        var scribe = await Harness.CreateResponderAsync("Sara Scribe");
        var former = await Harness.CreateResponderAsync("Fred Former");
        var scribeRole = await Harness.RoleIdAsync(IncidentRoleKind.Scribe);
        await Harness.Roles.AssignAsync(lead, incident.Id, scribeRole, former.UserId, null, Ct);
        await Harness.Roles.AssignAsync(lead, incident.Id, scribeRole, scribe.UserId, former.UserId, Ct);

        var current = await Assert.ThrowsAsync<DomainException>(() => Harness.Access.RemoveAccessAsync(lead, incident.Id, scribe.UserId, Ct));
        var leadItself = await Assert.ThrowsAsync<DomainException>(() => Harness.Access.RemoveAccessAsync(admin, incident.Id, lead.UserId, Ct));
        var anAdmin = await Assert.ThrowsAsync<DomainException>(() => Harness.Access.RemoveAccessAsync(lead, incident.Id, admin.UserId, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Harness.Access.RemoveAccessAsync(scribe, incident.Id, former.UserId, Ct));

        Assert.Equal($"Sara Scribe is the Scribe of {incident.Reference} and sees it while they hold the role. Give the role to someone else first.", current.Message);
        Assert.StartsWith("Lena Lead is the Incident Lead of", leadItself.Message, StringComparison.Ordinal);
        Assert.StartsWith("Ada Admin is an admin, and admins can see every private incident.", anAdmin.Message, StringComparison.Ordinal);
        Assert.True(await SeesAsync(scribe, incident));
        Assert.True(await SeesAsync(former, incident));
        var people = (await Harness.Access.GetAccessAsync(lead, incident.Id, Ct))!.People;
        Assert.Equal(("Scribe", false, "keeps access while holding a role"), people.Where(p => p.UserId == scribe.UserId).Select(p => (p.Why, p.CanRemove, p.KeptBecause)).Single());
        Assert.True(people.Single(p => p.UserId == former.UserId).CanRemove);
        Assert.DoesNotContain((await Harness.Access.GetAccessAsync(lead, incident.Id, Ct))!.Log, e => e.Kind == AccessLogKind.Revoked);
    }

    [Fact]
    public async Task OnAStandardIncident_ThereIsNoAccessToTakeAway()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.DeclareAsync(lead);
        var other = await Harness.CreateResponderAsync("Otto Other");

        var ex = await Assert.ThrowsAsync<DomainException>(() => Harness.Access.RemoveAccessAsync(lead, incident.Id, other.UserId, Ct));

        Assert.StartsWith("Everyone signed in can see this incident", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheLeadOrAnAdmin_ManagesAccess_AndOthersGetNoLog()
    {
        var (incident, lead) = await DeclarePrivateAsync();
        var scribe = await Harness.CreateResponderAsync("Sara Scribe");
        await Harness.Roles.AssignAsync(lead, incident.Id, await Harness.RoleIdAsync(IncidentRoleKind.Scribe), scribe.UserId, null, Ct);

        await Assert.ThrowsAsync<ForbiddenException>(() => Harness.Access.InviteAsync(scribe, incident.Id, lead.UserId, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Harness.Access.ChangeVisibilityAsync(scribe, incident.Id, IncidentVisibility.Standard, Ct));
        Assert.Null(await Harness.Access.GetAccessAsync(scribe, incident.Id, Ct));
    }

    [Fact]
    public async Task AnAdminOpeningIt_IsLogged_ButSomeoneOnItIsNot()
    {
        var (incident, lead) = await DeclarePrivateAsync();
        var admin = await Harness.CreateAdminAsync("Ada Admin");

        await Harness.Access.RecordViewAsync(admin, incident.Id, Ct);
        await Harness.Access.RecordViewAsync(lead, incident.Id, Ct);

        var views = (await Harness.Access.GetAccessAsync(lead, incident.Id, Ct))!.Log.Where(e => e.Kind == AccessLogKind.Viewed).ToList();
        Assert.Equal("Ada Admin", Assert.Single(views).UserName);
    }

    [Fact]
    public async Task MakingItPrivate_HidesIt_AndIsOnTheTimeline()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var outsider = await Harness.CreateResponderAsync("Otto Outsider");
        var incident = await Harness.DeclareAsync(lead, "Started public");
        Assert.True(await SeesAsync(outsider, incident));

        await Harness.Access.ChangeVisibilityAsync(lead, incident.Id, IncidentVisibility.Private, Ct);

        Assert.False(await SeesAsync(outsider, incident));
        var entry = (await Harness.IncidentQueries.GetTimelineAsync(lead, incident.Id, cancellationToken: Ct)).Items[0];
        Assert.Equal(TimelineEntryKind.VisibilityChanged, entry.Kind);
    }
}

public sealed class PrivateIncidentTests_Sqlite(SqliteTestDatabase database)
    : PrivateIncidentTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class PrivateIncidentTests_SqlServer(SqlServerTestDatabase database)
    : PrivateIncidentTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class PrivateIncidentTests_PostgreSql(PostgreSqlTestDatabase database)
    : PrivateIncidentTests(database), IClassFixture<PostgreSqlTestDatabase>;
