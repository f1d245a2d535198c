using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.SqlServer.Migrations
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
                    Id = table.Column<int>(type: "int", nullable: false),
                    FirstAdminId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    SetUpAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Installation", x => x.Id);
                });

            // An installation that already has accounts is set up.
            migrationBuilder.Sql("""
                INSERT INTO [Installation] ([Id], [FirstAdminId], [SetUpAt])
                SELECT TOP 1 1, [Id], SYSUTCDATETIME() FROM [AspNetUsers]
                ORDER BY CASE WHEN [Role] = N'Admin' THEN 0 ELSE 1 END, [Id];
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
