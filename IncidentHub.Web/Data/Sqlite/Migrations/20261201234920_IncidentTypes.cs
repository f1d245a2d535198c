using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    /// <summary>Incident types (IncidentTypes) and each incident's type (Incidents.TypeId, indexed).</summary>
    public partial class IncidentTypes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TypeId",
                table: "Incidents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IncidentTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IsPrivate = table.Column<bool>(type: "INTEGER", nullable: false),
                    DefaultSeverityId = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdateCadenceMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    ChannelPrefix = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpectedRoleIds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentTypes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentTypes_Severities_DefaultSeverityId",
                        column: x => x.DefaultSeverityId,
                        principalTable: "Severities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_TypeId",
                table: "Incidents",
                column: "TypeId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentTypes_DefaultSeverityId",
                table: "IncidentTypes",
                column: "DefaultSeverityId");

            // No FOREIGN KEY on Incidents.TypeId here: SQLite can add one only by rebuilding "Incidents", which drops the
            // search index's triggers. Types are archived, never deleted (IncidentTypeService has no delete), so the
            // column always names a row; the other providers have the constraint.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentTypes");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_TypeId",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "TypeId",
                table: "Incidents");
        }
    }
}
