using IncidentHub.Core.Data;
using IncidentHub.Core.Reminders;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Chat;

/// <summary>
/// Posts update nudges in the incidents' channels, mentioning the lead. Called after the nudge sweep has committed,
/// so the posts are queued in a transaction of their own (one for the whole sweep).
/// </summary>
public sealed class ChatNudgeChannel(string provider, IDbContextFactory<IncidentHubDbContext> dbFactory, TimeProvider time) : INudgeChannel
{
    public async Task DeliverAsync(IReadOnlyList<UpdateNudge> nudges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nudges);
        if (nudges.Count == 0)
        {
            return;
        }

        var ids = nudges.Select(n => n.IncidentId).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var withChannel = await db.ChatChannels.AsNoTracking()
            .Where(c => c.Provider == provider && ids.Contains(c.IncidentId) && c.ArchivedAt == null)
            .Select(c => c.IncidentId)
            .ToListAsync(cancellationToken);
        if (withChannel.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var nudge in nudges.Where(n => withChannel.Contains(n.IncidentId)))
        {
            var late = nudge.OverdueBy < TimeSpan.FromMinutes(1) ? "now" : $"overdue by {Common.TimeDisplay.Duration(nudge.OverdueBy)}";
            var operation = new PostOperation(
                $"{nudge.Reference} needs an update ({late})",
                "Post an update so everyone knows where things stand, or skip it with a reason.",
                null,
                [nudge.LeadId]);
            db.ChatOutbox.Add(new ChatOutboxItem(provider, null, nudge.IncidentId, ChatOperationKind.Post, ChatOperations.Serialize(operation), now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
