using IncidentHub.Core.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.Sqlite.Migrations
{
    /// <summary>
    /// Rebuilds the full-text index for speed at 20,000 incidents (docs/performance.md): each row's rowid now carries its
    /// incident, kind and source (so a hit needs no lookup and an incident's rows are one range), the three unindexed
    /// columns that held them are gone, and a small contentless <c>SimilarIndex</c> (one row per incident, no positions)
    /// serves similar incidents. Not part of the EF model: the snapshot does not change, and SQL Server (no FTS5 table:
    /// its search is the LIKE fallback) needs no migration for it.
    /// </summary>
    public partial class CompactSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchIndexSql.DropSqlite);
            migrationBuilder.Sql(SearchIndexSql.CreateSqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The earlier shape is not kept: the index is rebuilt from the tables in the current shape.
            migrationBuilder.Sql(SearchIndexSql.DropSqlite);
            migrationBuilder.Sql(SearchIndexSql.CreateSqlite);
        }
    }
}
