using IncidentHub.Core.Incidents;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IncidentHub.Tests.Web.Data;

/// <summary>
/// Incidents declared before status periods existed get them from what they recorded (the declaration, the status
/// changes on the timeline and the status each update left): the same periods the aggregate writes today.
/// </summary>
public abstract class StatusPeriodBackfillTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task TheMigration_RebuildsTheSamePeriodsFromTheTimelineAndTheUpdates()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        await Step(() => Harness.Incidents.ChangeStatusAsync(riley, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, Ct));
        await Step(() => Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "Fix under way.", NewStatus = IncidentStatus.Fixing }, Ct));
        await Step(() => Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "Still fixing." }, Ct));
        await Step(() => Harness.Incidents.ChangeStatusAsync(riley, incident.Id, IncidentStatus.Fixing, IncidentStatus.Monitoring, Ct));
        await Step(() => Harness.Incidents.ChangeStatusAsync(riley, incident.Id, IncidentStatus.Monitoring, IncidentStatus.Investigating, Ct));
        await Step(() => Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "Done.", NewStatus = IncidentStatus.Resolved }, Ct));
        var written = await PeriodsAsync();

        await using (var db = await Database.Factory.CreateDbContextAsync(Ct))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_StatusPeriods", StringComparison.Ordinal)) - 1];
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(before, Ct);
            await migrator.MigrateAsync(cancellationToken: Ct);
        }

        var rebuilt = await PeriodsAsync();
        Assert.Equal(
            [IncidentStatus.Triage, IncidentStatus.Investigating, IncidentStatus.Fixing, IncidentStatus.Monitoring, IncidentStatus.Investigating, IncidentStatus.Resolved],
            written.Select(p => p.Status));
        Assert.Equal(written, rebuilt);
    }

    private async Task Step(Func<Task> change)
    {
        Harness.Time.Advance(TimeSpan.FromMinutes(7));
        await change();
    }

    private Task<List<(IncidentStatus Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt)>> PeriodsAsync() =>
        Harness.QueryAsync(async db => (await db.StatusPeriods.AsNoTracking().OrderBy(p => p.StartedAt).ThenBy(p => p.Id).ToListAsync(Ct))
            .Select(p => (p.Status, p.StartedAt, p.EndedAt))
            .ToList());
}

public sealed class StatusPeriodBackfillTests_Sqlite(SqliteTestDatabase database)
    : StatusPeriodBackfillTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class StatusPeriodBackfillTests_SqlServer(SqlServerTestDatabase database)
    : StatusPeriodBackfillTests(database), IClassFixture<SqlServerTestDatabase>;

// No PostgreSQL copy: its migrations begin after status periods existed (its Initial migration has them), so there is nothing to backfill.
