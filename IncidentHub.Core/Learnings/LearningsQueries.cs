using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Learnings;

/// <summary>
/// Learnings: every published review the reader may see (a private incident's only for its members and admins),
/// newest first, found by words, severity and when it was published.
/// </summary>
public sealed class LearningsQueries(IDbContextFactory<IncidentHubDbContext> dbFactory)
{
    public async Task<PagedResult<LearningItem>> SearchAsync(Actor viewer, LearningsSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(search);
        var page = Math.Max(1, search.Page);
        var pageSize = Math.Clamp(search.PageSize, 1, LearningsSearch.MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var visible = db.Incidents.AsNoTracking().VisibleTo(viewer, db);
        var query = db.ReviewDocuments.AsNoTracking()
            .Where(r => r.State == ReviewState.Published)
            .Join(visible, r => r.IncidentId, i => i.Id, (r, i) => new { Review = r, Incident = i });

        var fold = SqlText.LikeHeedsCase(db);
        foreach (var word in Words(search.Text))
        {
            // PostgreSQL's LIKE heeds case (SQLite's and SQL Server's usual collation do not): there both sides are lowered.
            var pattern = "%" + (fold ? IncidentQueries.EscapeLike(word).ToLowerInvariant() : IncidentQueries.EscapeLike(word)) + "%";
            query = query.Where(x => EF.Functions.Like(fold ? x.Incident.Name.ToLower() : x.Incident.Name, pattern, "\\")
                || EF.Functions.Like(fold ? x.Incident.Summary.ToLower() : x.Incident.Summary, pattern, "\\")
                || db.ReviewSections.Any(s => s.ReviewDocumentId == x.Review.Id && EF.Functions.Like(fold ? s.Body.ToLower() : s.Body, pattern, "\\")));
        }

        if (search.SeverityIds.Count > 0)
        {
            var severities = search.SeverityIds.ToList();
            query = query.Where(x => severities.Contains(x.Incident.SeverityId));
        }

        if (search.PublishedFrom is { } from)
        {
            query = query.Where(x => x.Review.PublishedAt >= from);
        }

        if (search.PublishedBefore is { } before)
        {
            query = query.Where(x => x.Review.PublishedAt < before);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(x => x.Review.PublishedAt).ThenByDescending(x => x.Review.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new
            {
                x.Review.Id,
                x.Incident.Number,
                x.Incident.Name,
                SeverityName = x.Incident.Severity.Name,
                SeverityRank = x.Incident.Severity.Rank,
                IsPrivate = x.Incident.Visibility == IncidentVisibility.Private,
                x.Review.PublishedAt,
                x.Review.OwnerName,
            })
            .ToListAsync(cancellationToken);

        // Two sections per review shown: the lessons and the follow-ups (by their template headings).
        var ids = rows.Select(r => r.Id).ToList();
        var sections = await db.ReviewSections.AsNoTracking()
            .Where(s => ids.Contains(s.ReviewDocumentId) && (s.Title == LessonsTitle || s.Prefill == ReviewPrefill.FollowUps || s.Prefill == ReviewPrefill.Summary))
            .Select(s => new { s.ReviewDocumentId, s.Title, s.Prefill, s.Body })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new LearningItem(
            r.Number, r.Name, r.SeverityName, r.SeverityRank, r.IsPrivate, r.PublishedAt!.Value, r.OwnerName,
            sections.FirstOrDefault(s => s.ReviewDocumentId == r.Id && s.Prefill == ReviewPrefill.Summary)?.Body ?? "",
            sections.FirstOrDefault(s => s.ReviewDocumentId == r.Id && s.Title == LessonsTitle)?.Body ?? "",
            sections.FirstOrDefault(s => s.ReviewDocumentId == r.Id && s.Prefill == ReviewPrefill.FollowUps)?.Body ?? "")).ToList();
        return new PagedResult<LearningItem>(items, total, page, pageSize);
    }

    private const string LessonsTitle = "Lessons";

    /// <summary>Each word must appear somewhere (name, summary or a section); at most ten words count.</summary>
    private static IEnumerable<string> Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).Take(10);
}

public sealed record LearningItem(
    int Number,
    string Name,
    string SeverityName,
    int SeverityRank,
    bool IsPrivate,
    DateTimeOffset PublishedAt,
    string OwnerName,
    string Summary,
    string Lessons,
    string FollowUps)
{
    public string Reference => IncidentReference.Format(Number);
}

public sealed record LearningsSearch
{
    public const int MaxPageSize = 50;

    /// <summary>Words that must each appear in the incident's name or summary, or in the review's text.</summary>
    public string? Text { get; init; }

    public IReadOnlyCollection<int> SeverityIds { get; init; } = [];

    public DateTimeOffset? PublishedFrom { get; init; }

    public DateTimeOffset? PublishedBefore { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;
}
