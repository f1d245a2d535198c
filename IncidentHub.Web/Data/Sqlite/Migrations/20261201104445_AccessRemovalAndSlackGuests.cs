using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccessRemovalAndSlackGuests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AccessRemovedAt",
                table: "RoleAssignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ChatUsers",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                // People recorded before kinds were: not known yet, so asked of Slack again at their next command.
                defaultValue: "Unknown");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AccessRemovedAt",
                table: "RoleAssignments");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ChatUsers");
        }
    }
}
