using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Learnings;
using IncidentHub.Core.Reviews;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Learnings;

/// <summary>Learnings: published reviews only, newest first, by words, severity and date; private ones only for members.</summary>
public abstract class LearningsQueriesTests(TestDatabase database) : DatabaseTest(database)
{
    private LearningsQueries Learnings => Harness.Get<LearningsQueries>();

    private ReviewService Reviews => Harness.Get<ReviewService>();

    /// <summary>Declares, resolves, writes the lessons, has <paramref name="reviewer"/> approve it and publishes it.</summary>
    private async Task<DeclaredIncident> PublishedAsync(Actor lead, Actor reviewer, string name, string lessons, string severity = "Major", bool isPrivate = false)
    {
        var incident = await Harness.DeclareAsync(lead, name, severity, r => r.IsPrivate = isPrivate);
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);
        await Reviews.StartAsync(lead, incident.Id, Ct);
        var review = (await Harness.Get<ReviewQueries>().GetDocumentAsync(lead, incident.Id, Ct))!;
        var section = review.Sections.Single(s => s.Title == "Lessons");
        await Reviews.SaveSectionAsync(lead, incident.Id, new() { SectionId = section.Id, SeenVersion = section.Version, Body = lessons }, Ct);
        if (isPrivate)
        {
            await Harness.Get<IncidentHub.Core.Access.IncidentAccessService>().InviteAsync(lead, incident.Id, reviewer.UserId, Ct);
        }

        await Reviews.RequestReviewAsync(lead, incident.Id, review.Version, [reviewer.UserId], Ct);
        await Reviews.AnswerAsync(reviewer, incident.Id, new() { Verdict = ReviewVerdict.Approved }, Ct);
        var fresh = (await Harness.Get<ReviewQueries>().GetDocumentAsync(lead, incident.Id, Ct))!;
        await Reviews.PublishAsync(lead, incident.Id, fresh.Version, Ct);
        Harness.Time.Advance(TimeSpan.FromDays(1));
        return incident;
    }

    [Fact]
    public async Task PublishedReviews_NewestFirst_WithTheirLessons_AndNotDrafts()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var viewer = await Harness.CreateViewerAsync("Vic Viewer");
        await PublishedAsync(lead, sam, "Old outage", "Old lesson");
        await PublishedAsync(lead, sam, "New outage", "Page the **queue** owner");
        var draft = await Harness.DeclareAsync(lead, "Still a draft");
        await Harness.MoveToAsync(lead, draft.Id, IncidentStatus.Resolved);
        await Reviews.StartAsync(lead, draft.Id, Ct);

        var page = await Learnings.SearchAsync(viewer, new LearningsSearch(), Ct);

        Assert.Equal(["New outage", "Old outage"], page.Items.Select(i => i.Name));
        Assert.Equal("Page the **queue** owner", page.Items[0].Lessons);
        Assert.Equal(2, page.TotalCount);
    }

    [Fact]
    public async Task Search_ByWordsInTheReview_BySeverity_AndByDate()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        await PublishedAsync(lead, sam, "Payments down", "The DNS cache hid the change.", "Critical");
        var cutoff = Harness.Time.GetUtcNow();
        await PublishedAsync(lead, sam, "Search slow", "An index was missing after the migration.", "Minor");

        Assert.Equal(["Payments down"], (await Learnings.SearchAsync(lead, new() { Text = "dns CACHE" }, Ct)).Items.Select(i => i.Name));
        Assert.Empty((await Learnings.SearchAsync(lead, new() { Text = "dns missing" }, Ct)).Items);
        var minor = await Harness.SeverityIdAsync("Minor");
        Assert.Equal(["Search slow"], (await Learnings.SearchAsync(lead, new() { SeverityIds = [minor] }, Ct)).Items.Select(i => i.Name));
        Assert.Equal(["Search slow"], (await Learnings.SearchAsync(lead, new() { PublishedFrom = cutoff }, Ct)).Items.Select(i => i.Name));
        Assert.Equal(["Payments down"], (await Learnings.SearchAsync(lead, new() { PublishedBefore = cutoff }, Ct)).Items.Select(i => i.Name));
        Assert.Empty((await Learnings.SearchAsync(lead, new() { Text = "100%_" }, Ct)).Items);
    }

    [Fact]
    public async Task APrivateIncidentsReview_IsThereOnlyForItsMembersAndAdmins()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var member = await Harness.CreateResponderAsync("Mia Member");
        var outsider = await Harness.CreateResponderAsync("Olly Outside");
        var viewer = await Harness.CreateViewerAsync("Vic Viewer");
        var admin = await Harness.CreateAdminAsync("Ada Admin");
        await PublishedAsync(lead, member, "Laptop stolen", "Encrypt every disk", isPrivate: true);

        Assert.Single((await Learnings.SearchAsync(lead, new(), Ct)).Items);
        Assert.Single((await Learnings.SearchAsync(member, new(), Ct)).Items);
        Assert.Single((await Learnings.SearchAsync(admin, new(), Ct)).Items);
        var hidden = await Learnings.SearchAsync(outsider, new() { Text = "Encrypt" }, Ct);
        Assert.Empty(hidden.Items);
        Assert.Equal(0, hidden.TotalCount);
        Assert.Empty((await Learnings.SearchAsync(viewer, new(), Ct)).Items);
    }

    [Fact]
    public async Task AReopenedReview_LeavesLearnings()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await PublishedAsync(lead, sam, "Flaky deploys", "Pin the runner image");
        var review = (await Harness.Get<ReviewQueries>().GetDocumentAsync(lead, incident.Id, Ct))!;

        await Reviews.ReopenAsync(lead, incident.Id, new() { SeenVersion = review.Version, Reason = "Wrong root cause" }, Ct);

        Assert.Empty((await Learnings.SearchAsync(lead, new(), Ct)).Items);
    }
}

public sealed class LearningsQueriesTests_Sqlite(SqliteTestDatabase database)
    : LearningsQueriesTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class LearningsQueriesTests_SqlServer(SqlServerTestDatabase database)
    : LearningsQueriesTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class LearningsQueriesTests_PostgreSql(PostgreSqlTestDatabase database)
    : LearningsQueriesTests(database), IClassFixture<PostgreSqlTestDatabase>;
