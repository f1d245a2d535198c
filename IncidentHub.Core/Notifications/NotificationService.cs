using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Notifications;

/// <summary>A person's in-app notifications: what is unread, the recent ones, marking them read.</summary>
public sealed class NotificationService(IDbContextFactory<IncidentHubDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> CountUnreadAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = db.Incidents.VisibleTo(actor, db).Select(i => i.Id);
        return await db.Notifications.CountAsync(n => n.UserId == actor.UserId && n.ReadAt == null && (n.IncidentId == null || visible.Contains(n.IncidentId.Value)), cancellationToken);
    }

    public async Task<IReadOnlyList<NotificationView>> GetRecentAsync(Actor actor, int take = 20, int skip = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A digest is about no one incident; every other notification is shown only while its incident is visible.
        var visible = db.Incidents.VisibleTo(actor, db);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == actor.UserId && (n.IncidentId == null || visible.Any(i => i.Id == n.IncidentId)))
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(Math.Max(0, skip))
            .Take(Math.Clamp(take, 1, 200))
            .Select(n => new NotificationView(
                n.Id, n.Kind, n.IncidentId,
                db.Incidents.Where(i => i.Id == n.IncidentId).Select(i => (int?)i.Number).FirstOrDefault(),
                db.Incidents.Where(i => i.Id == n.IncidentId).Select(i => i.Name).FirstOrDefault(),
                n.CreatedAt, n.ReadAt, n.Detail))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Marks one of the actor's notifications read. Someone else's is not found.</summary>
    public async Task MarkReadAsync(Actor actor, long notificationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.UserId == actor.UserId, cancellationToken)
            ?? throw new NotFoundException("That notification no longer exists.");
        notification.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task MarkAllReadAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Notifications
            .Where(n => n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
