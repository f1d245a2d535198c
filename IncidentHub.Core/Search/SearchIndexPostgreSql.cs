using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Search;

/// <summary>
/// PostgreSQL's own full-text search: a <c>"SearchIndex"</c> table (created by the PostgreSQL migration <c>Initial</c>)
/// with one row per incident (name; summary and customer impact), timeline entry, action and published notice, each
/// with a <c>tsvector</c> under a GIN index. Triggers keep it current in the same transaction as the text, as SQLite's
/// FTS5 triggers do. Words are split at anything that is not a letter or digit (as FTS5's <c>unicode61</c> does, so
/// "db-01.prod" holds "db", "01" and "prod") and folded by the text search configuration <c>incidenthub</c>:
/// <c>unaccent</c> (from PostgreSQL's contrib, shipped in Debian's postgresql package) then <c>simple</c> (lower case,
/// no stemming, no stop words). Each word is also a prefix (<c>timeo:*</c>), a phrase is its words next to each other
/// (<c>&lt;-&gt;</c>). Ranked by <c>ts_rank</c> with the title (weight A) counting ten times the body (weight D).
/// Scores are negated ranks, so lower is better as with FTS5.
/// </summary>
public static class SearchIndexPostgreSql
{
    private const string Open = "\u0002";
    private const string Close = "\u0003";

    internal static bool IsAvailable(IncidentHubDbContext db) =>
        string.Equals(db.Database.ProviderName, "Npgsql.EntityFrameworkCore.PostgreSQL", StringComparison.Ordinal);

    /// <summary>
    /// The query as <c>to_tsquery</c> input: <c>'timeo':* &amp; 'connection' &lt;-&gt; 'pool'</c>. Words hold letters
    /// and digits only (<see cref="SearchText"/> splits at anything else), so nothing typed is read as an operator.
    /// </summary>
    public static string ToTsQuery(SearchText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(" & ", text.Terms.Select(t => t.IsPhrase || t.Words[0].Length < SearchText.MinPrefixLength
            ? string.Join(" <-> ", t.Words.Select(w => "'" + w + "'"))
            : "'" + t.Words[0] + "':*"));
    }

    internal static async Task<(int Total, List<RankedIncident> Ranked, List<IncidentMatch> Matches)> SearchAsync(
        IncidentHubDbContext db,
        SearchText text,
        IQueryable<int> visibleIds,
        int skip,
        int take,
        int perIncident,
        CancellationToken cancellationToken)
    {
        var query = ToTsQuery(text);
        var hits = db.Database
            .SqlQuery<Hit>($$"""
                SELECT "RowId", "IncidentId", "Kind", "SourceId", -ts_rank('{0.1, 0.1, 0.1, 1.0}', "Document", to_tsquery('incidenthub', {{query}}))::float8 AS "Score"
                FROM "SearchIndex" WHERE "Document" @@ to_tsquery('incidenthub', {{query}})
                """)
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

        // The best few rows of each incident on the page, with ts_headline's snippets for those rows only.
        var ids = ranked.Select(r => r.IncidentId).ToArray();
        var options = $"StartSel=\"{Open}\", StopSel=\"{Close}\", MaxWords=24, MinWords=8, MaxFragments=1, HighlightAll=false";
        var snippets = await db.Database.SqlQuery<SnippetHit>($$"""
            SELECT "IncidentId", "Kind", "SourceId", "Score",
                   ts_headline('incidenthub', "Text", to_tsquery('incidenthub', {{query}}), {{options}}) AS "Snippet"
            FROM (
                SELECT "IncidentId", "Kind", "SourceId",
                       -ts_rank('{0.1, 0.1, 0.1, 1.0}', "Document", to_tsquery('incidenthub', {{query}}))::float8 AS "Score",
                       CASE WHEN "Body" = '' THEN "Title" WHEN "Title" = '' THEN "Body" ELSE "Title" || ' — ' || "Body" END AS "Text",
                       ROW_NUMBER() OVER (PARTITION BY "IncidentId"
                           ORDER BY ts_rank('{0.1, 0.1, 0.1, 1.0}', "Document", to_tsquery('incidenthub', {{query}})) DESC, "RowId" DESC) AS "Nth"
                FROM "SearchIndex"
                WHERE "Document" @@ to_tsquery('incidenthub', {{query}}) AND "IncidentId" = ANY({{ids}})) AS best
            WHERE "Nth" <= {{perIncident}}
            """).ToListAsync(cancellationToken);
        var matches = snippets
            .OrderBy(s => s.Score)
            .Select(s => new IncidentMatch(s.IncidentId, new SearchMatch(KindOf(s.Kind), s.Kind == "entry" ? s.SourceId : null, SearchIndexSql.Parts(s.Snippet))))
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

    /// <summary>
    /// The SQL that creates the index, its text search configuration, its triggers and its first contents (from the
    /// PostgreSQL migration). Each source row has its own row id (an entry's id × 4, an incident's × 4 + 1, an
    /// action's × 4 + 2, a published notice update's × 4 + 3), so a trigger finds its row by key.
    /// </summary>
    public const string Create = """
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE TEXT SEARCH CONFIGURATION incidenthub (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION incidenthub
            ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
            WITH unaccent, simple;

        CREATE FUNCTION incidenthub_search_document(title text, body text) RETURNS tsvector LANGUAGE sql STABLE AS $$
            SELECT setweight(to_tsvector('incidenthub', regexp_replace(coalesce(title, ''), '[^[:alnum:]]+', ' ', 'g')), 'A')
                || setweight(to_tsvector('incidenthub', regexp_replace(coalesce(body, ''), '[^[:alnum:]]+', ' ', 'g')), 'D')
        $$;

        CREATE TABLE "SearchIndex" (
            "RowId" bigint NOT NULL PRIMARY KEY,
            "IncidentId" integer NOT NULL,
            "Kind" text NOT NULL,
            "SourceId" bigint NOT NULL,
            "Title" text NOT NULL,
            "Body" text NOT NULL,
            "Document" tsvector NOT NULL);
        CREATE INDEX "IX_SearchIndex_Document" ON "SearchIndex" USING gin ("Document");
        CREATE INDEX "IX_SearchIndex_IncidentId" ON "SearchIndex" ("IncidentId");

        CREATE FUNCTION incidenthub_search_put(row_id bigint, incident_id integer, kind text, source_id bigint, title text, body text)
        RETURNS void LANGUAGE sql AS $$
            INSERT INTO "SearchIndex" ("RowId", "IncidentId", "Kind", "SourceId", "Title", "Body", "Document")
            VALUES (row_id, incident_id, kind, source_id, coalesce(title, ''), coalesce(body, ''), incidenthub_search_document(title, body))
            ON CONFLICT ("RowId") DO UPDATE SET "IncidentId" = EXCLUDED."IncidentId", "Title" = EXCLUDED."Title",
                "Body" = EXCLUDED."Body", "Document" = EXCLUDED."Document"
        $$;

        CREATE FUNCTION "SearchIndex_Incidents"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                DELETE FROM "SearchIndex" WHERE "RowId" = OLD."Id"::bigint * 4 + 1;
            ELSE
                PERFORM incidenthub_search_put(NEW."Id"::bigint * 4 + 1, NEW."Id", 'incident', NEW."Id", NEW."Name", NEW."Summary" || chr(10) || NEW."CustomerImpact");
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "SearchIndex_Incidents" AFTER INSERT OR DELETE OR UPDATE OF "Name", "Summary", "CustomerImpact" ON "Incidents"
            FOR EACH ROW EXECUTE FUNCTION "SearchIndex_Incidents"();

        CREATE FUNCTION "SearchIndex_TimelineEntries"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                DELETE FROM "SearchIndex" WHERE "RowId" = OLD."Id"::bigint * 4;
            END IF;
            IF TG_OP <> 'DELETE' AND NEW."Text" <> '' THEN
                PERFORM incidenthub_search_put(NEW."Id"::bigint * 4, NEW."IncidentId", 'entry', NEW."Id", '', NEW."Text");
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "SearchIndex_TimelineEntries" AFTER INSERT OR DELETE OR UPDATE OF "Text" ON "TimelineEntries"
            FOR EACH ROW EXECUTE FUNCTION "SearchIndex_TimelineEntries"();

        CREATE FUNCTION "SearchIndex_IncidentActions"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                DELETE FROM "SearchIndex" WHERE "RowId" = OLD."Id"::bigint * 4 + 2;
            ELSE
                PERFORM incidenthub_search_put(NEW."Id"::bigint * 4 + 2, NEW."IncidentId", 'action', NEW."Id", NEW."Title", '');
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "SearchIndex_IncidentActions" AFTER INSERT OR DELETE OR UPDATE OF "Title" ON "IncidentActions"
            FOR EACH ROW EXECUTE FUNCTION "SearchIndex_IncidentActions"();

        CREATE FUNCTION "SearchIndex_PublicUpdates"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                DELETE FROM "SearchIndex" WHERE "RowId" = OLD."Id"::bigint * 4 + 3;
            ELSE
                PERFORM incidenthub_search_put(NEW."Id"::bigint * 4 + 3, n."IncidentId", 'notice', NEW."Id", NEW."Title", NEW."Message")
                FROM "PublicNotices" n WHERE n."Id" = NEW."NoticeId";
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "SearchIndex_PublicUpdates" AFTER INSERT OR DELETE ON "PublicUpdates"
            FOR EACH ROW EXECUTE FUNCTION "SearchIndex_PublicUpdates"();
        """;

    /// <summary>A row of the index that matched (columns as the SQL names them).</summary>
    internal sealed class Hit
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

    public const string Drop = """
        DROP TABLE IF EXISTS "SearchIndex";
        DROP TRIGGER IF EXISTS "SearchIndex_Incidents" ON "Incidents";
        DROP TRIGGER IF EXISTS "SearchIndex_TimelineEntries" ON "TimelineEntries";
        DROP TRIGGER IF EXISTS "SearchIndex_IncidentActions" ON "IncidentActions";
        DROP TRIGGER IF EXISTS "SearchIndex_PublicUpdates" ON "PublicUpdates";
        DROP FUNCTION IF EXISTS "SearchIndex_Incidents"();
        DROP FUNCTION IF EXISTS "SearchIndex_TimelineEntries"();
        DROP FUNCTION IF EXISTS "SearchIndex_IncidentActions"();
        DROP FUNCTION IF EXISTS "SearchIndex_PublicUpdates"();
        DROP FUNCTION IF EXISTS incidenthub_search_put(bigint, integer, text, bigint, text, text);
        DROP FUNCTION IF EXISTS incidenthub_search_document(text, text);
        DROP TEXT SEARCH CONFIGURATION IF EXISTS incidenthub;
        """;
}
