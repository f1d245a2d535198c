using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentHub.Web.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SlackChat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChatChannels",
                columns: table => new
                {
                    IncidentId = table.Column<int>(type: "int", nullable: false),
                    Provider = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ExternalId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    IsPrivate = table.Column<bool>(type: "bit", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AnnouncementChannelId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    AnnouncementMessageId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    ArchivedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatChannels", x => x.IncidentId);
                    table.ForeignKey(
                        name: "FK_ChatChannels_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChatInbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Provider = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    EventId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", maxLength: 262144, nullable: true),
                    RetryNumber = table.Column<int>(type: "int", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAtTicks = table.Column<long>(type: "bigint", nullable: false),
                    LeaseToken = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    LeaseUntilTicks = table.Column<long>(type: "bigint", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatInbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChatMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IncidentId = table.Column<int>(type: "int", nullable: false),
                    MessageId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    By = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    IsOn = table.Column<bool>(type: "bit", nullable: false),
                    LastEventAtTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatMarks_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChatMessages",
                columns: table => new
                {
                    EntryId = table.Column<long>(type: "bigint", nullable: false),
                    ThreadId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    AuthorExternalId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CurrentSince = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EditedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DeletedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatMessages", x => x.EntryId);
                    table.ForeignKey(
                        name: "FK_ChatMessages_TimelineEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "TimelineEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChatOutbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Provider = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    IncidentId = table.Column<int>(type: "int", nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAtTicks = table.Column<long>(type: "bigint", nullable: false),
                    LeaseToken = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    LeaseUntilTicks = table.Column<long>(type: "bigint", nullable: false),
                    InFlightSince = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ResultId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatOutbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatOutbox_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChatUsers",
                columns: table => new
                {
                    Provider = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ExternalId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    MatchedUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RefreshedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatUsers", x => new { x.Provider, x.ExternalId });
                });

            migrationBuilder.CreateTable(
                name: "ChatAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IncidentId = table.Column<int>(type: "int", nullable: false),
                    MessageEntryId = table.Column<long>(type: "bigint", nullable: false),
                    ExternalId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DeclaredContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DeclaredSize = table.Column<long>(type: "bigint", nullable: false),
                    SourceUrl = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    StoredSize = table.Column<long>(type: "bigint", nullable: true),
                    Problem = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAtTicks = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StoredAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatAttachments_ChatMessages_MessageEntryId",
                        column: x => x.MessageEntryId,
                        principalTable: "ChatMessages",
                        principalColumn: "EntryId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChatMessageRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MessageEntryId = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 40000, nullable: false),
                    Since = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatMessageRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatMessageRevisions_ChatMessages_MessageEntryId",
                        column: x => x.MessageEntryId,
                        principalTable: "ChatMessages",
                        principalColumn: "EntryId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChatAttachmentContents",
                columns: table => new
                {
                    AttachmentId = table.Column<long>(type: "bigint", nullable: false),
                    Bytes = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatAttachmentContents", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_ChatAttachmentContents_ChatAttachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "ChatAttachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChatAttachments_MessageEntryId_ExternalId",
                table: "ChatAttachments",
                columns: new[] { "MessageEntryId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatAttachments_Status_NextAttemptAtTicks",
                table: "ChatAttachments",
                columns: new[] { "Status", "NextAttemptAtTicks" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatChannels_Provider_ExternalId",
                table: "ChatChannels",
                columns: new[] { "Provider", "ExternalId" },
                unique: true,
                filter: "[ExternalId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ChatInbox_LeaseToken",
                table: "ChatInbox",
                column: "LeaseToken");

            migrationBuilder.CreateIndex(
                name: "IX_ChatInbox_Provider_EventId",
                table: "ChatInbox",
                columns: new[] { "Provider", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatInbox_Status_NextAttemptAtTicks_Id",
                table: "ChatInbox",
                columns: new[] { "Status", "NextAttemptAtTicks", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatMarks_IncidentId_MessageId_Kind_By",
                table: "ChatMarks",
                columns: new[] { "IncidentId", "MessageId", "Kind", "By" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatMessageRevisions_MessageEntryId_Since",
                table: "ChatMessageRevisions",
                columns: new[] { "MessageEntryId", "Since" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatOutbox_IncidentId",
                table: "ChatOutbox",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ChatOutbox_Status_IncidentId_Id",
                table: "ChatOutbox",
                columns: new[] { "Status", "IncidentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatUsers_MatchedUserId",
                table: "ChatUsers",
                column: "MatchedUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChatAttachmentContents");

            migrationBuilder.DropTable(
                name: "ChatChannels");

            migrationBuilder.DropTable(
                name: "ChatInbox");

            migrationBuilder.DropTable(
                name: "ChatMarks");

            migrationBuilder.DropTable(
                name: "ChatMessageRevisions");

            migrationBuilder.DropTable(
                name: "ChatOutbox");

            migrationBuilder.DropTable(
                name: "ChatUsers");

            migrationBuilder.DropTable(
                name: "ChatAttachments");

            migrationBuilder.DropTable(
                name: "ChatMessages");
        }
    }
}
