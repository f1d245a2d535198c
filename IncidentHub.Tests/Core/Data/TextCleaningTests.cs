using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Data;

/// <summary>Text XML forbids never reaches the database, whichever service or field it came through.</summary>
public abstract class TextCleaningTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task ControlCharacters_InAnyTextField_AreCleanedOnTheWayIn()
    {
        var lead = await Harness.CreateResponderAsync("Lee\u0007 Lead");
        var incident = await Harness.DeclareAsync(lead, "Checkout\vfailing\u0000", configure: r =>
        {
            r.Summary = "Cards\u0001 declined";
            r.CustomerImpact = "Customers\fcannot pay";
        });
        await Harness.Updates.PostUpdateAsync(lead, incident.Id, new PostUpdateRequest { Message = "Rolled back\u001b the deploy\u0002" }, Ct);

        var stored = await Harness.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Id == incident.Id, Ct));
        var update = await Harness.QueryAsync(db => db.IncidentUpdates.AsNoTracking().SingleAsync(u => u.IncidentId == incident.Id, Ct));
        var entries = await Harness.QueryAsync(db => db.TimelineEntries.AsNoTracking().Where(e => e.IncidentId == incident.Id).Select(e => e.Text).ToListAsync(Ct));
        var name = await Harness.QueryAsync(db => db.Users.Where(u => u.Id == lead.UserId).Select(u => u.DisplayName).SingleAsync(Ct));

        Assert.Equal("Checkout\nfailing", stored.Name);
        Assert.Equal("Cards declined", stored.Summary);
        Assert.Equal("Customers\ncannot pay", stored.CustomerImpact);
        Assert.Equal("Rolled back the deploy", update.Message);
        Assert.All(entries, t => Assert.True(IncidentHub.Core.Common.XmlSafeText.IsClean(t), t));
        Assert.Equal("Lee Lead", name);
    }
}

public sealed class TextCleaningTests_Sqlite(SqliteTestDatabase database) : TextCleaningTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class TextCleaningTests_SqlServer(SqlServerTestDatabase database) : TextCleaningTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class TextCleaningTests_PostgreSql(PostgreSqlTestDatabase database) : TextCleaningTests(database), IClassFixture<PostgreSqlTestDatabase>;
