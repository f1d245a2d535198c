using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Reviews;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Reviews;

/// <summary>The written review: started from the template, sections saved on their own, Draft → In review → Published.</summary>
public abstract class ReviewServiceTests(TestDatabase database) : DatabaseTest(database)
{
    private ReviewService Reviews => Harness.Get<ReviewService>();

    private ReviewQueries Queries => Harness.Get<ReviewQueries>();

    private async Task<(Actor Lead, DeclaredIncident Incident)> ResolvedAsync(Action<DeclareIncidentRequest>? configure = null)
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var incident = await Harness.DeclareAsync(lead, configure: r =>
        {
            r.Summary = "Card payments failed for EU customers.";
            r.CustomerImpact = "Checkout showed an error.";
            configure?.Invoke(r);
        });
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);
        return (lead, incident);
    }

    private async Task<ReviewDocumentView> DocumentAsync(Actor viewer, int incidentId) =>
        await Queries.GetDocumentAsync(viewer, incidentId, Ct) ?? throw new InvalidOperationException("No review.");

    [Fact]
    public async Task Start_TakesTheTemplatesSections_PrefilledFromTheIncident_OwnedByTheLead()
    {
        var (lead, incident) = await ResolvedAsync();
        var sam = await Harness.CreateResponderAsync("Sam Okafor");

        await Reviews.StartAsync(sam, incident.Id, Ct);

        var review = await DocumentAsync(sam, incident.Id);
        Assert.Equal(
            ["Summary", "Customer impact", "Timeline", "Contributing factors", "What went well", "What was hard", "Lessons", "Follow-ups"],
            review.Sections.Select(s => s.Title));
        Assert.Equal(lead.UserId, review.OwnerId);
        Assert.Equal(ReviewState.Draft, review.State);
        var summary = review.Sections[0].Body;
        Assert.Contains("Card payments failed for EU customers.", summary, StringComparison.Ordinal);
        Assert.Contains("Time to resolve", summary, StringComparison.Ordinal);
        Assert.Contains("measured from detection", summary, StringComparison.Ordinal);
        Assert.Contains("Incident Lead: Riley Chen", summary, StringComparison.Ordinal);
        Assert.Equal("Checkout showed an error.", review.Sections[1].Body);
        Assert.Contains("resolved the incident", review.Sections[2].Body, StringComparison.Ordinal);
        Assert.Equal("", review.Sections[3].Body);
        Assert.True(await Harness.QueryAsync(db => db.TimelineEntries.AnyAsync(e => e.IncidentId == incident.Id && e.Kind == TimelineEntryKind.Review, Ct)));
        Assert.True(await Harness.QueryAsync(db => db.EventLog.AnyAsync(e => e.IncidentId == incident.Id && e.Kind == "review.started", Ct)));
    }

    [Fact]
    public async Task Start_Twice_GivesTheSameReview()
    {
        var (lead, incident) = await ResolvedAsync();

        var first = await Reviews.StartAsync(lead, incident.Id, Ct);
        var second = await Reviews.StartAsync(lead, incident.Id, Ct);

        Assert.Equal(first, second);
        Assert.Equal(1, await Harness.QueryAsync(db => db.ReviewDocuments.CountAsync(Ct)));
    }

    [Fact]
    public async Task Start_WhileActive_IsRefused_AndAViewerMayNotStartOne()
    {
        var lead = await Harness.CreateResponderAsync();
        var viewer = await Harness.CreateViewerAsync();
        var incident = await Harness.DeclareAsync(lead);

        await Assert.ThrowsAsync<DomainException>(() => Reviews.StartAsync(lead, incident.Id, Ct));
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);
        await Assert.ThrowsAsync<ForbiddenException>(() => Reviews.StartAsync(viewer, incident.Id, Ct));
        Assert.False(await Harness.QueryAsync(db => db.ReviewDocuments.AnyAsync(Ct)));
    }

    [Fact]
    public async Task TwoWritersOnTwoSections_BothKeepTheirText_AndOpenPagesHearOfEach()
    {
        var (lead, incident) = await ResolvedAsync();
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        await Reviews.StartAsync(lead, incident.Id, Ct);
        var review = await DocumentAsync(lead, incident.Id);
        var lessons = review.Sections.Single(s => s.Title == "Lessons");
        var wentWell = review.Sections.Single(s => s.Title == "What went well");
        Harness.Feed.Clear();

        await Reviews.SaveSectionAsync(lead, incident.Id, new() { SectionId = lessons.Id, SeenVersion = lessons.Version, Body = "Alerts on the **queue**." }, Ct);
        await Reviews.SaveSectionAsync(sam, incident.Id, new() { SectionId = wentWell.Id, SeenVersion = wentWell.Version, Body = "Fast rollback." }, Ct);

        var after = await DocumentAsync(lead, incident.Id);
        Assert.Equal("Alerts on the **queue**.", after.Sections.Single(s => s.Id == lessons.Id).Body);
        Assert.Equal("Fast rollback.", after.Sections.Single(s => s.Id == wentWell.Id).Body);
        Assert.Equal("Sam Okafor", after.Sections.Single(s => s.Id == wentWell.Id).EditedByName);
        Assert.Equal(2, Harness.Feed.Changes.Count(c => c.IncidentId == incident.Id));
    }

    [Fact]
    public async Task TheSecondSaverOfOneSection_IsTold_AndTheFirstTextStays()
    {
        var (lead, incident) = await ResolvedAsync();
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        await Reviews.StartAsync(lead, incident.Id, Ct);
        var lessons = (await DocumentAsync(lead, incident.Id)).Sections.Single(s => s.Title == "Lessons");

        await Reviews.SaveSectionAsync(lead, incident.Id, new() { SectionId = lessons.Id, SeenVersion = lessons.Version, Body = "Riley's lessons" }, Ct);
        var ex = await Assert.ThrowsAsync<ConflictException>(() =>
            Reviews.SaveSectionAsync(sam, incident.Id, new() { SectionId = lessons.Id, SeenVersion = lessons.Version, Body = "Sam's lessons" }, Ct));

        Assert.Contains("Riley Chen saved \"Lessons\" while you were writing", ex.Message, StringComparison.Ordinal);
        var fresh = (await DocumentAsync(lead, incident.Id)).Sections.Single(s => s.Id == lessons.Id);
        Assert.Equal("Riley's lessons", fresh.Body);

        // Having seen theirs, Sam may still choose his own.
        await Reviews.SaveSectionAsync(sam, incident.Id, new() { SectionId = lessons.Id, SeenVersion = fresh.Version, Body = "Sam's lessons" }, Ct);
        Assert.Equal("Sam's lessons", (await DocumentAsync(lead, incident.Id)).Sections.Single(s => s.Id == lessons.Id).Body);
    }

    [Fact]
    public async Task ASaveThatRacesAnotherBetweenLoadAndSave_IsACleanConflict()
    {
        var (lead, incident) = await ResolvedAsync();
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        await Reviews.StartAsync(lead, incident.Id, Ct);
        var lessons = (await DocumentAsync(lead, incident.Id)).Sections.Single(s => s.Title == "Lessons");
        Harness.Database.SaveHook.BeforeNextSave(() =>
            Reviews.SaveSectionAsync(sam, incident.Id, new() { SectionId = lessons.Id, SeenVersion = lessons.Version, Body = "Sam first" }, Ct));

        await Assert.ThrowsAsync<ConflictException>(() =>
            Reviews.SaveSectionAsync(lead, incident.Id, new() { SectionId = lessons.Id, SeenVersion = lessons.Version, Body = "Riley second" }, Ct));

        Assert.Equal("Sam first", (await DocumentAsync(lead, incident.Id)).Sections.Single(s => s.Id == lessons.Id).Body);
    }

    [Fact]
    public async Task ASectionOverItsLimit_IsRefusedWithTheLimit_NotCut()
    {
        var (lead, incident) = await ResolvedAsync();
        await Reviews.StartAsync(lead, incident.Id, Ct);
        var lessons = (await DocumentAsync(lead, incident.Id)).Sections.Single(s => s.Title == "Lessons");

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Reviews.SaveSectionAsync(lead, incident.Id,
            new() { SectionId = lessons.Id, SeenVersion = lessons.Version, Body = new string('x', TextLimits.ReviewSection + 5) }, Ct));

        Assert.Contains("5 too many", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_GoesFromDraftToInReviewToPublished_AndPublishedIsReadOnlyUntilTheOwnerReopens()
    {
        var (lead, incident) = await ResolvedAsync();
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var pat = await Harness.CreateResponderAsync("Pat Kim");
        await Reviews.StartAsync(lead, incident.Id, Ct);

        await Assert.ThrowsAsync<ForbiddenException>(async () => await Reviews.RequestReviewAsync(sam, incident.Id, (await DocumentAsync(lead, incident.Id)).Version, [pat.UserId], Ct));
        await Reviews.RequestReviewAsync(lead, incident.Id, (await DocumentAsync(lead, incident.Id)).Version, [sam.UserId, pat.UserId], Ct);
        Assert.Equal(ReviewState.InReview, (await DocumentAsync(lead, incident.Id)).State);

        await Assert.ThrowsAsync<ValidationFailedException>(() => Reviews.AnswerAsync(pat, incident.Id, new() { Verdict = ReviewVerdict.ChangesRequested }, Ct));
        await Reviews.AnswerAsync(pat, incident.Id, new() { Verdict = ReviewVerdict.ChangesRequested, Comment = "Say why the alert was quiet." }, Ct);
        var back = await DocumentAsync(lead, incident.Id);
        Assert.Equal(ReviewState.Draft, back.State);
        Assert.Equal("Say why the alert was quiet.", back.Reviewers.Single(r => r.UserId == pat.UserId).Comment);

        await Reviews.RequestReviewAsync(lead, incident.Id, back.Version, [sam.UserId, pat.UserId], Ct);
        await Reviews.AnswerAsync(sam, incident.Id, new() { Verdict = ReviewVerdict.Approved }, Ct);
        var waiting = await Assert.ThrowsAsync<DomainException>(async () => await Reviews.PublishAsync(lead, incident.Id, (await DocumentAsync(lead, incident.Id)).Version, Ct));
        Assert.Contains("Pat Kim", waiting.Message, StringComparison.Ordinal);
        await Reviews.AnswerAsync(pat, incident.Id, new() { Verdict = ReviewVerdict.Approved }, Ct);
        Harness.Time.Advance(TimeSpan.FromHours(1));
        await Reviews.PublishAsync(lead, incident.Id, (await DocumentAsync(lead, incident.Id)).Version, Ct);

        var published = await DocumentAsync(lead, incident.Id);
        Assert.Equal(ReviewState.Published, published.State);
        Assert.Equal(Harness.Time.GetUtcNow(), published.PublishedAt);
        var lessons = published.Sections.Single(s => s.Title == "Lessons");
        await Assert.ThrowsAsync<DomainException>(() => Reviews.SaveSectionAsync(sam, incident.Id, new() { SectionId = lessons.Id, SeenVersion = lessons.Version, Body = "Late" }, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Reviews.ReopenAsync(sam, incident.Id, new() { SeenVersion = published.Version, Reason = "Typo" }, Ct));

        await Reviews.ReopenAsync(lead, incident.Id, new() { SeenVersion = published.Version, Reason = "The root cause changed." }, Ct);

        var reopened = await DocumentAsync(lead, incident.Id);
        Assert.Equal(ReviewState.Draft, reopened.State);
        Assert.All(reopened.Reviewers, r => Assert.Equal(ReviewVerdict.Pending, r.Verdict));
        var entry = await Harness.QueryAsync(db => db.TimelineEntries.SingleAsync(e => e.IncidentId == incident.Id && e.Text.Contains("reopened the published review"), Ct));
        Assert.Equal("The root cause changed.", entry.Detail);
        var kinds = await Harness.QueryAsync(db => db.EventLog.Where(e => e.IncidentId == incident.Id && e.Kind.StartsWith("review.")).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync(Ct));
        Assert.Equal(["review.started", "review.requested", "review.answered", "review.requested", "review.answered", "review.answered", "review.published", "review.reopened"], kinds);
    }

    [Fact]
    public async Task AReviewerMustBeAbleToSeeAPrivateIncident_AndOthersCannotReadItsReview()
    {
        var (lead, incident) = await ResolvedAsync(r => r.IsPrivate = true);
        var outsider = await Harness.CreateResponderAsync("Olly Outside");
        await Reviews.StartAsync(lead, incident.Id, Ct);
        var review = await DocumentAsync(lead, incident.Id);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Reviews.RequestReviewAsync(lead, incident.Id, review.Version, [outsider.UserId], Ct));

        Assert.Contains("cannot see this private incident", ex.Message, StringComparison.Ordinal);
        Assert.Null(await Queries.GetDocumentAsync(outsider, incident.Id, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => Reviews.SaveSectionAsync(outsider, incident.Id,
            new() { SectionId = review.Sections[0].Id, SeenVersion = review.Sections[0].Version, Body = "x" }, Ct));
    }

    [Fact]
    public async Task TheDownload_HasTheWrittenSections()
    {
        var (lead, incident) = await ResolvedAsync();
        await Reviews.StartAsync(lead, incident.Id, Ct);
        var lessons = (await DocumentAsync(lead, incident.Id)).Sections.Single(s => s.Title == "Lessons");
        await Reviews.SaveSectionAsync(lead, incident.Id, new() { SectionId = lessons.Id, SeenVersion = lessons.Version, Body = "Page the *queue* owner." }, Ct);

        var record = await Queries.GetReviewAsync(lead, incident.Number, Ct);
        var markdown = ReviewMarkdown.Render(record!, TimeZoneInfo.Utc, Harness.Time.GetUtcNow());

        Assert.Contains("## Lessons\n\nPage the *queue* owner.", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Review:** Draft, owned by Riley Chen", markdown, StringComparison.Ordinal);
        Assert.True(markdown.IndexOf("## Lessons", StringComparison.Ordinal) < markdown.IndexOf("# The incident's record", StringComparison.Ordinal));
    }
}

public sealed class ReviewServiceTests_Sqlite(SqliteTestDatabase database)
    : ReviewServiceTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ReviewServiceTests_SqlServer(SqlServerTestDatabase database)
    : ReviewServiceTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class ReviewServiceTests_PostgreSql(PostgreSqlTestDatabase database)
    : ReviewServiceTests(database), IClassFixture<PostgreSqlTestDatabase>;
