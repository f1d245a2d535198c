using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FirstRunInstallation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Installation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstAdminId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SetUpAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Installation", x => x.Id);
                });

            // An installation that already has accounts is set up.
            migrationBuilder.Sql("""
                INSERT INTO "Installation" ("Id", "FirstAdminId", "SetUpAt")
                SELECT 1, "Id", strftime('%Y-%m-%d %H:%M:%S', 'now') FROM "AspNetUsers"
                ORDER BY CASE WHEN "Role" = 'Admin' THEN 0 ELSE 1 END, "Id" LIMIT 1;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Installation");
        }
    }
}
