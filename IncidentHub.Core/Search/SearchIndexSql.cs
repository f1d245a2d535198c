using System.Text.Json;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Search;

/// <summary>
/// SQLite's FTS5 index (<c>SearchIndex</c>, created by the SQLite migration <c>SearchIndex</c>, rebuilt by
/// <c>CompactSearchIndex</c>, with the triggers that keep it current in the same transaction as the text): one row per
/// incident (name; summary and customer impact), timeline entry, action and published notice (whose they are is in the
/// rowid, see <see cref="RowidSpan"/>), and <c>SimilarIndex</c>, one word list per incident for similar incidents;
/// words split and folded by <c>unicode61 remove_diacritics 2</c> (case and accents ignored). Ranked by BM25 (the table's configured <c>rank</c>) with the
/// title column (an incident's name, an action's or a notice's title) weighing ten times the body, so a name match
/// comes above a passing mention.
/// </summary>
public static class SearchIndexSql
{
    /// <summary>Marks around matched words in FTS5 snippets: control characters that stored text never holds.</summary>
    private const char Open = '\u0002';
    private const char Close = '\u0003';

    /// <summary>
    /// Each row's rowid says whose it is: its incident's id × 2^33, plus its source row's id × 4, plus its kind (0 a
    /// timeline entry, 1 the incident's own text, 2 an action, 3 a published notice update). So an incident's rows are
    /// one range, and a hit's incident and kind need no lookup. Holds incident ids below 2^30 and source ids below 2^31.
    /// </summary>
    private const long RowidSpan = 1L << 33;

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
        // Every incident with a hit (from the rowids alone: a common word hits hundreds of thousands of timeline
        // entries, and reading a hit's columns or scoring it costs a lookup each), with the best BM25 score among its
        // own text, actions and notices (few rows). Visibility is applied to the incidents, then counted and ordered here.
        var hits = await db.Database
            .SqlQuery<IncidentHit>($"""
                SELECT d.IncidentId, o.Score
                FROM (SELECT DISTINCT rowid >> 33 AS IncidentId FROM SearchIndex WHERE SearchIndex MATCH {match}) AS d
                LEFT JOIN (SELECT rowid >> 33 AS IncidentId, MIN(rank) AS Score
                           FROM SearchIndex WHERE SearchIndex MATCH {match} AND (rowid & 3) <> 0 GROUP BY rowid >> 33) AS o
                    ON o.IncidentId = d.IncidentId
                """)
            .Where(h => visibleIds.Contains(h.IncidentId))
            .ToListAsync(cancellationToken);
        if (hits.Count == 0)
        {
            return (0, [], []);
        }

        // Incidents whose name, summary, impact, actions or notices match come first, best score first; then those
        // that match only in their timeline, newest first.
        var page = hits
            .OrderBy(h => h.Score is null).ThenBy(h => h.Score).ThenByDescending(h => h.IncidentId)
            .Skip(skip).Take(take)
            .ToList();

        // The hits of the page's incidents only, scored; each incident's best few get a snippet.
        var ids = JsonSerializer.Serialize(page.Select(r => r.IncidentId));
        var rows = await db.Database.SqlQuery<RowScore>($"""
            SELECT rowid AS RowId, rank AS Score FROM SearchIndex
            WHERE SearchIndex MATCH {match} AND (rowid >> 33) IN (SELECT value FROM json_each({ids}))
            """).ToListAsync(cancellationToken);
        var perPage = rows.GroupBy(r => Decode(r.RowId).IncidentId).ToDictionary(g => g.Key, g => g.ToList());
        var ranked = page
            .Select(h => new RankedIncident(h.IncidentId, h.Score ?? double.MaxValue, perPage.GetValueOrDefault(h.IncidentId)?.Count ?? 0))
            .ToList();
        var best = perPage.Values
            .SelectMany(g => g.OrderBy(r => r.Score).ThenByDescending(r => r.RowId).Take(perIncident))
            .ToDictionary(r => r.RowId, r => r.Score);
        var rowIds = JsonSerializer.Serialize(best.Keys);
        // "rowid + 0", not "rowid": a plain rowid IN (…) is handed to FTS5 as a lookup per value, and each lookup runs
        // the whole MATCH again (a prefix query merges its terms' doclists every time): 60 passes instead of one.
        var snippets = await db.Database.SqlQuery<SnippetHit>($"""
            SELECT rowid AS RowId, snippet(SearchIndex, -1, char(2), char(3), '…', 16) AS Snippet
            FROM SearchIndex
            WHERE SearchIndex MATCH {match} AND (rowid + 0) IN (SELECT value FROM json_each({rowIds}))
            """).ToListAsync(cancellationToken);
        var matches = snippets
            .OrderBy(s => best[s.RowId]).ThenByDescending(s => s.RowId)
            .Select(s =>
            {
                var (incidentId, kind, sourceId) = Decode(s.RowId);
                return new IncidentMatch(incidentId, new SearchMatch(kind, kind == SearchMatchKind.Timeline ? sourceId : null, Parts(s.Snippet)));
            })
            .ToList();
        return (hits.Count, ranked, matches);
    }

    internal static (int IncidentId, SearchMatchKind Kind, long SourceId) Decode(long rowId) =>
        ((int)(rowId >> 33), (rowId & 3) switch
        {
            0 => SearchMatchKind.Timeline,
            2 => SearchMatchKind.Action,
            3 => SearchMatchKind.Notice,
            _ => SearchMatchKind.Details,
        }, (rowId & (RowidSpan - 1)) >> 2);

    /// <summary>
    /// How many incidents use each word (as a prefix: "timeout" also counts "timeouts"), from <c>SimilarIndex</c> (one
    /// row per incident), in one statement; and how many incidents there are.
    /// </summary>
    internal static async Task<(int Incidents, Dictionary<string, int> Counts)> IncidentsUsingAsync(
        IncidentHubDbContext db, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var terms = JsonSerializer.Serialize(words.Select(w => "\"" + w + "\"*"));
        var rows = await db.Database.SqlQuery<WordCount>($"""
            SELECT CAST(w.key AS INTEGER) AS Nth,
                   (SELECT COUNT(*) FROM SimilarIndex WHERE SimilarIndex MATCH w.value) AS Incidents
            FROM json_each({terms}) AS w
            UNION ALL
            SELECT -1, COUNT(*) FROM Incidents
            """).ToListAsync(cancellationToken);
        var counts = rows.Where(r => r.Nth >= 0).ToDictionary(r => words[r.Nth], r => r.Incidents, StringComparer.Ordinal);
        return (rows.Single(r => r.Nth < 0).Incidents, counts);
    }

    /// <summary>
    /// Incidents that use any of <paramref name="words"/>, each scored by the sum of the weights of the words it uses.
    /// Only <c>SimilarIndex</c>'s rows of those words are read (pick rare words to read few).
    /// </summary>
    internal static IQueryable<SimilarCandidate> IncidentsSharing(IncidentHubDbContext db, IReadOnlyList<(string Word, double Weight)> words)
    {
        var terms = JsonSerializer.Serialize(words.Select(w => new { q = "\"" + w.Word + "\"*", w = w.Weight }));
        return db.Database.SqlQuery<SimilarCandidate>($"""
            SELECT SimilarIndex.rowid AS IncidentId, SUM(json_extract(w.value, '$.w')) AS Score
            FROM json_each({terms}) AS w
            JOIN SimilarIndex ON SimilarIndex MATCH json_extract(w.value, '$.q')
            GROUP BY SimilarIndex.rowid
            """);
    }

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
            Title, Body,
            tokenize = 'unicode61 remove_diacritics 2');
        -- The hidden rank column (usable in any query, unlike bm25() itself) weighs a title match ten times the body.
        INSERT INTO SearchIndex (SearchIndex, rank) VALUES ('rank', 'bm25(10.0, 1.0)');

        -- Similar incidents' words: one row per incident (rowid = its id), no copy of the text (contentless) and no
        -- positions (detail=none): which incidents use a word is all that similarity asks of it.
        CREATE VIRTUAL TABLE SimilarIndex USING fts5(
            Words, content = '', contentless_delete = 1, detail = none,
            tokenize = 'unicode61 remove_diacritics 2');

        CREATE TRIGGER SearchIndex_Incidents_Insert AFTER INSERT ON Incidents BEGIN
            INSERT INTO SearchIndex (rowid, Title, Body)
            VALUES (new.Id * 8589934592 + new.Id * 4 + 1, new.Name, new.Summary || char(10) || new.CustomerImpact);
            INSERT INTO SimilarIndex (rowid, Words) VALUES (new.Id, new.Name || char(10) || new.Summary || char(10) || new.CustomerImpact);
        END;
        CREATE TRIGGER SearchIndex_Incidents_Update AFTER UPDATE OF Name, Summary, CustomerImpact ON Incidents BEGIN
            DELETE FROM SearchIndex WHERE rowid = old.Id * 8589934592 + old.Id * 4 + 1;
            INSERT INTO SearchIndex (rowid, Title, Body)
            VALUES (new.Id * 8589934592 + new.Id * 4 + 1, new.Name, new.Summary || char(10) || new.CustomerImpact);
            DELETE FROM SimilarIndex WHERE rowid = old.Id;
            INSERT INTO SimilarIndex (rowid, Words) VALUES (new.Id, new.Name || char(10) || new.Summary || char(10) || new.CustomerImpact);
        END;
        CREATE TRIGGER SearchIndex_Incidents_Delete AFTER DELETE ON Incidents BEGIN
            DELETE FROM SearchIndex WHERE rowid = old.Id * 8589934592 + old.Id * 4 + 1;
            DELETE FROM SimilarIndex WHERE rowid = old.Id;
        END;

        CREATE TRIGGER SearchIndex_TimelineEntries_Insert AFTER INSERT ON TimelineEntries WHEN new.Text <> '' BEGIN
            INSERT INTO SearchIndex (rowid, Title, Body) VALUES (new.IncidentId * 8589934592 + new.Id * 4, '', new.Text);
        END;
        CREATE TRIGGER SearchIndex_TimelineEntries_Update AFTER UPDATE OF Text ON TimelineEntries BEGIN
            DELETE FROM SearchIndex WHERE rowid = old.IncidentId * 8589934592 + old.Id * 4;
            INSERT INTO SearchIndex (rowid, Title, Body)
            SELECT new.IncidentId * 8589934592 + new.Id * 4, '', new.Text WHERE new.Text <> '';
        END;
        CREATE TRIGGER SearchIndex_TimelineEntries_Delete AFTER DELETE ON TimelineEntries BEGIN
            DELETE FROM SearchIndex WHERE rowid = old.IncidentId * 8589934592 + old.Id * 4;
        END;

        CREATE TRIGGER SearchIndex_IncidentActions_Insert AFTER INSERT ON IncidentActions BEGIN
            INSERT INTO SearchIndex (rowid, Title, Body) VALUES (new.IncidentId * 8589934592 + new.Id * 4 + 2, new.Title, '');
        END;
        CREATE TRIGGER SearchIndex_IncidentActions_Update AFTER UPDATE OF Title ON IncidentActions BEGIN
            DELETE FROM SearchIndex WHERE rowid = old.IncidentId * 8589934592 + old.Id * 4 + 2;
            INSERT INTO SearchIndex (rowid, Title, Body) VALUES (new.IncidentId * 8589934592 + new.Id * 4 + 2, new.Title, '');
        END;
        CREATE TRIGGER SearchIndex_IncidentActions_Delete AFTER DELETE ON IncidentActions BEGIN
            DELETE FROM SearchIndex WHERE rowid = old.IncidentId * 8589934592 + old.Id * 4 + 2;
        END;

        -- A notice update's incident is its notice's; if the notice went first, its row is found by its low bits.
        CREATE TRIGGER SearchIndex_PublicUpdates_Insert AFTER INSERT ON PublicUpdates BEGIN
            INSERT INTO SearchIndex (rowid, Title, Body)
            SELECT n.IncidentId * 8589934592 + new.Id * 4 + 3, new.Title, new.Message FROM PublicNotices n WHERE n.Id = new.NoticeId;
        END;
        CREATE TRIGGER SearchIndex_PublicUpdates_Delete AFTER DELETE ON PublicUpdates BEGIN
            DELETE FROM SearchIndex WHERE rowid = COALESCE(
                (SELECT n.IncidentId * 8589934592 + old.Id * 4 + 3 FROM PublicNotices n WHERE n.Id = old.NoticeId),
                (SELECT rowid FROM SearchIndex WHERE (rowid % 8589934592) = old.Id * 4 + 3));
        END;

        INSERT INTO SearchIndex (rowid, Title, Body)
            SELECT Id * 8589934592 + Id * 4 + 1, Name, Summary || char(10) || CustomerImpact FROM Incidents;
        INSERT INTO SearchIndex (rowid, Title, Body)
            SELECT IncidentId * 8589934592 + Id * 4, '', Text FROM TimelineEntries WHERE Text <> '';
        INSERT INTO SearchIndex (rowid, Title, Body)
            SELECT IncidentId * 8589934592 + Id * 4 + 2, Title, '' FROM IncidentActions;
        INSERT INTO SearchIndex (rowid, Title, Body)
            SELECT n.IncidentId * 8589934592 + u.Id * 4 + 3, u.Title, u.Message FROM PublicUpdates u JOIN PublicNotices n ON n.Id = u.NoticeId;
        INSERT INTO SimilarIndex (rowid, Words)
            SELECT Id, Name || char(10) || Summary || char(10) || CustomerImpact FROM Incidents;
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
        DROP TABLE IF EXISTS SimilarIndex;
        """;

    /// <summary>An incident's hits (columns as the SQL names them).</summary>
    internal sealed class IncidentHit
    {
        public int IncidentId { get; set; }

        public double? Score { get; set; }
    }

    internal sealed class WordCount
    {
        public int Nth { get; set; }

        public int Incidents { get; set; }
    }

    internal sealed class SimilarCandidate
    {
        public int IncidentId { get; set; }

        public double Score { get; set; }
    }

    internal sealed class RowScore
    {
        public long RowId { get; set; }

        public double Score { get; set; }
    }

    internal sealed class SnippetHit
    {
        public long RowId { get; set; }

        public string Snippet { get; set; } = "";
    }
}
