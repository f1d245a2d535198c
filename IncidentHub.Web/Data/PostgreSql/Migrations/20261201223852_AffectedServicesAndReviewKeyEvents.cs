using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IncidentHub.Web.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AffectedServicesAndReviewKeyEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsPublic",
                table: "StatusComponents",
                type: "boolean",
                nullable: false,
                defaultValue: true); // services that existed before were on the status page: they stay public

            migrationBuilder.AddColumn<string>(
                name: "Link",
                table: "StatusComponents",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OwnerTeam",
                table: "StatusComponents",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "IncidentServices",
                columns: table => new
                {
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentServices", x => new { x.IncidentId, x.ServiceId });
                    table.ForeignKey(
                        name: "FK_IncidentServices_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentServices_StatusComponents_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "StatusComponents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewKeyEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewDocumentId = table.Column<int>(type: "integer", nullable: false),
                    TimelineEntryId = table.Column<long>(type: "bigint", nullable: false),
                    IsStarred = table.Column<bool>(type: "boolean", nullable: false),
                    Wording = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    EditedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    EditedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewKeyEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewKeyEvents_ReviewDocuments_ReviewDocumentId",
                        column: x => x.ReviewDocumentId,
                        principalTable: "ReviewDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentServices_ServiceId_IncidentId",
                table: "IncidentServices",
                columns: new[] { "ServiceId", "IncidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewKeyEvents_ReviewDocumentId_TimelineEntryId",
                table: "ReviewKeyEvents",
                columns: new[] { "ReviewDocumentId", "TimelineEntryId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentServices");

            migrationBuilder.DropTable(
                name: "ReviewKeyEvents");

            migrationBuilder.DropColumn(
                name: "IsPublic",
                table: "StatusComponents");

            migrationBuilder.DropColumn(
                name: "Link",
                table: "StatusComponents");

            migrationBuilder.DropColumn(
                name: "OwnerTeam",
                table: "StatusComponents");
        }
    }
}
