using System;
using IncidentHub.Core.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.Sqlite.Migrations
{
    /// <summary>
    /// Written reviews (template sections, the document, its sections and reviewers) and follow-ups (new columns on
    /// IncidentActions: adding columns keeps the table, so the search index's triggers stay). Going down, SQLite
    /// rebuilds IncidentActions to drop the columns, which drops its search triggers: the index is re-created after.
    /// </summary>
    public partial class WrittenReviewsAndFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DueAt",
                table: "IncidentActions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "IncidentActions",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                // Every action before follow-ups existed was an action during the incident.
                defaultValue: "DuringIncident");

            migrationBuilder.AddColumn<string>(
                name: "NotDoingReason",
                table: "IncidentActions",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Priority",
                table: "IncidentActions",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Medium");

            migrationBuilder.AddColumn<string>(
                name: "TrackerUrl",
                table: "IncidentActions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReviewDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewDocuments_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewTemplateSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Guidance = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Prefill = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewTemplateSections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewReviewers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewDocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewReviewers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewReviewers_ReviewDocuments_ReviewDocumentId",
                        column: x => x.ReviewDocumentId,
                        principalTable: "ReviewDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewDocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Guidance = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Prefill = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    EditedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    EditedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewSections_ReviewDocuments_ReviewDocumentId",
                        column: x => x.ReviewDocumentId,
                        principalTable: "ReviewDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentActions_Kind_Status_DueAt",
                table: "IncidentActions",
                columns: new[] { "Kind", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentActions_OwnerId_Kind_Status",
                table: "IncidentActions",
                columns: new[] { "OwnerId", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDocuments_IncidentId",
                table: "ReviewDocuments",
                column: "IncidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDocuments_State_PublishedAt",
                table: "ReviewDocuments",
                columns: new[] { "State", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewReviewers_ReviewDocumentId_UserId",
                table: "ReviewReviewers",
                columns: new[] { "ReviewDocumentId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSections_ReviewDocumentId",
                table: "ReviewSections",
                column: "ReviewDocumentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewReviewers");

            migrationBuilder.DropTable(
                name: "ReviewSections");

            migrationBuilder.DropTable(
                name: "ReviewTemplateSections");

            migrationBuilder.DropTable(
                name: "ReviewDocuments");

            migrationBuilder.DropIndex(
                name: "IX_IncidentActions_Kind_Status_DueAt",
                table: "IncidentActions");

            migrationBuilder.DropIndex(
                name: "IX_IncidentActions_OwnerId_Kind_Status",
                table: "IncidentActions");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "IncidentActions");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "IncidentActions");

            migrationBuilder.DropColumn(
                name: "NotDoingReason",
                table: "IncidentActions");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "IncidentActions");

            migrationBuilder.DropColumn(
                name: "TrackerUrl",
                table: "IncidentActions");

            // The rebuild above dropped IncidentActions' triggers: build the index again, whole.
            migrationBuilder.Sql(SearchIndexSql.DropSqlite);
            migrationBuilder.Sql(SearchIndexSql.CreateSqlite);
        }
    }
}
