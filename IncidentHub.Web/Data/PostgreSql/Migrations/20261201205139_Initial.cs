using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IncidentHub.Web.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChatInbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Payload = table.Column<string>(type: "character varying(262144)", maxLength: 262144, nullable: true),
                    RetryNumber = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAtTicks = table.Column<long>(type: "bigint", nullable: false),
                    LeaseToken = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    LeaseUntilTicks = table.Column<long>(type: "bigint", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatInbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChatUsers",
                columns: table => new
                {
                    ExternalId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    MatchedUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RefreshedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatUsers", x => x.ExternalId);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EventConsumers",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Position = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventConsumers", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "EventLog",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChangeId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    IncidentNumber = table.Column<int>(type: "integer", nullable: false),
                    IsPrivate = table.Column<bool>(type: "boolean", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TimelineEntryId = table.Column<long>(type: "bigint", nullable: true),
                    Payload = table.Column<string>(type: "character varying(24000)", maxLength: 24000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventLog", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "Installation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    FirstAdminId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SetUpAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Installation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewTemplateSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Guidance = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Prefill = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewTemplateSections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoleDefinitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Instructions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleDefinitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Severities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Guidance = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdateCadenceMinutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Severities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatusComponents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusComponents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostIncidentTaskDefinitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Guidance = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OwnerRoleDefinitionId = table.Column<int>(type: "integer", nullable: false),
                    DueAfterHours = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostIncidentTaskDefinitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostIncidentTaskDefinitions_RoleDefinitions_OwnerRoleDefini~",
                        column: x => x.OwnerRoleDefinitionId,
                        principalTable: "RoleDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    CustomerImpact = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    SeverityId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LeadId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    LeadName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DeclaredById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImpactStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DetectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MitigatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeclinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastUpdateAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    HandoverFromUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    HandoverFromName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HandoverToUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    HandoverToName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HandoverNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HandoverOfferedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    HandoverOfferedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HandoverOfferedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_Severities_SeverityId",
                        column: x => x.SeverityId,
                        principalTable: "Severities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PostIncidentTaskSeverities",
                columns: table => new
                {
                    DefinitionId = table.Column<int>(type: "integer", nullable: false),
                    SeverityId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostIncidentTaskSeverities", x => new { x.DefinitionId, x.SeverityId });
                    table.ForeignKey(
                        name: "FK_PostIncidentTaskSeverities_PostIncidentTaskDefinitions_Defi~",
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

            migrationBuilder.CreateTable(
                name: "ChatChannels",
                columns: table => new
                {
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IsPrivate = table.Column<bool>(type: "boolean", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnnouncementChannelId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AnnouncementMessageId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "ChatMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    By = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsOn = table.Column<bool>(type: "boolean", nullable: false),
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
                name: "ChatOutbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Payload = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAtTicks = table.Column<long>(type: "bigint", nullable: false),
                    LeaseToken = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    LeaseUntilTicks = table.Column<long>(type: "bigint", nullable: false),
                    InFlightSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResultId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
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
                name: "IncidentAccessGrants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GrantedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentAccessGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentAccessGrants_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentAccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentAccessLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentAccessLog_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentAccessRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentAccessRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentAccessRequests_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    OwnerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NotDoingReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    TrackerUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LastNudgedAtTicks = table.Column<long>(type: "bigint", nullable: true),
                    NudgeCount = table.Column<int>(type: "integer", nullable: false),
                    NudgeClaimToken = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentActions_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentUpdates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SeverityId = table.Column<int>(type: "integer", nullable: false),
                    SeverityName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PostedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentUpdates_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                name: "NotRelatedMarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LowerIncidentId = table.Column<int>(type: "integer", nullable: false),
                    HigherIncidentId = table.Column<int>(type: "integer", nullable: false),
                    MarkedOnIncidentId = table.Column<int>(type: "integer", nullable: false),
                    MarkedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    MarkedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotRelatedMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotRelatedMarks_Incidents_HigherIncidentId",
                        column: x => x.HigherIncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NotRelatedMarks_Incidents_LowerIncidentId",
                        column: x => x.LowerIncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NotRelatedMarks_Incidents_MarkedOnIncidentId",
                        column: x => x.MarkedOnIncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PostIncidentTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    DefinitionId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Guidance = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    OwnerRoleName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OwnerRoleVacant = table.Column<bool>(type: "boolean", nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DoneById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DoneByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LastNudgedAtTicks = table.Column<long>(type: "bigint", nullable: true),
                    NudgeCount = table.Column<int>(type: "integer", nullable: false),
                    ClaimToken = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "PublicNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FirstPublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastPublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DraftTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DraftMessage = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    DraftStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DraftImpacts = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DraftedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DraftedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicNotices_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewDocuments_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoleAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    RoleDefinitionId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AccessRemovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoleAssignments_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoleAssignments_RoleDefinitions_RoleDefinitionId",
                        column: x => x.RoleDefinitionId,
                        principalTable: "RoleDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StatusPeriods",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatusPeriods_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UpdateReminders",
                columns: table => new
                {
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    LeadId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CadenceSeconds = table.Column<int>(type: "integer", nullable: false),
                    CadenceOverridden = table.Column<bool>(type: "boolean", nullable: false),
                    AnchorAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SnoozedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NextNudgeAtTicks = table.Column<long>(type: "bigint", nullable: true),
                    LastNudgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NudgeCount = table.Column<int>(type: "integer", nullable: false),
                    ClaimToken = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "TimelineEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IsHighlighted = table.Column<bool>(type: "boolean", nullable: false),
                    TimeBefore = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TimeAfter = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdateId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelineEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimelineEntries_IncidentUpdates_UpdateId",
                        column: x => x.UpdateId,
                        principalTable: "IncidentUpdates",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_TimelineEntries_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublicImpacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NoticeId = table.Column<int>(type: "integer", nullable: false),
                    ComponentId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    From = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicImpacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicImpacts_PublicNotices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "PublicNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PublicImpacts_StatusComponents_ComponentId",
                        column: x => x.ComponentId,
                        principalTable: "StatusComponents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicUpdates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NoticeId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    PublishedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicUpdates_PublicNotices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "PublicNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewReviewers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewDocumentId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewReviewers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewReviewers_ReviewDocuments_ReviewDocumentId",
                        column: x => x.ReviewDocumentId,
                        principalTable: "ReviewDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewDocumentId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Guidance = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Prefill = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    EditedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    EditedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewSections_ReviewDocuments_ReviewDocumentId",
                        column: x => x.ReviewDocumentId,
                        principalTable: "ReviewDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChatMessages",
                columns: table => new
                {
                    EntryId = table.Column<long>(type: "bigint", nullable: false),
                    ThreadId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AuthorExternalId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CurrentSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "ChatAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<int>(type: "integer", nullable: false),
                    MessageEntryId = table.Column<long>(type: "bigint", nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DeclaredContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DeclaredSize = table.Column<long>(type: "bigint", nullable: false),
                    SourceUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StoredSize = table.Column<long>(type: "bigint", nullable: true),
                    Problem = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAtTicks = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StoredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageEntryId = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    Since = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
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
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

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
                name: "IX_ChatChannels_ExternalId",
                table: "ChatChannels",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatInbox_EventId",
                table: "ChatInbox",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatInbox_LeaseToken",
                table: "ChatInbox",
                column: "LeaseToken");

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

            migrationBuilder.CreateIndex(
                name: "IX_EventLog_ChangeId",
                table: "EventLog",
                column: "ChangeId");

            migrationBuilder.CreateIndex(
                name: "IX_EventLog_IncidentId_Sequence",
                table: "EventLog",
                columns: new[] { "IncidentId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentAccessGrants_IncidentId_UserId_RevokedAt",
                table: "IncidentAccessGrants",
                columns: new[] { "IncidentId", "UserId", "RevokedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentAccessLog_IncidentId_At",
                table: "IncidentAccessLog",
                columns: new[] { "IncidentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentAccessRequests_IncidentId_Status",
                table: "IncidentAccessRequests",
                columns: new[] { "IncidentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentActions_IncidentId",
                table: "IncidentActions",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentActions_Kind_Status_DueAt",
                table: "IncidentActions",
                columns: new[] { "Kind", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentActions_NudgeClaimToken",
                table: "IncidentActions",
                column: "NudgeClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentActions_OwnerId_Kind_Status",
                table: "IncidentActions",
                columns: new[] { "OwnerId", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_DeclaredAt",
                table: "Incidents",
                column: "DeclaredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Number",
                table: "Incidents",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_SeverityId",
                table: "Incidents",
                column: "SeverityId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Status",
                table: "Incidents",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentUpdates_IncidentId_PostedAt",
                table: "IncidentUpdates",
                columns: new[] { "IncidentId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_IncidentId",
                table: "Notifications",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NotRelatedMarks_HigherIncidentId",
                table: "NotRelatedMarks",
                column: "HigherIncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_NotRelatedMarks_LowerIncidentId_HigherIncidentId",
                table: "NotRelatedMarks",
                columns: new[] { "LowerIncidentId", "HigherIncidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotRelatedMarks_MarkedOnIncidentId",
                table: "NotRelatedMarks",
                column: "MarkedOnIncidentId");

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

            migrationBuilder.CreateIndex(
                name: "IX_PublicImpacts_ComponentId_From",
                table: "PublicImpacts",
                columns: new[] { "ComponentId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicImpacts_NoticeId",
                table: "PublicImpacts",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicNotices_FirstPublishedAt_ResolvedAt",
                table: "PublicNotices",
                columns: new[] { "FirstPublishedAt", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicNotices_IncidentId",
                table: "PublicNotices",
                column: "IncidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicUpdates_NoticeId_PublishedAt",
                table: "PublicUpdates",
                columns: new[] { "NoticeId", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDocuments_IncidentId",
                table: "ReviewDocuments",
                column: "IncidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDocuments_State_PublishedAt",
                table: "ReviewDocuments",
                columns: new[] { "State", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewReviewers_ReviewDocumentId_UserId",
                table: "ReviewReviewers",
                columns: new[] { "ReviewDocumentId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSections_ReviewDocumentId",
                table: "ReviewSections",
                column: "ReviewDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_IncidentId_RoleDefinitionId_EndedAt",
                table: "RoleAssignments",
                columns: new[] { "IncidentId", "RoleDefinitionId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_RoleDefinitionId",
                table: "RoleAssignments",
                column: "RoleDefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_StatusPeriods_IncidentId_EndedAt",
                table: "StatusPeriods",
                columns: new[] { "IncidentId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEntries_IncidentId_OccurredAt_Id",
                table: "TimelineEntries",
                columns: new[] { "IncidentId", "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEntries_IncidentId_Source_ExternalId",
                table: "TimelineEntries",
                columns: new[] { "IncidentId", "Source", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEntries_UpdateId",
                table: "TimelineEntries",
                column: "UpdateId");

            migrationBuilder.CreateIndex(
                name: "IX_UpdateReminders_ClaimToken",
                table: "UpdateReminders",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_UpdateReminders_NextNudgeAtTicks",
                table: "UpdateReminders",
                column: "NextNudgeAtTicks");

            // The full-text index, its triggers and its text search configuration (needs the unaccent extension).
            migrationBuilder.Sql(IncidentHub.Core.Search.SearchIndexPostgreSql.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(IncidentHub.Core.Search.SearchIndexPostgreSql.Drop);

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

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
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EventConsumers");

            migrationBuilder.DropTable(
                name: "EventLog");

            migrationBuilder.DropTable(
                name: "IncidentAccessGrants");

            migrationBuilder.DropTable(
                name: "IncidentAccessLog");

            migrationBuilder.DropTable(
                name: "IncidentAccessRequests");

            migrationBuilder.DropTable(
                name: "IncidentActions");

            migrationBuilder.DropTable(
                name: "Installation");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "NotRelatedMarks");

            migrationBuilder.DropTable(
                name: "PostIncidentTasks");

            migrationBuilder.DropTable(
                name: "PostIncidentTaskSeverities");

            migrationBuilder.DropTable(
                name: "PublicImpacts");

            migrationBuilder.DropTable(
                name: "PublicUpdates");

            migrationBuilder.DropTable(
                name: "ReviewReviewers");

            migrationBuilder.DropTable(
                name: "ReviewSections");

            migrationBuilder.DropTable(
                name: "ReviewTemplateSections");

            migrationBuilder.DropTable(
                name: "RoleAssignments");

            migrationBuilder.DropTable(
                name: "StatusPeriods");

            migrationBuilder.DropTable(
                name: "UpdateReminders");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ChatAttachments");

            migrationBuilder.DropTable(
                name: "PostIncidentTaskDefinitions");

            migrationBuilder.DropTable(
                name: "StatusComponents");

            migrationBuilder.DropTable(
                name: "PublicNotices");

            migrationBuilder.DropTable(
                name: "ReviewDocuments");

            migrationBuilder.DropTable(
                name: "ChatMessages");

            migrationBuilder.DropTable(
                name: "RoleDefinitions");

            migrationBuilder.DropTable(
                name: "TimelineEntries");

            migrationBuilder.DropTable(
                name: "IncidentUpdates");

            migrationBuilder.DropTable(
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "Severities");
        }
    }
}
