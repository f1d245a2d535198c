using IncidentHub.Core.Actions;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Search;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Search;

/// <summary>
/// On PostgreSQL: its own full-text search (tsvector + GIN, unaccent), every fact of <see cref="SearchQueriesTests"/>
/// plus what only an index can get wrong: accents both ways, marked snippets, and the index row for row after changes.
/// </summary>
public sealed class SearchQueriesTests_PostgreSql(PostgreSqlTestDatabase database)
    : SearchQueriesTests(database), IClassFixture<PostgreSqlTestDatabase>
{
    [Fact]
    public async Task AccentsAreIgnored_BothWays()
    {
        var riley = await Harness.CreateResponderAsync();
        await Harness.DeclareAsync(riley, "Card authorisation timeouts at the café");
        await Harness.DeclareAsync(riley, "Resume of the incident");

        Assert.Equal(["Card authorisation timeouts at the café"], Names(await Search.SearchAsync(riley, new SearchRequest { Text = "CAFE" }, Ct)));
        Assert.Equal(["Card authorisation timeouts at the café"], Names(await Search.SearchAsync(riley, new SearchRequest { Text = "Cafè" }, Ct)));
        Assert.Equal(["Resume of the incident"], Names(await Search.SearchAsync(riley, new SearchRequest { Text = "résumé" }, Ct)));
    }

    [Fact]
    public async Task WordsInsideHostNames_AreFound_AndTheSnippetMarksTheMatchedWord()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley, "Checkout errors");
        await Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "Failover of db-01.prod.example.com to the Zürich replica." }, Ct);

        var results = await Search.SearchAsync(riley, new SearchRequest { Text = "prod zurich" }, Ct);

        var match = Assert.Single(Assert.Single(results.Results).Matches);
        Assert.Equal(SearchMatchKind.Timeline, match.Kind);
        Assert.Contains(match.Snippet, p => p.IsMatch && p.Text == "Zürich");
    }

    [Fact]
    public async Task TheIndexHoldsEveryRowOnceAfterChanges()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley, "Index bookkeeping");
        await Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "Counting rows.", NewStatus = IncidentStatus.Investigating }, Ct);
        await Harness.Get<ActionService>().AddAsync(riley, incident.Id, new AddActionRequest { Title = "Count the rows" }, Ct);

        var (indexed, expected) = await Harness.QueryAsync(async db =>
        {
            var rows = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM \"SearchIndex\"").SingleAsync(Ct);
            var entries = await db.TimelineEntries.CountAsync(e => e.Text != "", Ct);
            var incidents = await db.Incidents.CountAsync(Ct);
            var actions = await db.IncidentActions.CountAsync(Ct);
            return (rows, entries + incidents + actions);
        });
        Assert.Equal(expected, indexed);
    }
}
