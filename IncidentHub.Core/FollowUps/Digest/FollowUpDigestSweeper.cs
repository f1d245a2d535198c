using IncidentHub.Core.Actions;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Core.FollowUps.Digest;

/// <summary>
/// Sends the weekly follow-up digest once per week. A sweep (Hangfire runs it every few minutes) finds the latest
/// moment the digest was due (<see cref="FollowUpDigestSchedule"/>: a day and hour in the organisation's time zone,
/// never before an admin last changed the schedule) and claims its week with a conditional UPDATE of the settings row
/// ("last week sent" is older, the schedule is the one read). The sweep that claims it writes, in the same transaction,
/// each owner's in-app digest, the admins' digest and, when a chat system is connected, a direct message for each;
/// every other sweep that week (a restart, a second host at the same moment) finds the week taken and sends nothing.
/// A host that was down at the hour sends the week's digest when it next sweeps within a day
/// (<see cref="FollowUpDigestSchedule.LateLimit"/>), still once.
/// </summary>
public sealed partial class FollowUpDigestSweeper(
    IDbContextFactory<IncidentHubDbContext> dbFactory,
    TimeProvider time,
    IEnumerable<INotificationFeed> feeds,
    IEnumerable<ChatDirectMessages> chat,
    ILogger<FollowUpDigestSweeper> logger)
{
    public async Task<FollowUpDigestResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.FollowUpDigestSettings.AsNoTracking().SingleAsync(s => s.Id == FollowUpDigestSettings.SingletonId, cancellationToken);
        if (FollowUpDigestSchedule.Pending(settings, now) is not { } occurrence)
        {
            return FollowUpDigestResult.Nothing(now);
        }

        var directMessages = chat.FirstOrDefault();
        var notices = new List<NotificationNotice>();
        var owners = new List<OwnerDigest>();
        AdminDigest? admins = null;
        var adminCount = 0;
        var claimed = false;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            notices.Clear();
            owners.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var version = settings.Version;
            var week = occurrence.Week;
            claimed = await db.FollowUpDigestSettings
                .Where(s => s.Id == FollowUpDigestSettings.SingletonId && s.Version == version && (s.LastSentWeek == null || s.LastSentWeek < week))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSentWeek, week).SetProperty(x => x.LastSentAt, now), cancellationToken) == 1;
            if (!claimed)
            {
                await transaction.CommitAsync(cancellationToken);
                return;
            }

            var ownerIds = await db.IncidentActions.AsNoTracking()
                .Where(a => a.Kind == ActionKind.FollowUp && a.Status == ActionStatus.Outstanding && a.OwnerId != null)
                .Select(a => a.OwnerId!).Distinct().ToListAsync(cancellationToken);
            var people = await db.Users.AsNoTracking().Where(u => u.IsActive && (ownerIds.Contains(u.Id) || u.Role == AppRole.Admin))
                .OrderBy(u => u.Id).ToListAsync(cancellationToken);
            foreach (var person in people.Where(p => ownerIds.Contains(p.Id)))
            {
                if (await FollowUpDigestContent.ForOwnerAsync(db, person.ToActor(), now, cancellationToken) is not { } digest)
                {
                    continue;
                }

                owners.Add(digest);
                db.Notifications.Add(new Notification(person.Id, NotificationKind.FollowUpDigest, now, digest.Summary));
                notices.Add(new NotificationNotice(person.Id, NotificationKind.FollowUpDigest, null, null, null, digest.Summary));
                directMessages?.Queue(db, null, FollowUpDigestMessages.ForOwner(digest, now), now);
            }

            admins = await FollowUpDigestContent.ForAdminsAsync(db, now, cancellationToken);
            adminCount = 0;
            if (admins is not null)
            {
                foreach (var admin in people.Where(p => p.Role == AppRole.Admin))
                {
                    adminCount++;
                    db.Notifications.Add(new Notification(admin.Id, NotificationKind.FollowUpDigestAdmin, now, admins.Summary));
                    notices.Add(new NotificationNotice(admin.Id, NotificationKind.FollowUpDigestAdmin, null, null, null, admins.Summary));
                    directMessages?.Queue(db, null, FollowUpDigestMessages.ForAdmin(admin.Id, admins, now), now);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        if (!claimed)
        {
            return FollowUpDigestResult.Nothing(now);
        }

        LogSent(logger, occurrence.Week, owners.Count, adminCount);
        foreach (var notice in notices)
        {
            foreach (var feed in feeds)
            {
                feed.Publish(notice);
            }
        }

        directMessages?.Signal();
        return new FollowUpDigestResult(now, occurrence, owners, admins, adminCount);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly follow-up digest for week {Week} sent to {Owners} owners and {Admins} admins")]
    private static partial void LogSent(ILogger logger, int week, int owners, int admins);
}

/// <summary>What one sweep sent: nothing (<see cref="Occurrence"/> null), or the week's digests.</summary>
public sealed record FollowUpDigestResult(
    DateTimeOffset SweptAt,
    FollowUpDigestOccurrence? Occurrence,
    IReadOnlyList<OwnerDigest> Owners,
    AdminDigest? Admins,
    int AdminsSent)
{
    public bool Sent => Occurrence is not null;

    public static FollowUpDigestResult Nothing(DateTimeOffset now) => new(now, null, [], null, 0);
}
