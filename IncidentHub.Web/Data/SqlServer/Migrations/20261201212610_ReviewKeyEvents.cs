using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.SqlServer.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReviewDocumentId = table.Column<int>(type: "int", nullable: false),
                    TimelineEntryId = table.Column<long>(type: "bigint", nullable: false),
                    IsStarred = table.Column<bool>(type: "bit", nullable: false),
                    Wording = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    EditedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    EditedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    EditedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
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
