using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.CreateTable(
                name: "FollowUpDigestSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    IsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Hour = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastSentWeek = table.Column<int>(type: "INTEGER", nullable: true),
                    LastSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
