using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewKeyEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewKeyEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewDocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    TimelineEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    IsStarred = table.Column<bool>(type: "INTEGER", nullable: false),
                    Wording = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    EditedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    EditedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                name: "IX_ReviewKeyEvents_ReviewDocumentId_TimelineEntryId",
                table: "ReviewKeyEvents",
                columns: new[] { "ReviewDocumentId", "TimelineEntryId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewKeyEvents");
        }
    }
}
