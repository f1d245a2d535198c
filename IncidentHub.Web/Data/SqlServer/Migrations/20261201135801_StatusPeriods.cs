using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class StatusPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatusPeriods",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IncidentId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatusPeriods_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatusPeriods_IncidentId_EndedAt",
                table: "StatusPeriods",
                columns: new[] { "IncidentId", "EndedAt" });

            // Existing incidents get their history from what they recorded: the declaration (Triage), each status
            // change on the timeline ("Investigating → Fixing") and the status each update left it in.
            migrationBuilder.Sql("""
                WITH points AS (
                    SELECT Id AS IncidentId, CAST(N'Triage' AS nvarchar(20)) AS Status, DeclaredAt AS At, CAST(0 AS bigint) AS Seq FROM Incidents
                    UNION ALL
                    SELECT IncidentId, CAST(LTRIM(RTRIM(SUBSTRING(Detail, CHARINDEX(N'→', Detail) + 1, 1000))) AS nvarchar(20)), OccurredAt, Id FROM TimelineEntries
                        WHERE Kind = N'StatusChanged' AND CHARINDEX(N'→', Detail) > 0
                    UNION ALL
                    SELECT IncidentId, Status, PostedAt, Id FROM IncidentUpdates
                ),
                ordered AS (
                    SELECT IncidentId, Status, At, Seq, LAG(Status) OVER (PARTITION BY IncidentId ORDER BY At, Seq) AS Previous FROM points
                ),
                changes AS (
                    SELECT IncidentId, Status, At, Seq FROM ordered WHERE Previous IS NULL OR Previous <> Status
                )
                INSERT INTO StatusPeriods (IncidentId, Status, StartedAt, EndedAt)
                SELECT IncidentId, Status, At, LEAD(At) OVER (PARTITION BY IncidentId ORDER BY At, Seq) FROM changes;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatusPeriods");
        }
    }
}
