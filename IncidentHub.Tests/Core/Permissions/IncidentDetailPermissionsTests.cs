using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Roles;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Permissions;

/// <summary>The flags the pages read are the aggregate's own answer, for every kind of viewer, on a real database.</summary>
public abstract class IncidentDetailPermissionsTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly string[] Flags =
    [
        nameof(IncidentPermissions.Respond), nameof(IncidentPermissions.IsLead), nameof(IncidentPermissions.PostUpdate),
        nameof(IncidentPermissions.AddNote), nameof(IncidentPermissions.MarkKeyEvents), nameof(IncidentPermissions.ChangeStatus),
        nameof(IncidentPermissions.ChangeSeverity), nameof(IncidentPermissions.EditDetails), nameof(IncidentPermissions.ChangeRoles),
        nameof(IncidentPermissions.ChangeActions), nameof(IncidentPermissions.DraftNotice), nameof(IncidentPermissions.Publish),
        nameof(IncidentPermissions.ManageAccess), nameof(IncidentPermissions.ChangeVisibility), nameof(IncidentPermissions.ManageReminder),
        nameof(IncidentPermissions.SeeUpdateDueBanner),
    ];

    [Theory]
    [InlineData(IncidentStatus.Investigating, false)]
    [InlineData(IncidentStatus.Investigating, true)]
    [InlineData(IncidentStatus.Resolved, false)]
    [InlineData(IncidentStatus.Closed, false)]
    [InlineData(IncidentStatus.Declined, true)]
    public async Task TheDetailsFlags_AreTheAggregates_ForEveryViewer(IncidentStatus status, bool isPrivate)
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var comms = await Harness.CreateResponderAsync("Cody Comms");
        var admin = await Harness.CreateAdminAsync("Ada Admin");
        var incident = await Harness.DeclareAsync(lead);
        await Harness.Roles.AssignAsync(lead, incident.Id, await Harness.RoleIdAsync(IncidentRoleKind.CommunicationsLead), comms.UserId, null, Ct);
        if (isPrivate)
        {
            await Harness.Access.ChangeVisibilityAsync(lead, incident.Id, IncidentVisibility.Private, Ct);
        }

        await Harness.MoveToAsync(lead, incident.Id, status);
        var aggregate = await Harness.QueryAsync(db => db.Incidents
            .Include(i => i.Severity).Include(i => i.Reminder)
            .Include(i => i.RoleAssignments.Where(r => r.EndedAt == null)).ThenInclude(r => r.RoleDefinition)
            .SingleAsync(i => i.Id == incident.Id, Ct));

        foreach (var viewer in new[] { lead, comms, admin, lead with { Role = AppRole.Viewer } })
        {
            var detail = (await Harness.IncidentQueries.GetDetailAsync(viewer, incident.Number, Ct))!;
            var expected = aggregate.PermissionsFor(viewer);
            foreach (var flag in Flags)
            {
                var property = typeof(IncidentPermissions).GetProperty(flag)!;
                Assert.True(Equals(property.GetValue(expected), property.GetValue(detail.Can)), $"{flag} for {viewer.DisplayName} ({viewer.Role}) on a {status} incident");
            }

            Assert.Equal(expected.NextStatuses, detail.Can.NextStatuses);
            Assert.Equal(expected.UpdateStatuses, detail.Can.UpdateStatuses);
            Assert.All(IncidentTimestamps.All, t => Assert.Equal(expected.Correct(t), detail.Can.Correct(t)));
        }
    }

    [Fact]
    public async Task Publishing_OnAClosedIncident_IsRefused_AndChangesNothing()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.DeclareAsync(lead);
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Closed);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Harness.Publication.PublishAsync(lead, incident.Id,
            new PublicNoticeForm { Title = "Payments failing", Message = "We are looking into it." }, Ct));
        await Assert.ThrowsAsync<DomainException>(() => Harness.Publication.SaveDraftAsync(lead, incident.Id,
            new PublicNoticeForm { Title = "Payments failing", Message = "Draft." }, Ct));

        Assert.Contains("Closed", ex.Message, StringComparison.Ordinal);
        Assert.False(await Harness.QueryAsync(db => db.PublicNotices.AnyAsync(Ct)));
        Assert.False((await Harness.IncidentQueries.GetDetailAsync(lead, incident.Number, Ct))!.Can.Publish);
    }

    [Fact]
    public async Task ADetailLoadedForNobody_OffersNothing()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.DeclareAsync(lead);

        var detail = (await Harness.IncidentQueries.GetDetailAsync(incident.Number, Ct))!;

        Assert.All(Flags, flag => Assert.False((bool)typeof(IncidentPermissions).GetProperty(flag)!.GetValue(detail.Can)!, flag));
    }
}

public sealed class IncidentDetailPermissionsTests_Sqlite(SqliteTestDatabase database)
    : IncidentDetailPermissionsTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class IncidentDetailPermissionsTests_SqlServer(SqlServerTestDatabase database)
    : IncidentDetailPermissionsTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class IncidentDetailPermissionsTests_PostgreSql(PostgreSqlTestDatabase database)
    : IncidentDetailPermissionsTests(database), IClassFixture<PostgreSqlTestDatabase>;
