using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Updates;

public abstract class UpdateServiceTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task PostUpdate_WithStatusAndSeverity_StoresAllOfItAndAnnouncesOnce()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var incident = await Harness.DeclareAsync(riley);
        var critical = await Harness.SeverityIdAsync("Critical");
        Harness.Feed.Clear();
        Harness.Time.Advance(TimeSpan.FromMinutes(15));

        var id = await Harness.Updates.PostUpdateAsync(riley, incident.Id,
            new PostUpdateRequest { Message = "Cause found.", NewStatus = IncidentStatus.Fixing, NewSeverityId = critical }, Ct);

        var update = await Harness.QueryAsync(db => db.IncidentUpdates.SingleAsync(u => u.Id == id, Ct));
        Assert.Equal("Cause found.", update.Message);
        Assert.Equal(IncidentStatus.Fixing, update.Status);
        Assert.Equal("Critical", update.SeverityName);
        Assert.Equal(ServiceHarness.Start + TimeSpan.FromMinutes(15), update.PostedAt);
        var stored = await Harness.LoadIncidentAsync(incident.Id);
        Assert.Equal(IncidentStatus.Fixing, stored.Status);
        Assert.Equal(critical, stored.SeverityId);
        Assert.Equal(update.PostedAt, stored.LastUpdateAt);
        var entry = await Harness.QueryAsync(db => db.TimelineEntries.SingleAsync(e => e.Kind == TimelineEntryKind.Update, Ct));
        Assert.Equal(id, entry.UpdateId);
        Assert.Equal(new IncidentChange(incident.Id, incident.Number, IncidentChangeKind.UpdatePosted, riley.UserId), Assert.Single(Harness.Feed.Changes));
    }

    [Fact]
    public async Task PostUpdate_WithAnIllegalStatusJump_IsRefusedAndWritesNothing()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        Harness.Feed.Clear();

        await Assert.ThrowsAsync<DomainException>(() => Harness.Updates.PostUpdateAsync(riley, incident.Id,
            new PostUpdateRequest { Message = "All done.", NewStatus = IncidentStatus.Closed }, Ct));

        Assert.False(await Harness.QueryAsync(db => db.IncidentUpdates.AnyAsync(Ct)));
        Assert.Equal(IncidentStatus.Triage, (await Harness.LoadIncidentAsync(incident.Id)).Status);
        Assert.Empty(Harness.Feed.Changes);
    }

    [Fact]
    public async Task PostUpdate_WithoutAMessage_IsRefusedOnMessage()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "" }, Ct));

        Assert.Equal(["Message"], ex.Errors.Keys);
        Assert.False(await Harness.QueryAsync(db => db.IncidentUpdates.AnyAsync(Ct)));
    }

    [Fact]
    public async Task PostUpdate_WithARetiredSeverity_IsRefusedAndWritesNothing()
    {
        var admin = await Harness.CreateAdminAsync();
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        var minor = await Harness.SeverityIdAsync("Minor");
        await Harness.Severities.SetArchivedAsync(admin, minor, archived: true, Ct);

        await Assert.ThrowsAsync<DomainException>(() => Harness.Updates.PostUpdateAsync(riley, incident.Id,
            new PostUpdateRequest { Message = "Less bad.", NewStatus = IncidentStatus.Investigating, NewSeverityId = minor }, Ct));

        var stored = await Harness.LoadIncidentAsync(incident.Id);
        Assert.Equal(IncidentStatus.Triage, stored.Status);
        Assert.NotEqual(minor, stored.SeverityId);
        Assert.False(await Harness.QueryAsync(db => db.IncidentUpdates.AnyAsync(Ct)));
    }
}

public sealed class UpdateServiceTests_Sqlite(SqliteTestDatabase database)
    : UpdateServiceTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class UpdateServiceTests_SqlServer(SqlServerTestDatabase database)
    : UpdateServiceTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class UpdateServiceTests_PostgreSql(PostgreSqlTestDatabase database)
    : UpdateServiceTests(database), IClassFixture<PostgreSqlTestDatabase>;
