using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Insights;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Insights;

/// <summary>
/// Every insight figure on a small data set checked by hand (times in UTC, weeks from Monday):
/// <list type="bullet">
/// <item>INC-1, Sun 29 Nov 23:59:59: just before the period, counts nowhere.</item>
/// <item>INC-2 (Major, Riley), Mon 30 Nov 10:00: impact from 09:30, update 10:20 (on time), Investigating 10:30, Fixing
/// 10:45, Monitoring 11:00, Resolved 12:00. An action done.</item>
/// <item>INC-3 (Critical, private, Sam), Wed 9 Dec 14:00: no impact start, update 15:00 (late), Investigating 15:30,
/// Fixing 16:00, Monitoring 17:00, Resolved 20:00 (two hours out of hours). An action not done.</item>
/// <item>INC-4 (Minor, Riley), Mon 14 Dec 08:00: an update skipped 08:40, Investigating 09:00, still running; no
/// mitigation or resolution (missing key times). An action outstanding.</item>
/// <item>INC-5, Mon 21 Dec 00:00: exactly at the end of the period, which excludes it.</item>
/// </list>
/// The period runs from Mon 30 Nov 00:00 to Mon 21 Dec 00:00; "now" is Mon 21 Dec 06:00.
/// </summary>
public abstract class InsightsQueriesTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly DateTimeOffset PeriodStart = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PeriodEnd = new(2026, 12, 21, 0, 0, 0, TimeSpan.Zero);

    private Actor _riley = null!;
    private Actor _sam = null!;
    private Actor _vic = null!;
    private Actor _admin = null!;
    private DeclaredIncident _a = null!;
    private DeclaredIncident _b = null!;
    private DeclaredIncident _c = null!;

    private static InsightsFilter Period(TimeZoneInfo? zone = null) => new()
    {
        From = PeriodStart,
        Before = PeriodEnd,
        Grouping = InsightsGrouping.Week,
        Zone = zone ?? TimeZoneInfo.Utc,
    };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _riley = await Harness.CreateResponderAsync("Riley Chen");
        _sam = await Harness.CreateResponderAsync("Sam Okafor");
        _vic = await Harness.CreateViewerAsync("Vic Viewer");
        _admin = await Harness.CreateAdminAsync("Ada Admin");

        await At(2026, 11, 29, 23, 59, 59);
        await Harness.DeclareAsync(_riley, "Before the period", "Major");

        await At(2026, 11, 30, 10, 0);
        _a = await Harness.DeclareAsync(_riley, "Checkout timing out", "Major");
        await At(2026, 11, 30, 10, 5);
        await Harness.Incidents.CorrectTimestampAsync(_riley, _a.Id, IncidentTimestamp.ImpactStarted, null, new(2026, 11, 30, 9, 30, 0, TimeSpan.Zero), Ct);
        await At(2026, 11, 30, 10, 20);
        await Harness.Updates.PostUpdateAsync(_riley, _a.Id, new PostUpdateRequest { Message = "Looking at the payment gateway." }, Ct);
        var rollBack = await Harness.Actions.AddAsync(_riley, _a.Id, new AddActionRequest { Title = "Roll back the deploy" }, Ct);
        await Move(_riley, _a, (10, 30, IncidentStatus.Investigating), (10, 45, IncidentStatus.Fixing), (11, 0, IncidentStatus.Monitoring), (12, 0, IncidentStatus.Resolved));
        await Harness.Actions.ChangeStatusAsync(_riley, _a.Id, rollBack, ActionStatus.Outstanding, ActionStatus.Done, Ct);

        await At(2026, 12, 9, 14, 0);
        _b = await Harness.DeclareAsync(_sam, "Suspicious logins", "Critical", r => r.IsPrivate = true);
        await At(2026, 12, 9, 15, 0);
        await Harness.Updates.PostUpdateAsync(_sam, _b.Id, new PostUpdateRequest { Message = "Locking the accounts." }, Ct);
        var notify = await Harness.Actions.AddAsync(_sam, _b.Id, new AddActionRequest { Title = "Tell the regulator" }, Ct);
        await Harness.Actions.ChangeStatusAsync(_sam, _b.Id, notify, ActionStatus.Outstanding, ActionStatus.NotDoing, Ct);
        await Move(_sam, _b, (15, 30, IncidentStatus.Investigating), (16, 0, IncidentStatus.Fixing), (17, 0, IncidentStatus.Monitoring), (20, 0, IncidentStatus.Resolved));

        await At(2026, 12, 14, 8, 0);
        _c = await Harness.DeclareAsync(_riley, "Slow search", "Minor");
        await At(2026, 12, 14, 8, 40);
        await Harness.Reminders.SkipAsync(_riley, _c.Id, new SkipUpdateRequest { Reason = "Nothing new yet." }, Ct);
        await Harness.Actions.AddAsync(_riley, _c.Id, new AddActionRequest { Title = "Check the index" }, Ct);
        await Move(_riley, _c, (9, 0, IncidentStatus.Investigating));

        await At(2026, 12, 21, 0, 0);
        await Harness.DeclareAsync(_riley, "After the period", "Major");
        await At(2026, 12, 21, 6, 0);
    }

    [Fact]
    public async Task CountsOnlyTheIncidentsDeclaredInThePeriod_StartIncludedEndExcluded()
    {
        var report = await Insights(_admin);

        Assert.Equal(3, report.IncidentCount);
        Assert.Equal(1, report.PrivateCount);
    }

    [Fact]
    public async Task Volume_CountsEachWeekBySeverity_MostSevereFirst()
    {
        var volume = (await Insights(_admin)).Volume;

        Assert.Equal(["30 Nov", "7 Dec", "14 Dec"], volume.Buckets.Select(b => b.Bucket.Label));
        Assert.Equal(["Critical", "Major", "Minor"], volume.Severities.Select(s => s.SeverityName));
        Assert.Equal([0, 1, 0], volume.Buckets[0].BySeverity.Select(s => s.Count));
        Assert.Equal([1, 0, 0], volume.Buckets[1].BySeverity.Select(s => s.Count));
        Assert.Equal([0, 0, 1], volume.Buckets[2].BySeverity.Select(s => s.Count));
        Assert.Equal(new DateOnly(2026, 12, 7), volume.Buckets[1].Bucket.FirstDay);
        Assert.Equal(new DateOnly(2026, 12, 13), volume.Buckets[1].Bucket.LastDay);
    }

    [Fact]
    public async Task Volume_CountsAPrivateIncident_ButNamesItOnlyToThoseWhoMaySeeIt()
    {
        var forVic = (await Insights(_vic)).Volume.Buckets[1];
        var forSam = (await Insights(_sam)).Volume.Buckets[1];

        Assert.Equal(1, forVic.Total);
        Assert.Empty(forVic.Incidents.Named);
        Assert.Equal("1 private incident", forVic.Incidents.Describe());
        Assert.Equal("INC-3 Suspicious logins", forSam.Incidents.Describe());
    }

    [Fact]
    public async Task Durations_AreMedianAndP90_OverTheIncidentsThatHaveBothTimes()
    {
        var metrics = (await Insights(_admin)).Durations.ToDictionary(d => d.Key);

        // Detect: only INC-2 has an impact start (30 min).
        Assert.Equal((1, 3), (metrics["detect"].Measured, metrics["detect"].OutOf));
        Assert.Equal(TimeSpan.FromMinutes(30), metrics["detect"].Median);
        // Acknowledge: 20 and 60 min to the first update.
        Assert.Equal(2, metrics["acknowledge"].Measured);
        Assert.Equal(TimeSpan.FromMinutes(40), metrics["acknowledge"].Median);
        Assert.Equal(TimeSpan.FromMinutes(56), metrics["acknowledge"].P90);
        // Mitigate: 90 (from the impact start) and 180 min (from detection); INC-4 has no mitigation.
        Assert.Equal(2, metrics["mitigate"].Measured);
        Assert.Equal(TimeSpan.FromMinutes(135), metrics["mitigate"].Median);
        Assert.Equal(TimeSpan.FromMinutes(171), metrics["mitigate"].P90);
        // Resolve: 150 and 360 min.
        Assert.Equal(TimeSpan.FromMinutes(255), metrics["resolve"].Median);
        Assert.Equal(TimeSpan.FromMinutes(339), metrics["resolve"].P90);
        Assert.All(metrics.Values, m => Assert.False(string.IsNullOrWhiteSpace(m.Definition)));
    }

    [Fact]
    public async Task Durations_NameTheLongestIncidents_WithAPrivateOneAsSuch()
    {
        var resolve = (await Insights(_vic)).Durations.Single(d => d.Key == "resolve");

        Assert.Equal("INC-2 Checkout timing out; 1 private incident", resolve.Longest.Describe());
    }

    [Fact]
    public async Task TimeInStatus_AddsUpEachStatus_AndTakesTheMedianPerIncident()
    {
        var statuses = (await Insights(_admin)).TimeInStatus.ToDictionary(s => s.Status);

        Assert.Equal([IncidentStatus.Triage, IncidentStatus.Investigating, IncidentStatus.Fixing, IncidentStatus.Monitoring], statuses.Keys);
        Assert.Equal((TimeSpan.FromMinutes(180), 3), (statuses[IncidentStatus.Triage].Total, statuses[IncidentStatus.Triage].Incidents));
        Assert.Equal(TimeSpan.FromMinutes(60), statuses[IncidentStatus.Triage].Median);
        // INC-4 is still investigating: from 09:00 on 14 Dec to now, 6 days 21 hours.
        Assert.Equal(TimeSpan.FromMinutes(15 + 30) + TimeSpan.FromHours(165), statuses[IncidentStatus.Investigating].Total);
        Assert.Equal(TimeSpan.FromMinutes(30), statuses[IncidentStatus.Investigating].Median);
        Assert.Equal((TimeSpan.FromMinutes(75), 2), (statuses[IncidentStatus.Fixing].Total, statuses[IncidentStatus.Fixing].Incidents));
        Assert.Equal(TimeSpan.FromMinutes(37.5), statuses[IncidentStatus.Fixing].Median);
        Assert.Equal(TimeSpan.FromMinutes(240), statuses[IncidentStatus.Monitoring].Total);
    }

    [Fact]
    public async Task Cadence_CountsOnTimeLateAndSkipped_AndFindsTheLongestSilence()
    {
        var cadence = (await Insights(_vic)).Cadence;

        Assert.Equal((1, 1, 1), (cadence.OnTime, cadence.Late, cadence.Skipped));
        // INC-4 has had no update since it was declared at 08:00 on 14 Dec: 6 days 22 hours until now.
        Assert.Equal(TimeSpan.FromHours(166), cadence.LongestSilence);
        Assert.Equal("INC-4 Slow search", cadence.LongestSilenceIn.Describe());
    }

    [Fact]
    public async Task Actions_AreCountedByState()
    {
        var actions = (await Insights(_vic)).Actions;

        Assert.Equal((1, 1, 1), (actions.Done, actions.NotDoing, actions.Outstanding));
    }

    [Fact]
    public async Task Workload_CountsLeadsRoleTimeUpdatesAndOutOfHours()
    {
        var people = (await Insights(_vic)).Workload.People;

        Assert.Equal(["Riley Chen", "Sam Okafor"], people.Select(p => p.Name));
        var riley = people[0];
        // INC-2: 2 h in working hours. INC-4: 166 h to now, of which Mon to Fri 09:00–18:00 is 45 h.
        Assert.Equal((2, TimeSpan.FromHours(168), TimeSpan.FromHours(121), 1), (riley.IncidentsLed, riley.RoleTime, riley.OutOfHours, riley.UpdatesPosted));
        Assert.Equal("INC-4 Slow search; INC-2 Checkout timing out", riley.Led.Describe());
        var sam = people[1];
        Assert.Equal((1, TimeSpan.FromHours(6), TimeSpan.FromHours(2), 1), (sam.IncidentsLed, sam.RoleTime, sam.OutOfHours, sam.UpdatesPosted));
        Assert.Equal("1 private incident", sam.Led.Describe());
    }

    [Fact]
    public async Task Workload_OutOfHours_IsInTheViewersTimeZone()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        var people = (await Insights(_admin, Period(tokyo))).Workload.People.ToDictionary(p => p.Name);

        // INC-3 ran 23:00 to 05:00 in Tokyo: all of it out of hours.
        Assert.Equal(TimeSpan.FromHours(6), people["Sam Okafor"].OutOfHours);
    }

    [Fact]
    public async Task Filters_NarrowEveryFigure()
    {
        var privateOnly = await Insights(_vic, Period() with { Visibility = VisibilityFilter.PrivateOnly });
        var standardOnly = await Insights(_vic, Period() with { Visibility = VisibilityFilter.StandardOnly });
        var minor = await Insights(_vic, Period() with { SeverityIds = [await Harness.SeverityIdAsync("Minor")] });
        var resolved = await Insights(_vic, Period() with { Statuses = [IncidentStatus.Resolved] });

        Assert.Equal(1, privateOnly.IncidentCount);
        Assert.Equal(TimeSpan.FromMinutes(360), privateOnly.Durations.Single(d => d.Key == "resolve").Median);
        Assert.Equal(2, standardOnly.IncidentCount);
        Assert.Equal(1, minor.IncidentCount);
        Assert.Equal(0, minor.Durations.Single(d => d.Key == "resolve").Measured);
        Assert.Null(minor.Durations.Single(d => d.Key == "resolve").Median);
        Assert.Equal(2, resolved.IncidentCount);
    }

    [Fact]
    public async Task AnEmptyPeriod_HasNoFiguresAndNoErrors()
    {
        var report = await Insights(_vic, new InsightsFilter { From = PeriodEnd.AddDays(30), Before = PeriodEnd.AddDays(60), Grouping = InsightsGrouping.Month });

        Assert.Equal(0, report.IncidentCount);
        Assert.All(report.Durations, d => Assert.Null(d.Median));
        Assert.Null(report.Cadence.LongestSilence);
        Assert.Empty(report.Workload.People);
        Assert.All(report.Volume.Buckets, b => Assert.Equal(0, b.Total));
    }

    [Fact]
    public async Task APeriodThatEndsBeforeItStarts_IsRefusedWithAMessage()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Insights(_vic, new InsightsFilter { From = PeriodEnd, Before = PeriodStart }));

        Assert.Contains("after its start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWholeReport_TakesAFixedHandfulOfStatements_WhateverThePeriodHolds()
    {
        using var counter = new SqlCommandCounter();

        var forVic = await counter.CountAsync(() => Insights(_vic));
        var forAdmin = await counter.CountAsync(() => Insights(_admin));
        var empty = await counter.CountAsync(() => Insights(_vic, new InsightsFilter { From = PeriodEnd.AddDays(30), Before = PeriodEnd.AddDays(60) }));

        // One read per table the figures come from, one for every percentile and "longest" together, one for every
        // name shown (and, for someone who is not an admin, one for the private incidents they may not see). It was
        // 40 statements for this data set, growing with the people in the workload table.
        Assert.InRange(forVic, 1, MaxStatements);
        Assert.InRange(forAdmin, 1, MaxStatements - 1);
        Assert.InRange(empty, 1, MaxStatements);
    }

    /// <summary>The most statements the whole report may send (see TheWholeReport_TakesAFixedHandfulOfStatements).</summary>
    private const int MaxStatements = 11;

    private Task<InsightsReport> Insights(Actor viewer, InsightsFilter? filter = null) =>
        Harness.Get<InsightsQueries>().GetAsync(viewer, filter ?? Period(), Ct);

    private Task At(int year, int month, int day, int hour, int minute, int second = 0)
    {
        Harness.Time.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero));
        return Task.CompletedTask;
    }

    private async Task Move(Actor actor, DeclaredIncident incident, params (int Hour, int Minute, IncidentStatus Status)[] steps)
    {
        var current = (await Harness.LoadIncidentAsync(incident.Id)).Status;
        var day = Harness.Time.GetUtcNow();
        foreach (var (hour, minute, status) in steps)
        {
            Harness.Time.SetUtcNow(new DateTimeOffset(day.Year, day.Month, day.Day, hour, minute, 0, TimeSpan.Zero));
            await Harness.Incidents.ChangeStatusAsync(actor, incident.Id, current, status, Ct);
            current = status;
        }
    }
}

public sealed class InsightsQueriesTests_Sqlite(SqliteTestDatabase database)
    : InsightsQueriesTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class InsightsQueriesTests_SqlServer(SqlServerTestDatabase database)
    : InsightsQueriesTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class InsightsQueriesTests_PostgreSql(PostgreSqlTestDatabase database)
    : InsightsQueriesTests(database), IClassFixture<PostgreSqlTestDatabase>;
