using IncidentHub.Core.Access;
using IncidentHub.Core.Actions;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Search;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static IncidentHub.Tests.Core.Chat.ChatTestData;

namespace IncidentHub.Tests.Core.Search;

/// <summary>
/// Search finds every kind of text a person may see, ranks a name above a passing mention, reads words in any order,
/// prefixes, phrases, case and accents as people expect, and never lets a private incident's words reach a non-member.
/// </summary>
public abstract class SearchQueriesTests(TestDatabase database) : DatabaseTest(database)
{
    private const string Channel = "C0SEARCH";

    protected virtual SearchQueries Search => Harness.Get<SearchQueries>();

    private Task<SearchResults> FindAsync(Actor viewer, string text, Func<SearchRequest, SearchRequest>? adjust = null) =>
        Search.SearchAsync(viewer, (adjust ?? (r => r))(new SearchRequest { Text = text }), Ct);

    protected static List<string> Names(SearchResults results) => [.. results.Results.Select(r => r.Name)];

    [Fact]
    public async Task EveryKindOfText_IsFound()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var byName = await Harness.DeclareAsync(riley, "Zephyrine gateway down");
        var bySummary = await Harness.DeclareAsync(riley, "Summary one", configure: r => r.Summary = "The quokkalith cluster lost quorum.");
        var byImpact = await Harness.DeclareAsync(riley, "Impact one", configure: r => r.CustomerImpact = "Customers see marmotquill errors.");
        var byUpdate = await Harness.DeclareAsync(riley, "Update one");
        await Harness.Updates.PostUpdateAsync(riley, byUpdate.Id, new PostUpdateRequest { Message = "Rolling back the vexillant deploy." }, Ct);
        var byNote = await Harness.DeclareAsync(riley, "Note one");
        await Harness.Timeline.AddNoteAsync(riley, byNote.Id, new AddNoteRequest { Text = "Looks like a duplicate of last week's outage." }, Ct);
        var byAction = await Harness.DeclareAsync(riley, "Action one");
        await Harness.Actions.AddAsync(riley, byAction.Id, new AddActionRequest { Title = "Add a grimblewort alert" }, Ct);
        var bySlack = await Harness.DeclareAsync(riley, "Slack one");
        await Harness.LinkChannelAsync(bySlack.Id, Channel);
        await Harness.Get<ChatMirrorService>().ApplyAsync([Posted(Channel, 30, "I think the flumphet cache is stale")], Ct);

        Assert.Equal(["Zephyrine gateway down"], Names(await FindAsync(riley, "zephyrine")));
        Assert.Equal(["Summary one"], Names(await FindAsync(riley, "quokkalith")));
        Assert.Equal(["Impact one"], Names(await FindAsync(riley, "marmotquill")));
        Assert.Equal(["Update one"], Names(await FindAsync(riley, "vexillant")));
        Assert.Equal(["Note one"], Names(await FindAsync(riley, "duplicate")));
        Assert.Equal(["Action one"], Names(await FindAsync(riley, "grimblewort")));
        Assert.Equal(["Slack one"], Names(await FindAsync(riley, "flumphet")));

        var update = Assert.Single((await FindAsync(riley, "vexillant")).Results).Matches.First(m => m.Kind == SearchMatchKind.Timeline);
        Assert.NotNull(update.TimelineEntryId);
        Assert.Contains(update.Snippet, p => p.IsMatch && p.Text == "vexillant");
        Assert.Equal(SearchMatchKind.Action, Assert.Single((await FindAsync(riley, "grimblewort")).Results).Matches[0].Kind);
    }

    [Fact]
    public async Task AnEditedName_IsFoundByItsNewWords_AndNoLongerByItsOld()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley, "Wombatfire in checkout");
        var detail = await Harness.IncidentQueries.GetDetailAsync(riley, incident.Number, Ct);
        await Harness.Incidents.EditDetailsAsync(riley, incident.Id, new IncidentDetails(detail!.Name, detail.Summary, detail.CustomerImpact),
            new EditIncidentDetailsRequest { Name = "Otterflame in checkout", Summary = detail.Summary, CustomerImpact = detail.CustomerImpact }, Ct);

        Assert.Empty((await FindAsync(riley, "wombatfire")).Results);
        Assert.Equal(["Otterflame in checkout"], Names(await FindAsync(riley, "otterflame")));
    }

    [Fact]
    public async Task ADeletedSlackMessage_IsNotFound()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley, "Slack deletion");
        await Harness.LinkChannelAsync(incident.Id, Channel);
        var mirror = Harness.Get<ChatMirrorService>();
        await mirror.ApplyAsync([Posted(Channel, 10, "the password is hunter2secret")], Ct);
        Assert.Single((await FindAsync(riley, "hunter2secret")).Results);

        await mirror.ApplyAsync([Deleted(Channel, 10, 40)], Ct);

        Assert.Empty((await FindAsync(riley, "hunter2secret")).Results);
    }

    [Fact]
    public async Task ANameMatch_RanksAboveAPassingMention()
    {
        var riley = await Harness.CreateResponderAsync();
        var mention = await Harness.DeclareAsync(riley, "Login slow");
        await Harness.Timeline.AddNoteAsync(riley, mention.Id, new AddNoteRequest { Text = "Unrelated to the database, which looks fine, but the timeout on the login service was raised twice." }, Ct);
        await Harness.DeclareAsync(riley, "Database timeout on checkout");

        var results = await FindAsync(riley, "timeout");

        Assert.Equal(["Database timeout on checkout", "Login slow"], Names(results));
        Assert.Equal(2, results.TotalIncidents);
    }

    [Fact]
    public async Task WordsInAnyOrder_Prefixes_Phrases_CaseAndAccents()
    {
        var riley = await Harness.CreateResponderAsync();
        await Harness.DeclareAsync(riley, "Card authorisation timeouts at the café");
        await Harness.DeclareAsync(riley, "Timeouts on card vaulting, authorisation fine");

        Assert.Equal(2, (await FindAsync(riley, "timeouts card")).TotalIncidents);
        Assert.Equal(2, (await FindAsync(riley, "timeo")).TotalIncidents);
        Assert.Equal(["Card authorisation timeouts at the café"], Names(await FindAsync(riley, "\"card authorisation\"")));
        Assert.Equal(2, (await FindAsync(riley, "CARD AUTHORISATION")).TotalIncidents);
        Assert.Empty((await FindAsync(riley, "timeouts bakery")).Results);
    }

    [Fact]
    public async Task APrivateIncidentsWords_NeverReachANonMember()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var outsider = await Harness.CreateResponderAsync("Otto Outsider");
        var admin = await Harness.CreateAdminAsync();
        await Harness.DeclareAsync(lead, "Payroll export leaked", configure: r =>
        {
            r.IsPrivate = true;
            r.Summary = "Payroll file with salaries found on a public share.";
        });
        var open = await Harness.DeclareAsync(lead, "Payroll page slow");

        var forOutsider = await FindAsync(outsider, "payroll");
        var forLead = await FindAsync(lead, "payroll");
        var forAdmin = await FindAsync(admin, "payroll");

        Assert.Equal(["Payroll page slow"], Names(forOutsider));
        Assert.Equal(1, forOutsider.TotalIncidents);
        Assert.DoesNotContain(forOutsider.Results.SelectMany(r => r.Matches), m => m.Text.Contains("salaries", StringComparison.Ordinal));
        Assert.Empty((await FindAsync(outsider, "salaries")).Results);
        Assert.Equal(0, (await FindAsync(outsider, "salaries")).TotalIncidents);
        Assert.Equal(2, forLead.TotalIncidents);
        Assert.Equal(2, forAdmin.TotalIncidents);
        Assert.True(forLead.Results.Single(r => r.Name == "Payroll export leaked").IsPrivate);
        Assert.False(forLead.Results.Single(r => r.Number == open.Number).IsPrivate);
    }

    [Fact]
    public async Task FiltersNarrowTheResults()
    {
        var riley = await Harness.CreateResponderAsync();
        var minor = await Harness.DeclareAsync(riley, "Queue backlog in eu", "Minor");
        await Harness.DeclareAsync(riley, "Queue backlog in us", "Critical");
        await Harness.MoveToAsync(riley, minor.Id, IncidentStatus.Resolved);
        var critical = await Harness.SeverityIdAsync("Critical");

        Assert.Equal(["Queue backlog in us"], Names(await FindAsync(riley, "queue", r => r with { SeverityIds = [critical] })));
        Assert.Equal(["Queue backlog in eu"], Names(await FindAsync(riley, "queue", r => r with { Statuses = [IncidentStatus.Resolved] })));
        Assert.Empty((await FindAsync(riley, "queue", r => r with { DeclaredBefore = ServiceHarness.Start })).Results);
    }

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("NEAR(checkout failing)")]
    [InlineData("checkout OR failing")]
    [InlineData("checkout*")]
    [InlineData("^checkout")]
    [InlineData("Title:checkout")]
    [InlineData("IncidentId:1")]
    [InlineData("check\"out \"\" ' ; -- DROP TABLE Incidents")]
    [InlineData("🔥 checkout 🔥")]
    [InlineData("שגיאה בתשלום checkout")]
    [InlineData("خطأ checkout")]
    [InlineData("{checkout} [failing] (x) AND NOT +- :")]
    public async Task HostileQueries_ReturnResultsOrAMessage_NeverAnError(string query)
    {
        var riley = await Harness.CreateResponderAsync();
        await Harness.DeclareAsync(riley, "Checkout failing");

        var results = await FindAsync(riley, query);

        Assert.True(results.Problem is not null || results.Results.Count >= 0);
    }

    [Fact]
    public async Task ATenThousandCharacterQuery_IsCutAndSaysSo()
    {
        var riley = await Harness.CreateResponderAsync();
        await Harness.DeclareAsync(riley, "Checkout failing");

        var results = await FindAsync(riley, "checkout " + new string('a', 10_000));

        Assert.Null(results.Problem);
        Assert.Contains(results.Notes, n => n.Contains("first 500 characters", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "Type a word to search for.")]
    [InlineData("🔥🔥 *** \"\"", "There is no word to search for in that")]
    public async Task NothingToSearchFor_IsSaid(string query, string message)
    {
        var riley = await Harness.CreateResponderAsync();

        var results = await FindAsync(riley, query);

        Assert.Empty(results.Results);
        Assert.StartsWith(message, results.Problem, StringComparison.Ordinal);
    }
}

/// <summary>On SQLite: FTS5, which also folds accents and keeps its index row for row.</summary>
public sealed class SearchQueriesTests_Sqlite(SqliteTestDatabase database)
    : SearchQueriesTests(database), IClassFixture<SqliteTestDatabase>
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
    public async Task TheIndexHoldsEveryRowOnceAfterChanges()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley, "Index bookkeeping");
        await Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "Counting rows.", NewStatus = IncidentStatus.Investigating }, Ct);

        // Every incident and every entry with words, once; nothing else.
        var (indexed, expected) = await Harness.QueryAsync(async db =>
        {
            var rows = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM SearchIndex").SingleAsync(Ct);
            var entries = await db.TimelineEntries.CountAsync(e => e.Text != "", Ct);
            var incidents = await db.Incidents.CountAsync(Ct);
            var actions = await db.IncidentActions.CountAsync(Ct);
            return (rows, entries + incidents + actions);
        });
        Assert.Equal(expected, indexed);
        var (similarRows, incidentRows) = await Harness.QueryAsync(async db =>
            (await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM SimilarIndex").SingleAsync(Ct), await db.Incidents.CountAsync(Ct)));
        Assert.Equal(incidentRows, similarRows);
    }

    [Fact]
    public async Task AMatch_LinksToItsOwnTimelineEntry_AndCountsTheIncidentsOtherMatches()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley, "Entry links");
        await Harness.Timeline.AddNoteAsync(riley, incident.Id, new AddNoteRequest { Text = "First glimmerfax note." }, Ct);
        await Harness.Timeline.AddNoteAsync(riley, incident.Id, new AddNoteRequest { Text = "Second glimmerfax note." }, Ct);
        await Harness.Timeline.AddNoteAsync(riley, incident.Id, new AddNoteRequest { Text = "Third glimmerfax note." }, Ct);
        await Harness.Timeline.AddNoteAsync(riley, incident.Id, new AddNoteRequest { Text = "Fourth glimmerfax note, the one to link." }, Ct);
        var entryId = await Harness.QueryAsync(db => db.TimelineEntries.Where(e => e.Text.StartsWith("Fourth")).Select(e => e.Id).SingleAsync(Ct));

        var result = Assert.Single((await Search.SearchAsync(riley, new SearchRequest { Text = "glimmerfax link" }, Ct)).Results);
        var all = Assert.Single((await Search.SearchAsync(riley, new SearchRequest { Text = "glimmerfax" }, Ct)).Results);

        Assert.Equal(entryId, Assert.Single(result.Matches).TimelineEntryId);
        Assert.Equal(3, all.Matches.Count);
        Assert.Equal(1, all.MoreMatches);
        Assert.All(all.Matches, m => Assert.Equal(SearchMatchKind.Timeline, m.Kind));
    }
}

/// <summary>The fallback that SQL Server and PostgreSQL use, run on SQLite so that it is proven here too.</summary>
public sealed class SearchQueriesTests_Fallback(SqliteTestDatabase database)
    : SearchQueriesTests(database), IClassFixture<SqliteTestDatabase>
{
    protected override SearchQueries Search =>
        new(Harness.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<IncidentHub.Core.Data.IncidentHubDbContext>>()) { UseFallback = true };
}

public sealed class SearchQueriesTests_SqlServer(SqlServerTestDatabase database)
    : SearchQueriesTests(database), IClassFixture<SqlServerTestDatabase>;
