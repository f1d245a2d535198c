using System.Globalization;
using IncidentHub.Core.Data;
using IncidentHub.Core.StatusPage;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Search;

/// <summary>
/// Search where no full-text index is set up (SQL Server, PostgreSQL): every word and phrase must appear in the same
/// piece of text (<c>LIKE '%word%'</c>, so prefixes and words inside words match too), incidents whose name or
/// details match come first, then the newest. Case and accents follow the database's collation (SQL Server's usual
/// <c>*_CI_AS</c> ignores case but not accents). It reads every row it compares: fine for thousands of incidents, slow
/// for millions; docs/performance.md says how it compares with SQLite's FTS5.
/// </summary>
internal static class SearchFallback
{
    private const int SnippetContext = 60;

    public static async Task<(int Total, List<RankedIncident> Ranked, List<IncidentMatch> Matches)> SearchAsync(
        IncidentHubDbContext db,
        SearchText text,
        IQueryable<int> visibleIds,
        int skip,
        int take,
        int perIncident,
        CancellationToken cancellationToken)
    {
        var needles = text.Terms.Select(t => string.Join(' ', t.Words)).ToList();
        var docs = Documents(db, visibleIds);
        foreach (var needle in needles)
        {
            var pattern = "%" + Like(needle) + "%";
            docs = docs.Where(d => EF.Functions.Like(d.Title, pattern, "\\") || EF.Functions.Like(d.Body, pattern, "\\"));
        }

        var total = await docs.Select(d => d.IncidentId).Distinct().CountAsync(cancellationToken);
        if (total == 0)
        {
            return (0, [], []);
        }

        var ranked = (await docs
                .GroupBy(d => d.IncidentId)
                .Select(g => new { IncidentId = g.Key, Score = g.Min(d => d.Rank), Matches = g.Count() })
                .OrderBy(g => g.Score).ThenByDescending(g => g.IncidentId)
                .Skip(skip).Take(take)
                .ToListAsync(cancellationToken))
            .Select(g => new RankedIncident(g.IncidentId, g.Score, g.Matches))
            .ToList();
        var ids = ranked.Select(r => r.IncidentId).ToList();
        var rows = await docs.Where(d => ids.Contains(d.IncidentId))
            .OrderBy(d => d.Rank).ThenByDescending(d => d.SourceId)
            .Take(ids.Count * perIncident * 4)
            .ToListAsync(cancellationToken);
        var matches = rows
            .GroupBy(d => d.IncidentId)
            .SelectMany(g => g.Take(perIncident))
            .Select(d => new IncidentMatch(d.IncidentId, new SearchMatch((SearchMatchKind)d.Kind, d.Kind == (int)SearchMatchKind.Timeline ? d.SourceId : null, Snippet(d, needles))))
            .ToList();
        return (total, ranked, matches);
    }

    /// <summary>Every piece of searchable text of the visible incidents, as one shape (a UNION ALL in the database).</summary>
    private static IQueryable<Document> Documents(IncidentHubDbContext db, IQueryable<int> visibleIds)
    {
        var incidents = db.Incidents.AsNoTracking().Where(i => visibleIds.Contains(i.Id)).Select(i => new Document
        {
            IncidentId = i.Id, Kind = (int)SearchMatchKind.Details, SourceId = i.Id, Title = i.Name, Body = i.Summary + "\n" + i.CustomerImpact, Rank = 0,
        });
        var entries = db.TimelineEntries.AsNoTracking().Where(e => visibleIds.Contains(e.IncidentId) && e.Text != "").Select(e => new Document
        {
            IncidentId = e.IncidentId, Kind = (int)SearchMatchKind.Timeline, SourceId = e.Id, Title = "", Body = e.Text, Rank = 1,
        });
        var actions = db.IncidentActions.AsNoTracking().Where(a => visibleIds.Contains(a.IncidentId)).Select(a => new Document
        {
            IncidentId = a.IncidentId, Kind = (int)SearchMatchKind.Action, SourceId = a.Id, Title = a.Title, Body = "", Rank = 0.5,
        });
        var notices = from u in db.Set<PublicUpdate>().AsNoTracking()
                      join n in db.Set<PublicNotice>().AsNoTracking() on u.NoticeId equals n.Id
                      where visibleIds.Contains(n.IncidentId)
                      select new Document { IncidentId = n.IncidentId, Kind = (int)SearchMatchKind.Notice, SourceId = u.Id, Title = u.Title, Body = u.Message, Rank = 0.5 };
        return incidents.Concat(entries).Concat(actions).Concat(notices);
    }

    /// <summary>The text around the first match, with every match in it marked.</summary>
    internal static List<SnippetPart> Snippet(string text, IReadOnlyList<string> needles)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        const CompareOptions options = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        var first = needles.Select(n => compare.IndexOf(text, n, options)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - SnippetContext);
        var end = Math.Min(text.Length, first + (SnippetContext * 2));
        var window = text[start..end];
        var parts = new List<SnippetPart>();
        if (start > 0)
        {
            parts.Add(new SnippetPart("…", false));
        }

        var position = 0;
        while (position < window.Length)
        {
            var hit = needles
                .Select(n => (At: compare.IndexOf(window.AsSpan(position), n.AsSpan(), options, out var length), Length: length))
                .Select(h => h.At < 0 ? h : (At: h.At + position, h.Length))
                .Where(h => h.At >= 0)
                .OrderBy(h => h.At)
                .FirstOrDefault((At: -1, Length: 0));
            if (hit.At < 0 || hit.Length == 0)
            {
                parts.Add(new SnippetPart(window[position..], false));
                break;
            }

            if (hit.At > position)
            {
                parts.Add(new SnippetPart(window[position..hit.At], false));
            }

            parts.Add(new SnippetPart(window.Substring(hit.At, hit.Length), true));
            position = hit.At + hit.Length;
        }

        if (end < text.Length)
        {
            parts.Add(new SnippetPart("…", false));
        }

        return parts;
    }

    private static List<SnippetPart> Snippet(Document d, IReadOnlyList<string> needles) =>
        Snippet(d.Title.Length > 0 && d.Body.Length == 0 ? d.Title : d.Title.Length > 0 ? d.Title + " — " + d.Body : d.Body, needles);

    private static string Like(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);

    /// <summary>One piece of searchable text.</summary>
    internal sealed class Document
    {
        public int IncidentId { get; init; }

        /// <summary>A <see cref="SearchMatchKind"/>, as a number (the database unions the four shapes).</summary>
        public int Kind { get; init; }

        public long SourceId { get; init; }

        public string Title { get; init; } = "";

        public string Body { get; init; } = "";

        public double Rank { get; init; }
    }
}
