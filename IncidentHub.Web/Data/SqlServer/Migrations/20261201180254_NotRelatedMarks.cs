using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class NotRelatedMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NotRelatedMarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    LowerIncidentId = table.Column<int>(type: "int", nullable: false),
                    HigherIncidentId = table.Column<int>(type: "int", nullable: false),
                    MarkedOnIncidentId = table.Column<int>(type: "int", nullable: false),
                    MarkedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    MarkedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotRelatedMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotRelatedMarks_Incidents_HigherIncidentId",
                        column: x => x.HigherIncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NotRelatedMarks_Incidents_LowerIncidentId",
                        column: x => x.LowerIncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NotRelatedMarks_Incidents_MarkedOnIncidentId",
                        column: x => x.MarkedOnIncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NotRelatedMarks_HigherIncidentId",
                table: "NotRelatedMarks",
                column: "HigherIncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_NotRelatedMarks_LowerIncidentId_HigherIncidentId",
                table: "NotRelatedMarks",
                columns: new[] { "LowerIncidentId", "HigherIncidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotRelatedMarks_MarkedOnIncidentId",
                table: "NotRelatedMarks",
                column: "MarkedOnIncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotRelatedMarks");
        }
    }
}
