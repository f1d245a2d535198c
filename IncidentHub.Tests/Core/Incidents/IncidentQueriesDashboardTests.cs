using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Roles;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Incidents;

public abstract class IncidentQueriesDashboardTests(TestDatabase database) : DatabaseTest(database)
{
    private Actor _riley = null!;
    private Actor _sam = null!;
    private Actor _jordan = null!;

    /// <summary>
    /// INC-1 Minor Triage (Jordan handed the lead to Riley), INC-2 Critical Investigating (Sam leads),
    /// INC-3 Major Fixing (Sam is scribe), INC-4 Critical Resolved, INC-5 Major Declined, INC-6 Critical Triage,
    /// INC-7 Minor Closed. Declared a minute apart; Riley declared them all.
    /// </summary>
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _riley = await Harness.CreateResponderAsync("Riley Chen");
        _sam = await Harness.CreateResponderAsync("Sam Okafor");
        _jordan = await Harness.CreateResponderAsync("Jordan Patel");

        var one = await DeclareAsync("Minor", IncidentStatus.Triage, lead: _jordan);
        await Harness.Roles.HandOverLeadAsync(_jordan, one, _riley, _jordan.UserId, Ct);
        await DeclareAsync("Critical", IncidentStatus.Investigating, lead: _sam);
        var three = await DeclareAsync("Major", IncidentStatus.Fixing);
        await Harness.Roles.AssignAsync(_riley, three, await Harness.RoleIdAsync(IncidentRoleKind.Scribe), _sam.UserId, null, Ct);
        await DeclareAsync("Critical", IncidentStatus.Resolved, lead: _sam);
        await DeclareAsync("Major", IncidentStatus.Declined);
        await DeclareAsync("Critical", IncidentStatus.Triage);
        await DeclareAsync("Minor", IncidentStatus.Closed, lead: _sam);
    }

    private async Task<int> DeclareAsync(string severity, IncidentStatus status, Actor? lead = null)
    {
        Harness.Time.Advance(TimeSpan.FromMinutes(1));
        var declared = await Harness.DeclareAsync(_riley, $"{severity} {status}", severity, r => r.LeadId = lead?.UserId);
        await Harness.MoveToAsync(_riley, declared.Id, status);
        return declared.Id;
    }

    private async Task<List<int>> NumbersAsync(DashboardFilter filter) =>
        [.. (await Harness.IncidentQueries.GetActiveAsync(filter, Ct)).Select(i => i.Number)];

    [Fact]
    public async Task GetActive_ShowsOnlyActiveIncidents_MostSevereFirstThenNewest()
    {
        Assert.Equal([6, 2, 3, 1], await NumbersAsync(new DashboardFilter()));
    }

    [Fact]
    public async Task GetActive_ListsWhatTheDashboardShows()
    {
        var items = await Harness.IncidentQueries.GetActiveAsync(new DashboardFilter(), Ct);

        var two = items.Single(i => i.Number == 2);
        Assert.Equal("INC-2", two.Reference);
        Assert.Equal("Critical Investigating", two.Name);
        Assert.Equal(IncidentStatus.Investigating, two.Status);
        Assert.Equal("Critical", two.SeverityName);
        Assert.Equal(3, two.SeverityRank);
        Assert.Equal("Sam Okafor", two.LeadName);
        Assert.Equal(ServiceHarness.Start + TimeSpan.FromMinutes(2), two.DeclaredAt);
    }

    [Fact]
    public async Task GetActive_FilteredBySeverity()
    {
        var critical = await Harness.SeverityIdAsync("Critical");
        var minor = await Harness.SeverityIdAsync("Minor");

        Assert.Equal([6, 2], await NumbersAsync(new DashboardFilter { SeverityIds = [critical] }));
        Assert.Equal([6, 2, 1], await NumbersAsync(new DashboardFilter { SeverityIds = [critical, minor] }));
    }

    [Fact]
    public async Task GetActive_FilteredByStatus_NeverShowsFinishedOnes()
    {
        Assert.Equal([6, 1], await NumbersAsync(new DashboardFilter { Statuses = [IncidentStatus.Triage] }));
        Assert.Empty(await NumbersAsync(new DashboardFilter { Statuses = [IncidentStatus.Resolved, IncidentStatus.Closed] }));
    }

    [Fact]
    public async Task GetActive_FilteredByLead()
    {
        Assert.Equal([2], await NumbersAsync(new DashboardFilter { LeadId = _sam.UserId }));
        Assert.Equal([6, 3, 1], await NumbersAsync(new DashboardFilter { LeadId = _riley.UserId }));
    }

    [Fact]
    public async Task GetActive_Mine_IsWhereIHoldARoleNow()
    {
        Assert.Equal([2, 3], await NumbersAsync(new DashboardFilter { MineUserId = _sam.UserId }));
        Assert.Empty(await NumbersAsync(new DashboardFilter { MineUserId = _jordan.UserId }));
    }

    [Fact]
    public async Task GetActive_FiltersCombine()
    {
        var critical = await Harness.SeverityIdAsync("Critical");

        Assert.Equal([6], await NumbersAsync(new DashboardFilter { SeverityIds = [critical], LeadId = _riley.UserId }));
    }
}

public sealed class IncidentQueriesDashboardTests_Sqlite(SqliteTestDatabase database)
    : IncidentQueriesDashboardTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class IncidentQueriesDashboardTests_SqlServer(SqlServerTestDatabase database)
    : IncidentQueriesDashboardTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class IncidentQueriesDashboardTests_PostgreSql(PostgreSqlTestDatabase database)
    : IncidentQueriesDashboardTests(database), IClassFixture<PostgreSqlTestDatabase>;
