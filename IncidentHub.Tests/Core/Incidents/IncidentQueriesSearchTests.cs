using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Incidents;

public abstract class IncidentQueriesSearchTests(TestDatabase database) : DatabaseTest(database)
{
    private Actor _riley = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _riley = await Harness.CreateResponderAsync();
    }

    /// <summary>Declares one incident per name, a minute apart; INC-n is the n-th name.</summary>
    private async Task<List<DeclaredIncident>> DeclareAsync(params (string Name, string Summary)[] incidents)
    {
        var declared = new List<DeclaredIncident>();
        foreach (var (name, summary) in incidents)
        {
            Harness.Time.Advance(TimeSpan.FromMinutes(1));
            declared.Add(await Harness.DeclareAsync(_riley, name, configure: r => r.Summary = summary));
        }

        return declared;
    }

    private async Task<List<int>> SearchAsync(IncidentSearch search) =>
        [.. (await Harness.IncidentQueries.SearchAsync(search, Ct)).Items.Select(i => i.Number)];

    private Task<List<int>> SearchAsync(string text) => SearchAsync(new IncidentSearch { Text = text });

    private Task<List<DeclaredIncident>> DeclareTextsAsync() => DeclareAsync(
        ("Checkout payments failing", "Card payments fail at the bank step."),
        ("Search results slow", "Latency rose after the index rebuild."),
        ("Disk 100% full on the primary", "Writes are failing."),
        ("Disk 1000 errors per minute", "Noisy but harmless."),
        ("queue_depth alarm", "Workers are behind."),
        ("queue depth alarm on workers", "Another alarm."));

    [Fact]
    public async Task Search_ByReference_FindsThatIncident()
    {
        await DeclareTextsAsync();

        var byReference = await SearchAsync("INC-2");
        var byNumber = await SearchAsync("2");
        var byLowerCaseReference = await SearchAsync("inc-2");

        Assert.Equal([2], byReference);
        Assert.Equal([2], byNumber);
        Assert.Equal([2], byLowerCaseReference);
    }

    [Fact]
    public async Task Search_ByAWordInTheName()
    {
        await DeclareTextsAsync();

        var found = await SearchAsync("payments");

        Assert.Equal([1], found);
    }

    [Fact]
    public async Task Search_ByAWordOnlyInTheSummary()
    {
        await DeclareTextsAsync();

        var found = await SearchAsync("rebuild");

        Assert.Equal([2], found);
    }

    [Fact]
    public async Task Search_WithAPercentSign_MatchesItLiterally()
    {
        await DeclareTextsAsync();

        var found = await SearchAsync("100%");

        Assert.Equal([3], found);
    }

    [Fact]
    public async Task Search_WithAnUnderscore_MatchesItLiterally()
    {
        await DeclareTextsAsync();

        var found = await SearchAsync("queue_depth");

        Assert.Equal([5], found);
    }

    [Fact]
    public async Task Search_WithBracketsAndBackslashes_MatchesThemLiterally()
    {
        await DeclareAsync(("Regex [a-z] broke the parser", "Path C:\\temp filled up."), ("Regex a broke", "Nothing."));

        var brackets = await SearchAsync("[a-z]");
        var backslash = await SearchAsync("C:\\temp");

        Assert.Equal([1], brackets);
        Assert.Equal([1], backslash);
    }

    [Fact]
    public async Task Search_WithNoText_ReturnsEverythingNewestFirst()
    {
        await DeclareTextsAsync();

        var found = await SearchAsync(new IncidentSearch { Text = "  " });

        Assert.Equal([6, 5, 4, 3, 2, 1], found);
    }

    [Fact]
    public async Task Search_Page2Of3_ReturnsTheMiddlePage()
    {
        await DeclareAsync([.. Enumerable.Range(1, 7).Select(n => ($"Incident number {n}", ""))]);

        var page = await Harness.IncidentQueries.SearchAsync(new IncidentSearch { Page = 2, PageSize = 3 }, Ct);

        Assert.Equal([4, 3, 2], page.Items.Select(i => i.Number));
        Assert.Equal(7, page.TotalCount);
        Assert.Equal(2, page.Page);
        Assert.Equal(3, page.PageCount);
    }

    [Fact]
    public async Task Search_PageSizeAndPage_AreKeptInRange()
    {
        await DeclareAsync([.. Enumerable.Range(1, 3).Select(n => ($"Incident number {n}", ""))]);

        var page = await Harness.IncidentQueries.SearchAsync(new IncidentSearch { Page = 0, PageSize = 10_000 }, Ct);

        Assert.Equal(1, page.Page);
        Assert.Equal(IncidentSearch.MaxPageSize, page.PageSize);
        Assert.Equal(3, page.Items.Count);
    }

    [Fact]
    public async Task Search_ByDeclaredDate_IncludesFromAndExcludesBefore()
    {
        for (var day = 0; day < 5; day++)
        {
            await Harness.DeclareAsync(_riley, $"Day {day}");
            Harness.Time.Advance(TimeSpan.FromDays(1));
        }

        var found = await SearchAsync(new IncidentSearch
        {
            DeclaredFrom = ServiceHarness.Start + TimeSpan.FromDays(1),
            DeclaredBefore = ServiceHarness.Start + TimeSpan.FromDays(3),
        });

        Assert.Equal([3, 2], found);
    }

    [Fact]
    public async Task Search_ByStatusAndSeverity()
    {
        var incidents = await DeclareTextsAsync();
        await Harness.MoveToAsync(_riley, incidents[1].Id, IncidentStatus.Resolved);
        await Harness.MoveToAsync(_riley, incidents[3].Id, IncidentStatus.Resolved);
        var critical = await Harness.SeverityIdAsync("Critical");
        await Harness.Incidents.ChangeSeverityAsync(_riley, incidents[3].Id, await Harness.SeverityIdAsync("Major"), critical, Ct);

        var resolved = await SearchAsync(new IncidentSearch { Statuses = [IncidentStatus.Resolved] });
        var resolvedCritical = await SearchAsync(new IncidentSearch { Statuses = [IncidentStatus.Resolved], SeverityIds = [critical] });

        Assert.Equal([4, 2], resolved);
        Assert.Equal([4], resolvedCritical);
    }
}

public sealed class IncidentQueriesSearchTests_Sqlite(SqliteTestDatabase database)
    : IncidentQueriesSearchTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class IncidentQueriesSearchTests_SqlServer(SqlServerTestDatabase database)
    : IncidentQueriesSearchTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class IncidentQueriesSearchTests_PostgreSql(PostgreSqlTestDatabase database)
    : IncidentQueriesSearchTests(database), IClassFixture<PostgreSqlTestDatabase>;
