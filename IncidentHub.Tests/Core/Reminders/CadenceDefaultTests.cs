using IncidentHub.Core.Incidents;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Severities;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Reminders;

/// <summary>
/// An incident that follows its severity's default cadence follows a change of that default from its next due time,
/// and the label always says where the cadence comes from. The clock crosses midnight, the change lands at 23:50.
/// </summary>
public abstract class CadenceDefaultTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 24, 23, 40, 0, TimeSpan.Zero);

    private async Task SetCriticalCadenceAsync(IncidentHub.Core.Common.Actor admin, int minutes)
    {
        var critical = (await Harness.IncidentQueries.GetSeveritiesAsync(cancellationToken: Ct)).Single(s => s.Name == "Critical");
        await Harness.Severities.SaveAsync(admin, new SeverityForm
        {
            Id = critical.Id,
            Version = critical.Version,
            Name = critical.Name,
            Rank = critical.Rank,
            Guidance = critical.Guidance,
            UpdateCadenceMinutes = minutes,
        }, Ct);
    }

    private Task<List<TimelineEntry>> TimelineAsync(int incidentId) =>
        Harness.QueryAsync(db => db.TimelineEntries.Where(e => e.IncidentId == incidentId).OrderBy(e => e.Id).ToListAsync(Ct));

    private async Task<CadenceView> CadenceAsync(int number) => (await Harness.IncidentQueries.GetDetailAsync(number, Ct))!.Cadence;

    [Fact]
    public async Task AChangedDefault_IsFollowedFromTheNextDueTime_AcrossMidnight()
    {
        var admin = await Harness.CreateAdminAsync("Ada Admin");
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        Harness.Time.SetUtcNow(Evening);
        var incident = await Harness.DeclareAsync(lead, "Payments failing", "Critical");
        Assert.Equal((30, Evening.AddMinutes(30)), ((await CadenceAsync(incident.Number)).Minutes, (await CadenceAsync(incident.Number)).DueAt));

        Harness.Time.SetUtcNow(Evening.AddMinutes(10));
        await SetCriticalCadenceAsync(admin, 15);

        // The update due at 00:10 stays due then: nobody is suddenly late. The label says where the cadence comes from.
        var changed = await CadenceAsync(incident.Number);
        Assert.Equal((15, false, Evening.AddMinutes(30)), (changed.Minutes, changed.Overridden, changed.DueAt));
        Assert.Equal("every 15 min (Critical default)", changed.Label("Critical"));
        var entry = (await TimelineAsync(incident.Id)).Last();
        Assert.Equal(TimelineEntryKind.CadenceChanged, entry.Kind);
        Assert.Equal("Ada Admin changed the Critical default to every 15 min; this incident follows it after the update now due.", entry.Text);
        Assert.Contains(Harness.Feed.Changes, c => c.IncidentId == incident.Id && c.Kind == IncidentHub.Core.Live.IncidentChangeKind.ReminderChanged);

        // After midnight the next update comes 15 minutes after the last one, and so does a repeated nudge.
        Harness.Time.SetUtcNow(Evening.AddMinutes(25));
        await Harness.Updates.PostUpdateAsync(lead, incident.Id, new PostUpdateRequest { Message = "Rolled back." }, Ct);
        Assert.Equal(Evening.AddMinutes(40), (await CadenceAsync(incident.Number)).DueAt);
        Harness.Time.SetUtcNow(Evening.AddMinutes(40));
        Assert.Single((await Harness.Sweeper.SweepAsync(Ct)).Nudges);
        Assert.Equal(Evening.AddMinutes(55), (await Harness.LoadIncidentAsync(incident.Id)).Reminder.NextNudgeAt);
    }

    [Fact]
    public async Task ACadenceTheLeadSet_IsKept_AndSaysSo()
    {
        var admin = await Harness.CreateAdminAsync("Ada Admin");
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        Harness.Time.SetUtcNow(Evening);
        var incident = await Harness.DeclareAsync(lead, "Payments failing", "Critical");
        await Harness.Reminders.ChangeCadenceAsync(lead, incident.Id, 10, Ct);

        Harness.Time.SetUtcNow(Evening.AddMinutes(10));
        await SetCriticalCadenceAsync(admin, 15);

        var cadence = await CadenceAsync(incident.Number);
        Assert.Equal((10, true, Evening.AddMinutes(10)), (cadence.Minutes, cadence.Overridden, cadence.DueAt));
        Assert.Equal("every 10 min (set for this incident)", cadence.Label("Critical"));
        Assert.DoesNotContain(await TimelineAsync(incident.Id), e => e.Text.Contains("changed the Critical default", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OtherSeverities_AndResolvedIncidents_AreLeftAlone_UntilTheyReopen()
    {
        var admin = await Harness.CreateAdminAsync("Ada Admin");
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        Harness.Time.SetUtcNow(Evening);
        var major = await Harness.DeclareAsync(lead, "Slow exports", "Major");
        var resolved = await Harness.DeclareAsync(lead, "Login typo", "Critical");
        await Harness.MoveToAsync(lead, resolved.Id, IncidentStatus.Resolved);

        Harness.Time.SetUtcNow(Evening.AddMinutes(10));
        await SetCriticalCadenceAsync(admin, 15);

        Assert.Equal(30, (await CadenceAsync(major.Number)).Minutes);
        Assert.Null((await CadenceAsync(resolved.Number)).DueAt);

        // Reopened after midnight, it follows the default as it is now.
        Harness.Time.SetUtcNow(Evening.AddMinutes(30));
        await Harness.Incidents.ChangeStatusAsync(lead, resolved.Id, IncidentStatus.Resolved, IncidentStatus.Investigating, Ct);
        var reopened = await CadenceAsync(resolved.Number);
        Assert.Equal((15, Evening.AddMinutes(45)), (reopened.Minutes, reopened.DueAt));
    }
}

public sealed class CadenceDefaultTests_Sqlite(SqliteTestDatabase database)
    : CadenceDefaultTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class CadenceDefaultTests_SqlServer(SqlServerTestDatabase database)
    : CadenceDefaultTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class CadenceDefaultTests_PostgreSql(PostgreSqlTestDatabase database)
    : CadenceDefaultTests(database), IClassFixture<PostgreSqlTestDatabase>;
