using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DueAt",
                table: "IncidentActions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "IncidentActions",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NotDoingReason",
                table: "IncidentActions",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Priority",
                table: "IncidentActions",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TrackerUrl",
                table: "IncidentActions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentActions_Kind_Status_DueAt",
                table: "IncidentActions",
                columns: new[] { "Kind", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentActions_OwnerId_Kind_Status",
                table: "IncidentActions",
                columns: new[] { "OwnerId", "Kind", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IncidentActions_Kind_Status_DueAt",
                table: "IncidentActions");

            migrationBuilder.DropIndex(
                name: "IX_IncidentActions_OwnerId_Kind_Status",
                table: "IncidentActions");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "IncidentActions");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "IncidentActions");

            migrationBuilder.DropColumn(
                name: "NotDoingReason",
                table: "IncidentActions");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "IncidentActions");

            migrationBuilder.DropColumn(
                name: "TrackerUrl",
                table: "IncidentActions");
        }
    }
}
