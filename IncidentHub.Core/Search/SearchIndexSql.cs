using System.Text.Json;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Search;

/// <summary>
/// SQLite's FTS5 index (<c>SearchIndex</c>, created by the SQLite migration <c>SearchIndex</c> with the triggers that keep
/// it current): one row per incident (name; summary and customer impact), timeline entry, action and published notice,
/// words split and folded by <c>unicode61 remove_diacritics 2</c> (case and accents ignored). Ranked by BM25 (the table's configured <c>rank</c>) with the
/// title column (an incident's name, an action's or a notice's title) weighing ten times the body, so a name match
/// comes above a passing mention.
/// </summary>
public static class SearchIndexSql
{
    /// <summary>Marks around matched words in FTS5 snippets: control characters that stored text never holds.</summary>
    private const char Open = '\u0002';
    private const char Close = '\u0003';

    internal static bool IsAvailable(IncidentHubDbContext db) =>
        string.Equals(db.Database.ProviderName, "Microsoft.EntityFrameworkCore.Sqlite", StringComparison.Ordinal);

    internal static async Task<(int Total, List<RankedIncident> Ranked, List<IncidentMatch> Matches)> SearchAsync(
        IncidentHubDbContext db,
        SearchText text,
        IQueryable<int> visibleIds,
        int skip,
        int take,
        int perIncident,
        CancellationToken cancellationToken)
    {
        var match = text.ToFts5();
        var hits = db.Database
            .SqlQuery<IndexHit>($"SELECT rowid AS RowId, IncidentId, Kind, SourceId, rank AS Score FROM SearchIndex WHERE SearchIndex MATCH {match}")
            .Where(h => visibleIds.Contains(h.IncidentId));
        var total = await hits.Select(h => h.IncidentId).Distinct().CountAsync(cancellationToken);
        if (total == 0)
        {
            return (0, [], []);
        }

        var ranked = (await hits
                .GroupBy(h => h.IncidentId)
                .Select(g => new { IncidentId = g.Key, Score = g.Min(h => h.Score), Matches = g.Count() })
                .OrderBy(g => g.Score).ThenByDescending(g => g.IncidentId)
                .Skip(skip).Take(take)
                .ToListAsync(cancellationToken))
            .Select(g => new RankedIncident(g.IncidentId, g.Score, g.Matches))
            .ToList();

        // The best few rows of each incident on the page, then snippets for those rows only.
        var ids = JsonSerializer.Serialize(ranked.Select(r => r.IncidentId));
        var best = await db.Database.SqlQuery<long>($"""
            SELECT RowId AS Value FROM (
                SELECT rowid AS RowId, ROW_NUMBER() OVER (PARTITION BY IncidentId ORDER BY rank, rowid DESC) AS Nth
                FROM SearchIndex
                WHERE SearchIndex MATCH {match} AND IncidentId IN (SELECT value FROM json_each({ids})))
            WHERE Nth <= {perIncident}
            """).ToListAsync(cancellationToken);
        var rowIds = JsonSerializer.Serialize(best);
        var snippets = await db.Database.SqlQuery<SnippetHit>($"""
            SELECT IncidentId, Kind, SourceId, rank AS Score,
                   snippet(SearchIndex, -1, char(2), char(3), '…', 16) AS Snippet
            FROM SearchIndex
            WHERE SearchIndex MATCH {match} AND rowid IN (SELECT value FROM json_each({rowIds}))
            """).ToListAsync(cancellationToken);
        var matches = snippets
            .OrderBy(s => s.Score)
            .Select(s => new IncidentMatch(s.IncidentId, new SearchMatch(KindOf(s.Kind), s.Kind == "entry" ? s.SourceId : null, Parts(s.Snippet))))
            .ToList();
        return (total, ranked, matches);
    }

    private static SearchMatchKind KindOf(string kind) => kind switch
    {
        "entry" => SearchMatchKind.Timeline,
        "action" => SearchMatchKind.Action,
        "notice" => SearchMatchKind.Notice,
        _ => SearchMatchKind.Details,
    };

    /// <summary>A snippet with FTS5's marks, as parts.</summary>
    internal static List<SnippetPart> Parts(string snippet)
    {
        var parts = new List<SnippetPart>();
        var position = 0;
        while (position < snippet.Length)
        {
            var open = snippet.IndexOf(Open, position);
            if (open < 0)
            {
                parts.Add(new SnippetPart(snippet[position..].Replace(Close.ToString(), "", StringComparison.Ordinal), false));
                break;
            }

            if (open > position)
            {
                parts.Add(new SnippetPart(snippet[position..open], false));
            }

            var close = snippet.IndexOf(Close, open + 1);
            var end = close < 0 ? snippet.Length : close;
            parts.Add(new SnippetPart(snippet[(open + 1)..end], true));
            position = end + 1;
        }

        return parts.Where(p => p.Text.Length > 0).ToList();
    }

    /// <summary>
    /// The SQL that creates the index, its triggers and its first contents (from the SQLite migration). Each source
    /// table's rows map to their own rowids (an entry's id × 4, an incident's × 4 + 1, an action's × 4 + 2, a published
    /// notice update's × 4 + 3) so that a trigger finds its row without scanning.
    /// </summary>
    public const string CreateSqlite = """
        CREATE VIRTUAL TABLE SearchIndex USING fts5(
            Title, Body, IncidentId UNINDEXED, Kind UNINDEXED, SourceId UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 2');
        -- The hidden rank column (usable in any query, unlike bm25() itself) weighs a title match ten times the body.
        INSERT INTO SearchIndex (SearchIndex, rank) VALUES ('rank', 'bm25(10.0, 1.0)');

        CREATE TRIGGER SearchIndex_Incidents_Insert AFTER INSERT ON Incidents BEGIN
            INSERT INTO SearchIndex (rowid, Title, Body, IncidentId, Kind, SourceId)
            VALUES (new.Id * 4 + 1, new.Name, new.Summary || char(10) || new.CustomerImpact, new.Id, 'incident', new.Id);
        END;
        CREATE TRIGGER SearchIndex_Incidents_Update AFTER UPDATE OF Name, Summary, CustomerImpact ON Incidents BEGIN
            DELETE FROM SearchIndex WHERE rowid = old.Id * 4 + 1;
            INSERT INTO SearchIndex (rowid, Title, Body, IncidentId, Kind, SourceId)
            VALUES (new.Id * 4 + 1, new.Name, new.Summary || char(10) || new.CustomerImpact, new.Id, 'incident', new.Id);
        END;
        CREATE TRIGGER SearchIndex_Incidents_Delete AFTER DELETE ON Incidents BEGIN
            DELETE FROM SearchIndex WHERE rowid = old.Id * 4 + 1;
        END;

        CREATE TRIGGER SearchIndex_TimelineEntries_Insert AFTER INSERT ON TimelineEntries WHEN new.Text <> '' BEGIN
            INSERT INTO SearchIndex (rowid, Title, Body, IncidentId, Kind, SourceId)
            VALUES (new.Id * 4, '', new.Text, new.IncidentId, 'entry', new.Id);
        END;
        CREATE TRIGGER SearchIndex_TimelineEntries_Update AFTER UPDATE OF Text ON TimelineEntries BEGIN
            DELETE FROM SearchIndex WHERE rowid = old.Id * 4;
            INSERT INTO SearchIndex (rowid, Title, Body, IncidentId, Kind, SourceId)
            SELECT new.Id * 4, '', new.Text, new.IncidentId, 'entry', new.Id WHERE new.Text <> '';
        END;
        CREATE TRIGGER SearchIndex_TimelineEntries_Delete AFTER DELETE ON TimelineEntries BEGIN
            DELETE FROM SearchIndex WHERE rowid = old.Id * 4;
        END;

        CREATE TRIGGER SearchIndex_IncidentActions_Insert AFTER INSERT ON IncidentActions BEGIN
            INSERT INTO SearchIndex (rowid, Title, Body, IncidentId, Kind, SourceId)
            VALUES (new.Id * 4 + 2, new.Title, '', new.IncidentId, 'action', new.Id);
        END;
        CREATE TRIGGER SearchIndex_IncidentActions_Update AFTER UPDATE OF Title ON IncidentActions BEGIN
            DELETE FROM SearchIndex WHERE rowid = old.Id * 4 + 2;
            INSERT INTO SearchIndex (rowid, Title, Body, IncidentId, Kind, SourceId)
            VALUES (new.Id * 4 + 2, new.Title, '', new.IncidentId, 'action', new.Id);
        END;
        CREATE TRIGGER SearchIndex_IncidentActions_Delete AFTER DELETE ON IncidentActions BEGIN
            DELETE FROM SearchIndex WHERE rowid = old.Id * 4 + 2;
        END;

        CREATE TRIGGER SearchIndex_PublicUpdates_Insert AFTER INSERT ON PublicUpdates BEGIN
            INSERT INTO SearchIndex (rowid, Title, Body, IncidentId, Kind, SourceId)
            SELECT new.Id * 4 + 3, new.Title, new.Message, n.IncidentId, 'notice', new.Id FROM PublicNotices n WHERE n.Id = new.NoticeId;
        END;
        CREATE TRIGGER SearchIndex_PublicUpdates_Delete AFTER DELETE ON PublicUpdates BEGIN
            DELETE FROM SearchIndex WHERE rowid = old.Id * 4 + 3;
        END;

        INSERT INTO SearchIndex (rowid, Title, Body, IncidentId, Kind, SourceId)
            SELECT Id * 4 + 1, Name, Summary || char(10) || CustomerImpact, Id, 'incident', Id FROM Incidents;
        INSERT INTO SearchIndex (rowid, Title, Body, IncidentId, Kind, SourceId)
            SELECT Id * 4, '', Text, IncidentId, 'entry', Id FROM TimelineEntries WHERE Text <> '';
        INSERT INTO SearchIndex (rowid, Title, Body, IncidentId, Kind, SourceId)
            SELECT Id * 4 + 2, Title, '', IncidentId, 'action', Id FROM IncidentActions;
        INSERT INTO SearchIndex (rowid, Title, Body, IncidentId, Kind, SourceId)
            SELECT u.Id * 4 + 3, u.Title, u.Message, n.IncidentId, 'notice', u.Id FROM PublicUpdates u JOIN PublicNotices n ON n.Id = u.NoticeId;
        """;

    public const string DropSqlite = """
        DROP TRIGGER IF EXISTS SearchIndex_Incidents_Insert;
        DROP TRIGGER IF EXISTS SearchIndex_Incidents_Update;
        DROP TRIGGER IF EXISTS SearchIndex_Incidents_Delete;
        DROP TRIGGER IF EXISTS SearchIndex_TimelineEntries_Insert;
        DROP TRIGGER IF EXISTS SearchIndex_TimelineEntries_Update;
        DROP TRIGGER IF EXISTS SearchIndex_TimelineEntries_Delete;
        DROP TRIGGER IF EXISTS SearchIndex_IncidentActions_Insert;
        DROP TRIGGER IF EXISTS SearchIndex_IncidentActions_Update;
        DROP TRIGGER IF EXISTS SearchIndex_IncidentActions_Delete;
        DROP TRIGGER IF EXISTS SearchIndex_PublicUpdates_Insert;
        DROP TRIGGER IF EXISTS SearchIndex_PublicUpdates_Delete;
        DROP TABLE IF EXISTS SearchIndex;
        """;

    /// <summary>A row of the index that matched (columns as the SQL names them).</summary>
    internal sealed class IndexHit
    {
        public long RowId { get; set; }

        public int IncidentId { get; set; }

        public string Kind { get; set; } = "";

        public long SourceId { get; set; }

        public double Score { get; set; }
    }

    internal sealed class SnippetHit
    {
        public int IncidentId { get; set; }

        public string Kind { get; set; } = "";

        public long SourceId { get; set; }

        public double Score { get; set; }

        public string Snippet { get; set; } = "";
    }
}
