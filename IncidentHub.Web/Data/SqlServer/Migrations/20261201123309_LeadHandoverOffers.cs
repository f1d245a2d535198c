using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LeadHandoverOffers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HandoverFromName",
                table: "Incidents",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandoverFromUserId",
                table: "Incidents",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandoverNote",
                table: "Incidents",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HandoverOfferedAt",
                table: "Incidents",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandoverOfferedById",
                table: "Incidents",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandoverOfferedByName",
                table: "Incidents",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandoverToName",
                table: "Incidents",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandoverToUserId",
                table: "Incidents",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HandoverFromName",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "HandoverFromUserId",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "HandoverNote",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "HandoverOfferedAt",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "HandoverOfferedById",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "HandoverOfferedByName",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "HandoverToName",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "HandoverToUserId",
                table: "Incidents");
        }
    }
}
