using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class WrittenReviewsAndFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DueAt",
                table: "IncidentActions",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "IncidentActions",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                // Every action before follow-ups existed was an action during the incident.
                defaultValue: "DuringIncident");

            migrationBuilder.AddColumn<string>(
                name: "NotDoingReason",
                table: "IncidentActions",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Priority",
                table: "IncidentActions",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Medium");

            migrationBuilder.AddColumn<string>(
                name: "TrackerUrl",
                table: "IncidentActions",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReviewDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IncidentId = table.Column<int>(type: "int", nullable: false),
                    OwnerId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublishedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Guidance = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Prefill = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    IsArchived = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewTemplateSections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewReviewers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReviewDocumentId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Verdict = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "datetime2", nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReviewDocumentId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Guidance = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Prefill = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    EditedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    EditedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    EditedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
        }
    }
}
