using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class UpdateNudges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "UpdateCadenceMinutes",
                table: "Severities",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "DueAt",
                table: "IncidentUpdates",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    IncidentId = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Detail = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UpdateReminders",
                columns: table => new
                {
                    IncidentId = table.Column<int>(type: "int", nullable: false),
                    LeadId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CadenceSeconds = table.Column<int>(type: "int", nullable: false),
                    CadenceOverridden = table.Column<bool>(type: "bit", nullable: false),
                    AnchorAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SnoozedUntil = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DueAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    NextNudgeAtTicks = table.Column<long>(type: "bigint", nullable: true),
                    LastNudgedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    NudgeCount = table.Column<int>(type: "int", nullable: false),
                    ClaimToken = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpdateReminders", x => x.IncidentId);
                    table.ForeignKey(
                        name: "FK_UpdateReminders_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_IncidentId",
                table: "Notifications",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UpdateReminders_ClaimToken",
                table: "UpdateReminders",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_UpdateReminders_NextNudgeAtTicks",
                table: "UpdateReminders",
                column: "NextNudgeAtTicks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "UpdateReminders");

            migrationBuilder.DropColumn(
                name: "UpdateCadenceMinutes",
                table: "Severities");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "IncidentUpdates");
        }
    }
}
