using IncidentHub.Core.Common;
using IncidentHub.Core.Demo;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Users;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Demo;

public abstract class DemoDataSeederTests(TestDatabase database) : DatabaseTest(database)
{
    private Task<Actor> FirstAdminAsync() => Harness.Accounts.CreateFirstAdminAsync(new FirstRunForm
    {
        SetupCode = ServiceHarness.SetupCode,
        DisplayName = "Ada Admin",
        Email = "ada@example.com",
        Password = ServiceHarness.Password,
        ConfirmPassword = ServiceHarness.Password,
    }, ServiceHarness.SetupCode, Ct);

    [Fact]
    public async Task Seed_OnAFreshDatabase_LoadsSevenIncidentsInEveryStatusAndSixPeople()
    {
        var admin = await FirstAdminAsync();

        var seeded = await Harness.DemoData.SeedAsync(admin, Ct);

        Assert.True(seeded.Loaded);
        Assert.Matches("^demo-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$", seeded.Password);
        var statuses = await Harness.QueryAsync(db => db.Incidents.OrderBy(i => i.Number).Select(i => i.Status).ToListAsync(Ct));
        Assert.Equal(
            [
                IncidentStatus.Closed, IncidentStatus.Resolved, IncidentStatus.Declined, IncidentStatus.Monitoring,
                IncidentStatus.Investigating, IncidentStatus.Fixing, IncidentStatus.Triage,
            ],
            statuses);
        var emails = await Harness.QueryAsync(db => db.Users.Where(u => u.Email != "ada@example.com").Select(u => u.Email).ToListAsync(Ct));
        Assert.Equal(DemoDataSeeder.People.Select(p => p.Email).Order(), emails.Order());
        Assert.Equal(6, emails.Count);
        Assert.False(await Harness.QueryAsync(db => db.Users.AnyAsync(u => u.Email!.EndsWith("@demo.incidenthub") && u.Role == IncidentHub.Core.Common.AppRole.Admin, Ct)));
    }

    [Fact]
    public async Task Seed_HappensInThePast_AndEveryIncidentHasATimeline()
    {
        var admin = await FirstAdminAsync();

        await Harness.DemoData.SeedAsync(admin, Ct);

        var incidents = await Harness.QueryAsync(db => db.Incidents
            .Select(i => new { i.DeclaredAt, i.LastChangedAt, Entries = db.TimelineEntries.Count(e => e.IncidentId == i.Id) })
            .ToListAsync(Ct));
        Assert.All(incidents, i => Assert.True(i.DeclaredAt < ServiceHarness.Start));
        Assert.All(incidents, i => Assert.True(i.LastChangedAt <= ServiceHarness.Start));
        Assert.All(incidents, i => Assert.True(i.Entries > 0));
    }

    [Fact]
    public async Task Seed_TheResolvedOutage_HasAReviewWithDurations()
    {
        var admin = await FirstAdminAsync();

        await Harness.DemoData.SeedAsync(admin, Ct);

        var review = (await Harness.ReviewQueries.GetReviewAsync(2, Ct))!;
        Assert.Equal(TimeSpan.FromMinutes(4), review.Durations.TimeToDetect);
        Assert.Equal(TimeSpan.FromMinutes(26), review.Durations.TimeToMitigate);
        Assert.Equal(TimeSpan.FromMinutes(59), review.Durations.TimeToResolve);
    }

    [Fact]
    public async Task Seed_FillsTheStatusPage_WithServices_ACurrentNotice_AndAResolvedOne()
    {
        var admin = await FirstAdminAsync();

        await Harness.DemoData.SeedAsync(admin, Ct);

        var status = await Harness.StatusPage.GetSnapshotAsync(Ct);
        Assert.Equal(DemoDataSeeder.Services, status.Components.Select(c => c.Name));
        Assert.Equal(ComponentState.PartialOutage, status.Components.Single(c => c.Name == "Checkout and payments").State);
        var current = Assert.Single(status.Active);
        Assert.Equal(("Card payments failing for some European customers", PublicStatus.Identified), (current.Title, current.Status));
        var resolved = Assert.Single(status.RecentlyResolved);
        Assert.Equal(3, resolved.Updates.Count);
        Assert.Contains(status.Components.Single(c => c.Name == "API").History, d => d.Worst == ComponentState.MajorOutage);
    }

    [Fact]
    public async Task Seed_KeepsTheServicesAnAdminListedAlready()
    {
        var admin = await FirstAdminAsync();
        await Harness.StatusComponents.SaveAsync(admin, new ComponentForm { Name = "Storefront" }, Ct);

        await Harness.DemoData.SeedAsync(admin, Ct);

        var status = await Harness.StatusPage.GetSnapshotAsync(Ct);
        Assert.Equal("Storefront", Assert.Single(status.Components).Name);
        Assert.Equal(ComponentState.Operational, status.Components[0].State);
        Assert.Equal("Card payments failing for some European customers", Assert.Single(status.Active).Title);
    }

    [Fact]
    public async Task Seed_ASecondTime_DoesNothing()
    {
        var admin = await FirstAdminAsync();
        await Harness.DemoData.SeedAsync(admin, Ct);
        var counts = await Harness.QueryAsync(async db => (await db.Incidents.CountAsync(Ct), await db.TimelineEntries.CountAsync(Ct), await db.Users.CountAsync(Ct)));

        var seededAgain = await Harness.DemoData.SeedAsync(admin, Ct);

        Assert.False(seededAgain.Loaded);
        Assert.Null(seededAgain.Password);
        Assert.Equal(counts, await Harness.QueryAsync(async db => (await db.Incidents.CountAsync(Ct), await db.TimelineEntries.CountAsync(Ct), await db.Users.CountAsync(Ct))));
    }

    [Fact]
    public async Task Seed_ByAResponder_IsForbidden()
    {
        var riley = await Harness.CreateResponderAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Harness.DemoData.SeedAsync(riley, Ct));

        Assert.False(await Harness.QueryAsync(db => db.Incidents.AnyAsync(Ct)));
    }
}

public sealed class DemoDataSeederTests_Sqlite(SqliteTestDatabase database)
    : DemoDataSeederTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class DemoDataSeederTests_SqlServer(SqlServerTestDatabase database)
    : DemoDataSeederTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class DemoDataSeederTests_PostgreSql(PostgreSqlTestDatabase database)
    : DemoDataSeederTests(database), IClassFixture<PostgreSqlTestDatabase>;
