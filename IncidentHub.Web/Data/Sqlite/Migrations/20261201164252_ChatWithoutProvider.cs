using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.Sqlite.Migrations
{
    /// <summary>
    /// Core speaks of one chat system, Slack: the Provider column (always "slack") goes from the chat tables, and the
    /// keys that began with it are the chat ids alone. Down puts "slack" back in every row.
    /// </summary>
    public partial class ChatWithoutProvider : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ChatUsers",
                table: "ChatUsers");

            migrationBuilder.DropIndex(
                name: "IX_ChatInbox_Provider_EventId",
                table: "ChatInbox");

            migrationBuilder.DropIndex(
                name: "IX_ChatChannels_Provider_ExternalId",
                table: "ChatChannels");

            migrationBuilder.DropColumn(
                name: "Provider",
                table: "ChatUsers");

            migrationBuilder.DropColumn(
                name: "Provider",
                table: "ChatOutbox");

            migrationBuilder.DropColumn(
                name: "Provider",
                table: "ChatInbox");

            migrationBuilder.DropColumn(
                name: "Provider",
                table: "ChatChannels");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ChatUsers",
                table: "ChatUsers",
                column: "ExternalId");

            migrationBuilder.CreateIndex(
                name: "IX_ChatInbox_EventId",
                table: "ChatInbox",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatChannels_ExternalId",
                table: "ChatChannels",
                column: "ExternalId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ChatUsers",
                table: "ChatUsers");

            migrationBuilder.DropIndex(
                name: "IX_ChatInbox_EventId",
                table: "ChatInbox");

            migrationBuilder.DropIndex(
                name: "IX_ChatChannels_ExternalId",
                table: "ChatChannels");

            migrationBuilder.AddColumn<string>(
                name: "Provider",
                table: "ChatUsers",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "slack");

            migrationBuilder.AddColumn<string>(
                name: "Provider",
                table: "ChatOutbox",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "slack");

            migrationBuilder.AddColumn<string>(
                name: "Provider",
                table: "ChatInbox",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "slack");

            migrationBuilder.AddColumn<string>(
                name: "Provider",
                table: "ChatChannels",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "slack");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ChatUsers",
                table: "ChatUsers",
                columns: new[] { "Provider", "ExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatInbox_Provider_EventId",
                table: "ChatInbox",
                columns: new[] { "Provider", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatChannels_Provider_ExternalId",
                table: "ChatChannels",
                columns: new[] { "Provider", "ExternalId" },
                unique: true);
        }
    }
}
