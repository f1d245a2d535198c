using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PostIncidentTasksAndNudges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastNudgedAtTicks",
                table: "IncidentActions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NudgeClaimToken",
                table: "IncidentActions",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NudgeCount",
                table: "IncidentActions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "PostIncidentTaskDefinitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Guidance = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    OwnerRoleDefinitionId = table.Column<int>(type: "int", nullable: false),
                    DueAfterHours = table.Column<int>(type: "int", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    IsArchived = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostIncidentTaskDefinitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostIncidentTaskDefinitions_RoleDefinitions_OwnerRoleDefinitionId",
                        column: x => x.OwnerRoleDefinitionId,
                        principalTable: "RoleDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PostIncidentTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IncidentId = table.Column<int>(type: "int", nullable: false),
                    DefinitionId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Guidance = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    OwnerRoleName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    OwnerRoleVacant = table.Column<bool>(type: "bit", nullable: false),
                    OwnerId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DueAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DoneById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DoneByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    LastNudgedAtTicks = table.Column<long>(type: "bigint", nullable: true),
                    NudgeCount = table.Column<int>(type: "int", nullable: false),
                    ClaimToken = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostIncidentTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostIncidentTasks_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostIncidentTaskSeverities",
                columns: table => new
                {
                    DefinitionId = table.Column<int>(type: "int", nullable: false),
                    SeverityId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostIncidentTaskSeverities", x => new { x.DefinitionId, x.SeverityId });
                    table.ForeignKey(
                        name: "FK_PostIncidentTaskSeverities_PostIncidentTaskDefinitions_DefinitionId",
                        column: x => x.DefinitionId,
                        principalTable: "PostIncidentTaskDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PostIncidentTaskSeverities_Severities_SeverityId",
                        column: x => x.SeverityId,
                        principalTable: "Severities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentActions_NudgeClaimToken",
                table: "IncidentActions",
                column: "NudgeClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_PostIncidentTaskDefinitions_OwnerRoleDefinitionId",
                table: "PostIncidentTaskDefinitions",
                column: "OwnerRoleDefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_PostIncidentTasks_ClaimToken",
                table: "PostIncidentTasks",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_PostIncidentTasks_DoneAt_DueAt",
                table: "PostIncidentTasks",
                columns: new[] { "DoneAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PostIncidentTasks_IncidentId_DefinitionId",
                table: "PostIncidentTasks",
                columns: new[] { "IncidentId", "DefinitionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PostIncidentTaskSeverities_SeverityId",
                table: "PostIncidentTaskSeverities",
                column: "SeverityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PostIncidentTasks");

            migrationBuilder.DropTable(
                name: "PostIncidentTaskSeverities");

            migrationBuilder.DropTable(
                name: "PostIncidentTaskDefinitions");

            migrationBuilder.DropIndex(
                name: "IX_IncidentActions_NudgeClaimToken",
                table: "IncidentActions");

            migrationBuilder.DropColumn(
                name: "LastNudgedAtTicks",
                table: "IncidentActions");

            migrationBuilder.DropColumn(
                name: "NudgeClaimToken",
                table: "IncidentActions");

            migrationBuilder.DropColumn(
                name: "NudgeCount",
                table: "IncidentActions");
        }
    }
}
