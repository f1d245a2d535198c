using IncidentHub.Core.Access;
using IncidentHub.Core.Actions;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Events;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Notifications;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Severities;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Core.Users;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Data;

/// <summary>
/// IncidentHub's database. Create one per operation from <c>IDbContextFactory&lt;IncidentHubDbContext&gt;</c>.
/// Each database provider has a subclass in the web project that owns its migrations.
/// </summary>
public class IncidentHubDbContext(DbContextOptions options) : IdentityUserContext<AppUser>(options)
{
    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();

    public DbSet<IncidentUpdate> IncidentUpdates => Set<IncidentUpdate>();

    public DbSet<IncidentAction> IncidentActions => Set<IncidentAction>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<StatusPeriod> StatusPeriods => Set<StatusPeriod>();

    public DbSet<AffectedServices.AffectedService> AffectedServices => Set<AffectedServices.AffectedService>();

    public DbSet<RoleDefinition> RoleDefinitions => Set<RoleDefinition>();

    public DbSet<IncidentTypes.IncidentType> IncidentTypes => Set<IncidentTypes.IncidentType>();

    public DbSet<Severity> Severities => Set<Severity>();

    public DbSet<UpdateReminder> UpdateReminders => Set<UpdateReminder>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<ChatChannel> ChatChannels => Set<ChatChannel>();

    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();

    public DbSet<ChatMessageRevision> ChatMessageRevisions => Set<ChatMessageRevision>();

    public DbSet<ChatAttachment> ChatAttachments => Set<ChatAttachment>();

    public DbSet<ChatAttachmentContent> ChatAttachmentContents => Set<ChatAttachmentContent>();

    public DbSet<ChatMark> ChatMarks => Set<ChatMark>();

    public DbSet<ChatUser> ChatUsers => Set<ChatUser>();

    public DbSet<ChatInboxItem> ChatInbox => Set<ChatInboxItem>();

    public DbSet<ChatOutboxItem> ChatOutbox => Set<ChatOutboxItem>();

    public DbSet<EventLogEntry> EventLog => Set<EventLogEntry>();

    public DbSet<EventConsumerPosition> EventConsumers => Set<EventConsumerPosition>();

    public DbSet<IncidentAccessGrant> IncidentAccessGrants => Set<IncidentAccessGrant>();

    public DbSet<IncidentAccessRequest> IncidentAccessRequests => Set<IncidentAccessRequest>();

    public DbSet<IncidentAccessLogEntry> IncidentAccessLog => Set<IncidentAccessLogEntry>();

    public DbSet<StatusComponent> StatusComponents => Set<StatusComponent>();

    public DbSet<PublicNotice> PublicNotices => Set<PublicNotice>();

    public DbSet<PublicUpdate> PublicUpdates => Set<PublicUpdate>();

    public DbSet<PublicImpact> PublicImpacts => Set<PublicImpact>();

    /// <summary>One row once the first administrator exists (see <see cref="Users.Installation"/>).</summary>
    public DbSet<Installation> Installation => Set<Installation>();

    public DbSet<Reviews.ReviewDocument> ReviewDocuments => Set<Reviews.ReviewDocument>();

    public DbSet<Reviews.ReviewSection> ReviewSections => Set<Reviews.ReviewSection>();

    public DbSet<Reviews.ReviewReviewer> ReviewReviewers => Set<Reviews.ReviewReviewer>();

    public DbSet<Reviews.ReviewKeyEvent> ReviewKeyEvents => Set<Reviews.ReviewKeyEvent>();

    public DbSet<Reviews.ReviewTemplateSection> ReviewTemplateSections => Set<Reviews.ReviewTemplateSection>();

    public DbSet<PostIncident.PostIncidentTaskDefinition> PostIncidentTaskDefinitions => Set<PostIncident.PostIncidentTaskDefinition>();

    public DbSet<PostIncident.PostIncidentTask> PostIncidentTasks => Set<PostIncident.PostIncidentTask>();

    /// <summary>Pairs of incidents someone said are not related: never suggested as similar to each other.</summary>
    public DbSet<Similar.NotRelatedMark> NotRelatedMarks => Set<Similar.NotRelatedMark>();

    /// <summary>The weekly follow-up digest's schedule and the last week sent: one row.</summary>
    public DbSet<FollowUps.Digest.FollowUpDigestSettings> FollowUpDigestSettings => Set<FollowUps.Digest.FollowUpDigestSettings>();

    /// <summary>The account audit: single sign-on creating, linking or changing accounts, password sign-in turned off or on.</summary>
    public DbSet<Users.SingleSignOn.AccountEvent> AccountEvents => Set<Users.SingleSignOn.AccountEvent>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        // Every provider and every caller: no text XML forbids reaches the database.
        optionsBuilder.AddInterceptors(TextCleaningInterceptor.Instance);
    }

    /// <summary>Set by <see cref="IncidentEventPipeline"/> while it saves a unit of work with its events.</summary>
    internal bool SavingWithEvents { get; set; }

    /// <summary>
    /// Refuses to save an incident whose recorded events would be lost: changes to incidents are saved through
    /// <see cref="IncidentEventPipeline"/> (the runner does this), which writes the events in the same transaction.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnsureNoEventIsLost();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnsureNoEventIsLost();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void EnsureNoEventIsLost()
    {
        if (!SavingWithEvents && ChangeTracker.Entries<Incident>().Any(e => e.Entity.PendingEvents.Count > 0))
        {
            throw new InvalidOperationException(
                "An incident with recorded events is being saved outside IncidentEventPipeline, so its events would be lost. Save it through IncidentCommandRunner or IncidentEventPipeline.SaveAsync.");
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(IncidentHubDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite cannot compare or order DateTimeOffset; every provider stores UTC instants as UTC DateTime.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}
