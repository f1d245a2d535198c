using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Chat;

/// <summary>
/// Writes the chat calls a change calls for into the outbox, in the change's own transaction: a declaration asks for
/// the incident's channel (private for a private incident), its topic, the declarer and lead in it, a first post and,
/// unless private, an announcement; later changes are posted in the channel in the words of their timeline entries,
/// keep the announcement current, bring new role holders in, and archive the channel when the incident is finished.
/// An incident made private after its channel was opened to everyone says so there once and is posted there no more.
/// Incidents declared before the chat system was connected have no channel and are left alone.
/// </summary>
public sealed class ChatOutboxInterceptor(string provider, TimeProvider time) : IIncidentChangeInterceptor
{
    /// <summary>Entries worth a post in the channel. Notes, messages and bookkeeping stay in IncidentHub.</summary>
    private static readonly HashSet<TimelineEntryKind> Posted =
    [
        TimelineEntryKind.Update, TimelineEntryKind.StatusChanged, TimelineEntryKind.SeverityChanged, TimelineEntryKind.DetailsEdited,
        TimelineEntryKind.LeadHandover, TimelineEntryKind.RoleAssigned, TimelineEntryKind.RoleUnassigned,
        TimelineEntryKind.ActionAdded, TimelineEntryKind.ActionChanged, TimelineEntryKind.UpdateSkipped,
    ];

    /// <summary>Entries that change what the announcement shows (status, severity, lead, name).</summary>
    private static readonly HashSet<TimelineEntryKind> Announced =
    [
        TimelineEntryKind.StatusChanged, TimelineEntryKind.SeverityChanged, TimelineEntryKind.LeadHandover, TimelineEntryKind.DetailsEdited,
    ];

    public async Task OnSavingAsync(IncidentHubDbContext db, Incident incident, IncidentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(change);
        var now = time.GetUtcNow();
        if (change.Kind == IncidentChangeKind.Declared)
        {
            Declared(db, incident, now);
            return;
        }

        var channel = await db.ChatChannels.AsNoTracking()
            .Where(c => c.IncidentId == incident.Id && c.Provider == provider)
            .Select(c => new { c.ArchivedAt, c.IsPrivate })
            .SingleOrDefaultAsync(cancellationToken);
        if (channel is null || channel.ArchivedAt is not null)
        {
            return;
        }

        var entries = incident.Timeline.ToList();
        if (incident.IsPrivate && !channel.IsPrivate)
        {
            // Made private after its channel was opened to everyone: nothing more goes there (or to the announcement).
            if (entries.Any(e => e.Kind == TimelineEntryKind.VisibilityChanged))
            {
                ChatOutboxService.Enqueue(db, provider, incident, ChatOperationKind.Post,
                    new PostOperation($"{incident.Reference} is now private in IncidentHub. Nothing more about it is posted in this channel.", null, null), now);
            }

            return;
        }

        foreach (var entry in entries.Where(e => Posted.Contains(e.Kind)))
        {
            ChatOutboxService.Enqueue(db, provider, incident, ChatOperationKind.Post, PostFor(entry), now);
        }

        var newHolders = incident.RoleAssignments
            .Where(r => r.Id == 0 && r.RoleDefinition.Kind != IncidentRoleKind.Reporter)
            .Select(r => r.UserId)
            .Distinct()
            .ToList();
        if (newHolders.Count > 0)
        {
            ChatOutboxService.Enqueue(db, provider, incident, ChatOperationKind.Invite, new InviteOperation(newHolders), now);
        }

        var movedAnnouncement = entries.Any(e => Announced.Contains(e.Kind) || (e.Kind == TimelineEntryKind.Update && e.IsHighlighted));
        if (movedAnnouncement && !incident.IsPrivate)
        {
            ChatOutboxService.Enqueue(db, provider, incident, ChatOperationKind.UpdateAnnouncement, new AnnounceOperation(), now);
        }

        if (IncidentRules.IsFinal(incident.Status) && entries.Any(e => e.Kind is TimelineEntryKind.StatusChanged or TimelineEntryKind.Update))
        {
            ChatOutboxService.Enqueue(db, provider, incident, ChatOperationKind.Archive, new ArchiveOperation(), now);
        }
    }

    private void Declared(IncidentHubDbContext db, Incident incident, DateTimeOffset now)
    {
        db.ChatChannels.Add(new ChatChannel(incident, provider, incident.IsPrivate, now));
        ChatOutboxService.Enqueue(db, provider, incident, ChatOperationKind.CreateChannel,
            new CreateChannelOperation(incident.Number, incident.Name, incident.IsPrivate), now);
        ChatOutboxService.Enqueue(db, provider, incident, ChatOperationKind.SetTopic,
            new SetTopicOperation($"{incident.Reference}: {incident.Name}"), now);
        ChatOutboxService.Enqueue(db, provider, incident, ChatOperationKind.Invite,
            new InviteOperation(new[] { incident.DeclaredById, incident.LeadId }.Distinct().ToList()), now);

        var declared = incident.Timeline.FirstOrDefault(e => e.Kind == TimelineEntryKind.Declared);
        var body = string.Join("\n\n", new[]
        {
            incident.Summary,
            incident.CustomerImpact.Length > 0 ? "Customer impact: " + incident.CustomerImpact : "",
        }.Where(s => s.Length > 0));
        ChatOutboxService.Enqueue(db, provider, incident, ChatOperationKind.Post,
            new PostOperation(
                $"{incident.Reference} declared: {incident.Name}",
                body.Length > 0 ? body : null,
                $"{declared?.Text} Severity {incident.Severity.Name}, status {incident.Status}, lead {incident.LeadName}.".Trim()),
            now);
        if (!incident.IsPrivate)
        {
            ChatOutboxService.Enqueue(db, provider, incident, ChatOperationKind.Announce, new AnnounceOperation(), now);
        }
    }

    private static PostOperation PostFor(TimelineEntry entry) => entry.Kind switch
    {
        TimelineEntryKind.Update => new PostOperation($"{entry.ActorName} posted an update", entry.Text, entry.Detail),
        TimelineEntryKind.UpdateSkipped => new PostOperation($"{entry.ActorName} skipped this update", entry.Text, null),
        _ => new PostOperation(entry.Text, null, entry.Detail),
    };
}
