using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InsightsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_TimelineEntries_Kind_IncidentId",
                table: "TimelineEntries",
                columns: new[] { "Kind", "IncidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Insights",
                table: "Incidents",
                columns: new[] { "DeclaredAt", "Visibility", "SeverityId", "Status", "ImpactStartedAt", "DetectedAt", "MitigatedAt", "ResolvedAt", "DeclinedAt", "LastUpdateAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TimelineEntries_Kind_IncidentId",
                table: "TimelineEntries");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_Insights",
                table: "Incidents");
        }
    }
}
