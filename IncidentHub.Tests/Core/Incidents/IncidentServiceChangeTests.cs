using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Incidents;

/// <summary>Status, severity, details and key times through <see cref="IncidentService"/>, as two people use it.</summary>
public abstract class IncidentServiceChangeTests(TestDatabase database) : DatabaseTest(database)
{
    private async Task<(Actor Riley, Actor Sam, DeclaredIncident Incident)> DeclaredAsync()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(riley, configure: r => r.Summary = "Card payments fail.");
        Harness.Feed.Clear();
        return (riley, sam, incident);
    }

    [Fact]
    public async Task ChangeStatus_IsSavedAndAnnounced()
    {
        var (riley, _, incident) = await DeclaredAsync();
        Harness.Time.Advance(TimeSpan.FromMinutes(5));

        await Harness.Incidents.ChangeStatusAsync(riley, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, Ct);

        var stored = await Harness.LoadIncidentAsync(incident.Id);
        Assert.Equal(IncidentStatus.Investigating, stored.Status);
        Assert.Equal(ServiceHarness.Start + TimeSpan.FromMinutes(5), stored.LastChangedAt);
        var change = Assert.Single(Harness.Feed.Changes);
        Assert.Equal(new IncidentChange(incident.Id, incident.Number, IncidentChangeKind.StatusChanged, riley.UserId), change);
    }

    [Fact]
    public async Task ChangeStatus_WhenSomeoneElseMovedIt_ThrowsConflictAndChangesNothing()
    {
        var (riley, sam, incident) = await DeclaredAsync();
        await Harness.Incidents.ChangeStatusAsync(riley, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, Ct);
        var entries = await Harness.QueryAsync(db => db.TimelineEntries.CountAsync(Ct));

        var ex = await Assert.ThrowsAsync<ConflictException>(() =>
            Harness.Incidents.ChangeStatusAsync(sam, incident.Id, IncidentStatus.Triage, IncidentStatus.Declined, Ct));

        Assert.Contains("Investigating", ex.Message, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Investigating, (await Harness.LoadIncidentAsync(incident.Id)).Status);
        Assert.Equal(entries, await Harness.QueryAsync(db => db.TimelineEntries.CountAsync(Ct)));
        Assert.Equal([IncidentChangeKind.StatusChanged], Harness.Feed.Changes.Select(c => c.Kind));
    }

    [Fact]
    public async Task ChangeStatus_WhenSomeoneElseSavesBetweenLoadAndSave_ThrowsConflictAndKeepsTheirs()
    {
        var (riley, sam, incident) = await DeclaredAsync();
        Harness.Database.SaveHook.BeforeNextSave(() =>
            Harness.Incidents.ChangeStatusAsync(sam, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, Ct));

        await Assert.ThrowsAsync<ConflictException>(() =>
            Harness.Incidents.ChangeStatusAsync(riley, incident.Id, IncidentStatus.Triage, IncidentStatus.Declined, Ct));

        Assert.Equal(IncidentStatus.Investigating, (await Harness.LoadIncidentAsync(incident.Id)).Status);
        var change = Assert.Single(Harness.Feed.Changes);
        Assert.Equal(sam.UserId, change.ActorId);
    }

    [Fact]
    public async Task ChangeStatus_ByAViewer_IsForbidden()
    {
        var (_, _, incident) = await DeclaredAsync();
        var casey = await Harness.CreateViewerAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Harness.Incidents.ChangeStatusAsync(casey, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, Ct));

        Assert.Equal(IncidentStatus.Triage, (await Harness.LoadIncidentAsync(incident.Id)).Status);
        Assert.Empty(Harness.Feed.Changes);
    }

    [Fact]
    public async Task ChangeStatus_OfAnUnknownIncident_IsNotFound()
    {
        var (riley, _, _) = await DeclaredAsync();

        await Assert.ThrowsAsync<NotFoundException>(() =>
            Harness.Incidents.ChangeStatusAsync(riley, 987_654, IncidentStatus.Triage, IncidentStatus.Investigating, Ct));
    }

    [Fact]
    public async Task ChangeFeed_IsToldAfterEachCommittedChange_AndNotAfterRefusedOnes()
    {
        var (riley, sam, incident) = await DeclaredAsync();
        var casey = await Harness.CreateViewerAsync();
        var major = await Harness.SeverityIdAsync("Major");
        var critical = await Harness.SeverityIdAsync("Critical");

        await Harness.Incidents.ChangeStatusAsync(riley, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, Ct);
        await Assert.ThrowsAsync<ConflictException>(() =>
            Harness.Incidents.ChangeStatusAsync(sam, incident.Id, IncidentStatus.Triage, IncidentStatus.Fixing, Ct));
        await Harness.Incidents.ChangeSeverityAsync(sam, incident.Id, major, critical, Ct);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Harness.Incidents.ChangeSeverityAsync(casey, incident.Id, critical, major, Ct));
        await Assert.ThrowsAsync<DomainException>(() =>
            Harness.Incidents.ChangeStatusAsync(riley, incident.Id, IncidentStatus.Investigating, IncidentStatus.Closed, Ct));
        await Harness.Incidents.CorrectTimestampAsync(riley, incident.Id, IncidentTimestamp.ImpactStarted, null, ServiceHarness.Start, Ct);

        Assert.Equal(
            [
                new IncidentChange(incident.Id, incident.Number, IncidentChangeKind.StatusChanged, riley.UserId),
                new IncidentChange(incident.Id, incident.Number, IncidentChangeKind.SeverityChanged, sam.UserId),
                new IncidentChange(incident.Id, incident.Number, IncidentChangeKind.TimestampsChanged, riley.UserId),
            ],
            Harness.Feed.Changes);
    }

    [Fact]
    public async Task EditDetails_TwoPeopleEditTheSameField_SecondGetsConflictAndFirstValueStays()
    {
        var (riley, sam, incident) = await DeclaredAsync();
        var started = (await Harness.IncidentQueries.GetDetailAsync(incident.Number, Ct))!.Details;

        await Harness.Incidents.EditDetailsAsync(riley, incident.Id, started,
            new EditIncidentDetailsRequest { Name = "Riley's name", Summary = started.Summary }, Ct);
        var ex = await Assert.ThrowsAsync<ConflictException>(() => Harness.Incidents.EditDetailsAsync(sam, incident.Id, started,
            new EditIncidentDetailsRequest { Name = "Sam's name", Summary = started.Summary }, Ct));

        Assert.Contains("the name", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Riley's name", (await Harness.LoadIncidentAsync(incident.Id)).Name);
        Assert.Equal([IncidentChangeKind.DetailsEdited], Harness.Feed.Changes.Select(c => c.Kind));
    }

    [Fact]
    public async Task EditDetails_TwoPeopleEditDifferentFields_BothChangesLand()
    {
        var (riley, sam, incident) = await DeclaredAsync();
        var started = (await Harness.IncidentQueries.GetDetailAsync(incident.Number, Ct))!.Details;

        await Harness.Incidents.EditDetailsAsync(riley, incident.Id, started,
            new EditIncidentDetailsRequest { Name = started.Name, Summary = "Riley's summary" }, Ct);
        await Harness.Incidents.EditDetailsAsync(sam, incident.Id, started,
            new EditIncidentDetailsRequest { Name = "Sam's name", Summary = started.Summary }, Ct);

        var stored = await Harness.LoadIncidentAsync(incident.Id);
        Assert.Equal("Sam's name", stored.Name);
        Assert.Equal("Riley's summary", stored.Summary);
    }

    [Fact]
    public async Task ChangeSeverity_IsSavedAndRecorded()
    {
        var (riley, _, incident) = await DeclaredAsync();
        var major = await Harness.SeverityIdAsync("Major");
        var critical = await Harness.SeverityIdAsync("Critical");

        await Harness.Incidents.ChangeSeverityAsync(riley, incident.Id, major, critical, Ct);

        Assert.Equal(critical, (await Harness.LoadIncidentAsync(incident.Id)).SeverityId);
        var text = await Harness.QueryAsync(db => db.TimelineEntries.OrderBy(e => e.Id).Select(e => e.Text).LastAsync(Ct));
        Assert.Equal("Riley Chen raised the severity to Critical.", text);
    }

    [Fact]
    public async Task ChangeSeverity_ToAnUnknownSeverity_IsRefusedOnSeverityId()
    {
        var (riley, _, incident) = await DeclaredAsync();
        var major = await Harness.SeverityIdAsync("Major");

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Harness.Incidents.ChangeSeverityAsync(riley, incident.Id, major, 987_654, Ct));

        Assert.Equal(["SeverityId"], ex.Errors.Keys);
        Assert.Empty(Harness.Feed.Changes);
    }

    [Fact]
    public async Task CorrectTimestamp_IsStoredAsTheSameInstant()
    {
        var (riley, _, incident) = await DeclaredAsync();
        var impact = new DateTimeOffset(2026, 11, 24, 10, 48, 0, TimeSpan.FromHours(2));

        await Harness.Incidents.CorrectTimestampAsync(riley, incident.Id, IncidentTimestamp.ImpactStarted, null, impact, Ct);

        var stored = (await Harness.IncidentQueries.GetDetailAsync(incident.Number, Ct))!;
        Assert.Equal(impact, stored.ImpactStartedAt);
        Assert.Equal(TimeSpan.Zero, stored.ImpactStartedAt!.Value.Offset);
        Assert.Equal([IncidentChangeKind.TimestampsChanged], Harness.Feed.Changes.Select(c => c.Kind));
    }

    [Fact]
    public async Task CorrectTimestamp_InTheFuture_IsRefusedAndNotAnnounced()
    {
        var (riley, _, incident) = await DeclaredAsync();

        await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.Incidents.CorrectTimestampAsync(
            riley, incident.Id, IncidentTimestamp.ImpactStarted, null, ServiceHarness.Start + TimeSpan.FromHours(1), Ct));

        Assert.Null((await Harness.LoadIncidentAsync(incident.Id)).ImpactStartedAt);
        Assert.Empty(Harness.Feed.Changes);
    }
}

public sealed class IncidentServiceChangeTests_Sqlite(SqliteTestDatabase database)
    : IncidentServiceChangeTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class IncidentServiceChangeTests_SqlServer(SqlServerTestDatabase database)
    : IncidentServiceChangeTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class IncidentServiceChangeTests_PostgreSql(PostgreSqlTestDatabase database)
    : IncidentServiceChangeTests(database), IClassFixture<PostgreSqlTestDatabase>;
