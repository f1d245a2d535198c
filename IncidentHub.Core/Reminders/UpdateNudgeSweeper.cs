using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Core.Reminders;

/// <summary>
/// The nudge sweep. In one transaction it claims every reminder whose nudge is due (one UPDATE: the claim moves each
/// reminder's next nudge one cadence on, so a second sweep at the same moment, in this process or another, finds
/// nothing left to claim) and writes the in-app notifications for what it claimed (one INSERT ... SELECT). After the
/// commit it reads back what it claimed and tells the live feeds and other channels. Three statements, however many
/// incidents are due.
/// </summary>
public sealed partial class UpdateNudgeSweeper(
    IDbContextFactory<IncidentHubDbContext> dbFactory,
    TimeProvider time,
    IIncidentChangeFeed incidents,
    INotificationFeed notifications,
    IEnumerable<INudgeChannel> channels,
    ILogger<UpdateNudgeSweeper> logger)
{
    public async Task<NudgeSweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var nowTicks = now.UtcTicks;
        var token = Guid.NewGuid().ToString("N");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var claimed = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            claimed = await db.UpdateReminders
                .Where(UpdateReminder.NudgeDueAt(now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.ClaimToken, token)
                    .SetProperty(r => r.LastNudgedAt, now)
                    .SetProperty(r => r.NudgeCount, r => r.NudgeCount + 1)
                    .SetProperty(r => r.NextNudgeAtTicks, r => nowTicks + (long)r.CadenceSeconds * TimeSpan.TicksPerSecond),
                    cancellationToken);
            if (claimed > 0)
            {
                await db.Database.ExecuteSqlRawAsync(InsertNotificationsSql(db), [nameof(NotificationKind.UpdateDue), token], cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        });

        if (claimed == 0)
        {
            return new NudgeSweepResult(now, []);
        }

        var nudges = await db.UpdateReminders.AsNoTracking()
            .Where(r => r.ClaimToken == token)
            .Join(db.Incidents, r => r.IncidentId, i => i.Id, (r, i) =>
                new UpdateNudge(i.Id, i.Number, i.Name, r.LeadId, r.DueAt ?? now, now, r.NudgeCount, i.Visibility == IncidentVisibility.Private))
            .ToListAsync(cancellationToken);
        LogSwept(logger, nudges.Count);
        await AnnounceAsync(nudges, cancellationToken);
        return new NudgeSweepResult(now, nudges);
    }

    private async Task AnnounceAsync(IReadOnlyList<UpdateNudge> nudges, CancellationToken cancellationToken)
    {
        foreach (var nudge in nudges)
        {
            notifications.Publish(new NotificationNotice(nudge.LeadId, NotificationKind.UpdateDue, nudge.IncidentId, nudge.IncidentNumber, nudge.IncidentName, null));
            incidents.Publish(new IncidentChange(nudge.IncidentId, nudge.IncidentNumber, IncidentChangeKind.NudgeSent, null, nudge.IsPrivate));
        }

        foreach (var channel in channels)
        {
            try
            {
                await channel.DeliverAsync(nudges, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The in-app nudge is saved; one failing channel must not stop the others.
                LogChannelFailed(logger, ex, channel.GetType().Name, nudges.Count);
            }
        }
    }

    /// <summary>INSERT INTO Notifications ... SELECT ... FROM UpdateReminders WHERE ClaimToken = {1}, quoted for the provider.</summary>
    private static string InsertNotificationsSql(IncidentHubDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var notification = db.Model.FindEntityType(typeof(Notification))!;
        var reminder = db.Model.FindEntityType(typeof(UpdateReminder))!;
        string Table(IEntityType type) => sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());
        string Column(IEntityType type, string property) =>
            sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()))!);

        return $"INSERT INTO {Table(notification)} ({Column(notification, nameof(Notification.UserId))}, {Column(notification, nameof(Notification.Kind))}, "
            + $"{Column(notification, nameof(Notification.IncidentId))}, {Column(notification, nameof(Notification.CreatedAt))}) "
            + $"SELECT {Column(reminder, nameof(UpdateReminder.LeadId))}, {{0}}, {Column(reminder, nameof(UpdateReminder.IncidentId))}, "
            + $"{Column(reminder, nameof(UpdateReminder.LastNudgedAt))} FROM {Table(reminder)} "
            + $"WHERE {Column(reminder, nameof(UpdateReminder.ClaimToken))} = {{1}}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Update nudge sweep sent {Count} nudges")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nudge channel {Channel} failed to deliver {Count} nudges")]
    private static partial void LogChannelFailed(ILogger logger, Exception exception, string channel, int count);
}

/// <summary>What one sweep did.</summary>
public sealed record NudgeSweepResult(DateTimeOffset SweptAt, IReadOnlyList<UpdateNudge> Nudges);
