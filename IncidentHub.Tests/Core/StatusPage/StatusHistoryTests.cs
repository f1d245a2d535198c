using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.StatusPage;

/// <summary>
/// The public page's history from real publications, the clock driven across midnight: a partial outage published at
/// 23:50 and resolved at 00:07 counts 17 minutes at 30%, a 50-minute major outage counts in full; customers' "started"
/// is the impact start the lead set.
/// </summary>
public abstract class StatusHistoryTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 24, 23, 50, 0, TimeSpan.Zero);

    private Actor _admin = null!;
    private int _api;
    private int _payments;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await Harness.CreateAdminAsync("Ada Admin");
        _api = await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "API" }, Ct);
        _payments = await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "Payments" }, Ct);
    }

    private Task PublishAsync(int incidentId, string title, PublicStatus status, int? component = null, ComponentState state = ComponentState.Operational) =>
        Harness.Publication.PublishAsync(_admin, incidentId, new PublicNoticeForm
        {
            Title = title,
            Message = $"{title}: {status}.",
            Status = status,
            Impacts = component is { } id ? new Dictionary<int, ComponentState> { [id] = state } : [],
        }, Ct);

    [Fact]
    public async Task Uptime_CountsMinutesPerState_AcrossMidnight_AndShowsEachDaysIncidents()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        Harness.Time.SetUtcNow(Evening);
        var payments = await Harness.DeclareAsync(lead, "Card payments failing");
        await PublishAsync(payments.Id, "Some card payments fail", PublicStatus.Investigating, _payments, ComponentState.PartialOutage);
        Harness.Time.SetUtcNow(Evening.AddMinutes(17));
        await PublishAsync(payments.Id, "Some card payments fail", PublicStatus.Resolved);
        Harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        var api = await Harness.DeclareAsync(lead, "API returns 500");
        await PublishAsync(api.Id, "API unavailable", PublicStatus.Investigating, _api, ComponentState.MajorOutage);
        Harness.Time.Advance(TimeSpan.FromMinutes(50));
        await PublishAsync(api.Id, "API unavailable", PublicStatus.Resolved);
        Harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

        var snapshot = await Harness.StatusPage.GetSnapshotAsync(Ct);

        var paymentsView = snapshot.Components.Single(c => c.Name == "Payments");
        var apiView = snapshot.Components.Single(c => c.Name == "API");
        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(7)), (paymentsView.History[^2].PartialOutage, paymentsView.History[^1].PartialOutage));
        Assert.Equal(["Some card payments fail"], paymentsView.History[^2].Incidents);
        Assert.Equal(TimeSpan.FromMinutes(50), apiView.History[^1].MajorOutage);
        Assert.Equal(["API unavailable"], apiView.History[^1].Incidents);
        Assert.Equal((99.99, 99.96), (Uptime.Percent(paymentsView.Uptime), Uptime.Percent(apiView.Uptime)));
        Assert.NotEqual(paymentsView.Uptime, apiView.Uptime);
    }

    [Fact]
    public async Task Started_IsTheImpactStart_WhenTheLeadSetIt_OtherwiseTheFirstNotice()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        Harness.Time.SetUtcNow(Evening);
        var known = await Harness.DeclareAsync(lead, "Card payments failing");
        await Harness.Incidents.CorrectTimestampAsync(lead, known.Id, IncidentTimestamp.ImpactStarted, null, Evening.AddMinutes(-35), Ct);
        var unknown = await Harness.DeclareAsync(lead, "Exports slow");
        Harness.Time.Advance(TimeSpan.FromMinutes(5));
        await PublishAsync(known.Id, "Some card payments fail", PublicStatus.Investigating, _payments, ComponentState.PartialOutage);
        await PublishAsync(unknown.Id, "Exports are slow", PublicStatus.Investigating);

        var active = (await Harness.StatusPage.GetSnapshotAsync(Ct)).Active;

        Assert.Equal(Evening.AddMinutes(-35), active.Single(a => a.Title == "Some card payments fail").StartedAt);
        Assert.Equal(Evening.AddMinutes(5), active.Single(a => a.Title == "Exports are slow").StartedAt);
    }
}

public sealed class StatusHistoryTests_Sqlite(SqliteTestDatabase database)
    : StatusHistoryTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class StatusHistoryTests_SqlServer(SqlServerTestDatabase database)
    : StatusHistoryTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class StatusHistoryTests_PostgreSql(PostgreSqlTestDatabase database)
    : StatusHistoryTests(database), IClassFixture<PostgreSqlTestDatabase>;
