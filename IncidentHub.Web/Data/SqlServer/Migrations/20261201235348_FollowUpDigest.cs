using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpDigest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "IncidentId",
                table: "Notifications",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.CreateTable(
                name: "FollowUpDigestSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    IsEnabled = table.Column<bool>(type: "bit", nullable: false),
                    Day = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Hour = table.Column<int>(type: "int", nullable: false),
                    TimeZoneId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SavedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    LastSentWeek = table.Column<int>(type: "int", nullable: true),
                    LastSentAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpDigestSettings", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "FollowUpDigestSettings",
                columns: new[] { "Id", "Day", "Hour", "IsEnabled", "LastSentAt", "LastSentWeek", "SavedAt", "SavedBy", "TimeZoneId", "Version" },
                values: new object[] { 1, "Monday", 9, true, null, null, null, null, "UTC", new Guid("00000000-0000-0000-0000-000000000000") });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpDigestSettings");

            migrationBuilder.AlterColumn<int>(
                name: "IncidentId",
                table: "Notifications",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);
        }
    }
}
