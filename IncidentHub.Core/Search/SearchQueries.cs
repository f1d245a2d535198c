using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Search;

/// <summary>
/// Search over everything a person may see: incidents' names, summaries and customer impact, every timeline entry
/// (updates, notes, mirrored Slack messages, changes), actions and follow-ups, and notices published to the status
/// page. Ranked, grouped by incident, each match with its snippet. Visibility comes first: the words are matched only
/// inside the incidents the searcher may see, so a private incident's words never reach a non-member through results,
/// snippets or counts.
/// <para>
/// On SQLite this is FTS5 (<see cref="SearchIndexSql"/>): a <c>SearchIndex</c> table that the database's own triggers
/// keep current in the same transaction as the text, so an edit or a deleted Slack message leaves it with the change.
/// On PostgreSQL it is its own full-text search (<see cref="SearchIndexPostgreSql"/>: tsvector, GIN, triggers, unaccent).
/// On SQL Server it is the plain fallback in <see cref="SearchFallback"/>: the same words matched with
/// <c>LIKE</c>, names ranked first, and case and accents as the database's collation compares them.
/// </para>
/// </summary>
public sealed class SearchQueries(IDbContextFactory<IncidentHubDbContext> dbFactory)
{
    /// <summary>Matches read back per page of incidents, to pick each one's best few.</summary>
    private const int MatchesPerIncident = 3;

    /// <summary>Use the plain fallback even where FTS5 is there (tests prove the fallback on SQLite).</summary>
    internal bool UseFallback { get; init; }

    public async Task<SearchResults> SearchAsync(Actor viewer, SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(request);
        var text = SearchText.Parse(request.Text);
        if (text.IsEmpty)
        {
            return SearchResults.Refused(
                string.IsNullOrWhiteSpace(request.Text)
                    ? "Type a word to search for."
                    : "There is no word to search for in that: type letters or digits (punctuation and symbols are ignored).",
                text.Notes);
        }

        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incidents = Filtered(db.Incidents.AsNoTracking().VisibleTo(viewer, db), request);
        var visibleIds = incidents.Select(i => i.Id);

        var (total, ranked, matches) = !UseFallback && SearchIndexSql.IsAvailable(db)
            ? await SearchIndexSql.SearchAsync(db, text, visibleIds, (page - 1) * pageSize, pageSize, MatchesPerIncident, cancellationToken)
            : !UseFallback && SearchIndexPostgreSql.IsAvailable(db)
            ? await SearchIndexPostgreSql.SearchAsync(db, text, visibleIds, (page - 1) * pageSize, pageSize, MatchesPerIncident, cancellationToken)
            : await SearchFallback.SearchAsync(db, text, visibleIds, (page - 1) * pageSize, pageSize, MatchesPerIncident, cancellationToken);

        var ids = ranked.Select(r => r.IncidentId).ToList();
        var details = await db.Incidents.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Number, i.Name, i.Status, SeverityName = i.Severity.Name, SeverityRank = i.Severity.Rank, i.DeclaredAt, i.Visibility })
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var results = ranked
            .Where(r => details.ContainsKey(r.IncidentId))
            .Select(r =>
            {
                var d = details[r.IncidentId];
                var mine = matches.Where(m => m.IncidentId == r.IncidentId).Take(MatchesPerIncident).Select(m => m.Match).ToList();
                return new SearchResult(d.Number, d.Name, d.Status, d.SeverityName, d.SeverityRank, d.DeclaredAt,
                    d.Visibility == IncidentVisibility.Private, mine, Math.Max(0, r.Matches - mine.Count));
            })
            .ToList();
        return new SearchResults(results, total, page, pageSize, text.Notes, null);
    }

    private static IQueryable<Incident> Filtered(IQueryable<Incident> query, SearchRequest request)
    {
        if (request.Statuses.Count > 0)
        {
            var statuses = request.Statuses.ToList();
            query = query.Where(i => statuses.Contains(i.Status));
        }

        if (request.SeverityIds.Count > 0)
        {
            var severities = request.SeverityIds.ToList();
            query = query.Where(i => severities.Contains(i.SeverityId));
        }

        if (request.DeclaredFrom is { } from)
        {
            query = query.Where(i => i.DeclaredAt >= from);
        }

        if (request.DeclaredBefore is { } before)
        {
            query = query.Where(i => i.DeclaredAt < before);
        }

        return query;
    }
}

/// <summary>An incident's place in the results: its best score (lower is better) and how many matches it has.</summary>
internal sealed record RankedIncident(int IncidentId, double Score, int Matches);

/// <summary>One match of a page's incidents, best first within its incident.</summary>
internal sealed record IncidentMatch(int IncidentId, SearchMatch Match);
