using IncidentHub.Core.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.Sqlite.Migrations
{
    /// <summary>
    /// The full-text index (FTS5) over incidents, timeline entries, actions and published notices, its triggers, and
    /// its first contents. Not part of the EF model (a virtual table): the snapshot does not change. A later migration
    /// that makes EF rebuild one of those tables (SQLite's ALTER COLUMN does) drops its triggers: re-run
    /// <see cref="SearchIndexSql.CreateSqlite"/>'s triggers there (SearchQueriesTests_Sqlite catches it).
    /// </summary>
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchIndexSql.CreateSqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchIndexSql.DropSqlite);
        }
    }
}
