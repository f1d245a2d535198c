using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Events;
using IncidentHub.Core.FollowUps;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Core.PostIncident;

/// <summary>
/// Nudges the owners of late post-incident work, on the update nudges' rules: once when it falls due, then once per
/// period while it is still not done; never twice in a period, whatever restarts or however many hosts sweep.
/// <list type="bullet">
/// <item>A post-incident task: when due, then every day (<see cref="PostIncidentTask.NudgePeriod"/>), while its incident is resolved or closed.</item>
/// <item>A follow-up with an owner and a due date: on its due date (its day begins), then every week (<see cref="FollowUpNudgePeriod"/>) while outstanding.</item>
/// </list>
/// In one transaction it claims what is due (an UPDATE per kind that stamps the sweep's token and the nudge time, so a
/// second sweep at the same moment, in this process or another, finds nothing left to claim), writes the owners'
/// in-app notifications and records a <see cref="PostIncidentTaskNudged"/> or <see cref="FollowUpNudged"/> for each in
/// the event log. After the commit the events are dispatched: the owner's open browsers and the incident's chat
/// channel hear of them from their consumers.
/// </summary>
public sealed partial class PostIncidentNudgeSweeper(
    IDbContextFactory<IncidentHubDbContext> dbFactory,
    TimeProvider time,
    EventDispatcher dispatcher,
    ILogger<PostIncidentNudgeSweeper> logger)
{
    /// <summary>How often an overdue follow-up's owner is nudged again.</summary>
    public static readonly TimeSpan FollowUpNudgePeriod = TimeSpan.FromDays(7);

    /// <summary>A follow-up is due by the end of its day (<see cref="IncidentAction.DueAt"/>): its day begins a day before.</summary>
    public static readonly TimeSpan DueDayLength = TimeSpan.FromDays(1);

    private static readonly string TaskKind = IncidentEventCatalog.KindOf(typeof(PostIncidentTaskNudged));
    private static readonly string FollowUpKind = IncidentEventCatalog.KindOf(typeof(FollowUpNudged));

    public async Task<PostIncidentSweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        await dispatcher.EnsureReadyAsync(cancellationToken);
        var now = time.GetUtcNow();
        var nowTicks = now.UtcTicks;
        var taskAgainBefore = nowTicks - PostIncidentTask.NudgePeriod.Ticks;
        var followUpAgainBefore = nowTicks - FollowUpNudgePeriod.Ticks;
        var dueDayStarted = now + DueDayLength;
        var token = Guid.NewGuid().ToString("N");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        IReadOnlyList<LoggedEvent> logged = [];
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await EventLogWriterLock.AcquireAsync(db, cancellationToken);
            var tasks = await db.PostIncidentTasks
                .Where(t => t.DoneAt == null && t.DueAt <= now && (t.LastNudgedAtTicks == null || t.LastNudgedAtTicks <= taskAgainBefore)
                    && db.Incidents.Any(i => i.Id == t.IncidentId && (i.Status == IncidentStatus.Resolved || i.Status == IncidentStatus.Closed)))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.ClaimToken, token)
                    .SetProperty(t => t.LastNudgedAtTicks, nowTicks)
                    .SetProperty(t => t.NudgeCount, t => t.NudgeCount + 1),
                    cancellationToken);
            var followUps = await db.IncidentActions
                .Where(a => a.Kind == ActionKind.FollowUp && a.Status == ActionStatus.Outstanding && a.OwnerId != null && a.DueAt != null && a.DueAt <= dueDayStarted
                    && (a.LastNudgedAtTicks == null || a.LastNudgedAtTicks <= followUpAgainBefore)
                    && db.Incidents.Any(i => i.Id == a.IncidentId && i.Status != IncidentStatus.Declined))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.NudgeClaimToken, token)
                    .SetProperty(a => a.LastNudgedAtTicks, nowTicks)
                    .SetProperty(a => a.NudgeCount, a => a.NudgeCount + 1),
                    cancellationToken);
            if (tasks + followUps == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                return;
            }

            var rows = new List<Func<EventLogEntry>>();
            var claimedTasks = await db.PostIncidentTasks.AsNoTracking()
                .Where(t => t.ClaimToken == token)
                .Join(db.Incidents, t => t.IncidentId, i => i.Id, (t, i) => new { t.Id, t.IncidentId, i.Number, i.Visibility, t.Name, t.OwnerId, t.DueAt, t.NudgeCount })
                .OrderBy(t => t.IncidentId).ThenBy(t => t.Id)
                .ToListAsync(cancellationToken);
            foreach (var t in claimedTasks)
            {
                db.Notifications.Add(new Notification(t.OwnerId, NotificationKind.TaskDue, t.IncidentId, now, t.Name));
                var payload = IncidentEventCatalog.Serialize(new PostIncidentTaskNudged(t.Id, t.Name, t.OwnerId, t.DueAt, t.NudgeCount));
                rows.Add(() => Row(token, t.IncidentId, t.Number, t.Visibility, TaskKind, now, payload));
            }

            var claimedFollowUps = await db.IncidentActions.AsNoTracking()
                .Where(a => a.NudgeClaimToken == token)
                .Join(db.Incidents, a => a.IncidentId, i => i.Id, (a, i) => new { a.Id, a.IncidentId, i.Number, i.Visibility, a.Title, a.OwnerId, a.DueAt, a.NudgeCount })
                .OrderBy(a => a.IncidentId).ThenBy(a => a.Id)
                .ToListAsync(cancellationToken);
            foreach (var a in claimedFollowUps)
            {
                db.Notifications.Add(new Notification(a.OwnerId!, NotificationKind.FollowUpDue, a.IncidentId, now, a.Title));
                var payload = IncidentEventCatalog.Serialize(new FollowUpNudged(a.Id, a.Title, a.OwnerId!, a.DueAt!.Value, a.NudgeCount));
                rows.Add(() => Row(token, a.IncidentId, a.Number, a.Visibility, FollowUpKind, now, payload));
            }

            await db.SaveChangesAsync(cancellationToken);
            var saved = await EventLogInserts.InsertInOrderAsync(db, token, rows, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logged = [.. saved.Select(r => r.ToLoggedEvent())];
        });

        var nudges = logged.Select(e => e.Event switch
        {
            PostIncidentTaskNudged t => new PostIncidentNudge(e.IncidentId, e.IncidentNumber, PostIncidentNudgeKind.Task, t.TaskId, t.Name, t.OwnerId, t.DueAt, t.NudgeNumber),
            FollowUpNudged f => new PostIncidentNudge(e.IncidentId, e.IncidentNumber, PostIncidentNudgeKind.FollowUp, f.ActionId, f.Title, f.OwnerId, f.DueAt, f.NudgeNumber),
            _ => null,
        }).OfType<PostIncidentNudge>().ToList();
        if (nudges.Count > 0)
        {
            LogSwept(logger, nudges.Count(n => n.Kind == PostIncidentNudgeKind.Task), nudges.Count(n => n.Kind == PostIncidentNudgeKind.FollowUp));
            await dispatcher.DispatchAsync(logged, cancellationToken);
        }

        return new PostIncidentSweepResult(now, nudges);
    }

    private static EventLogEntry Row(string token, int incidentId, int number, IncidentVisibility visibility, string kind, DateTimeOffset now, string payload) =>
        new(token, incidentId, number, visibility == IncidentVisibility.Private, kind, now, now, null, Actor.System.DisplayName, null, payload);

    [LoggerMessage(Level = LogLevel.Information, Message = "Post-incident nudge sweep nudged {Tasks} task owners and {FollowUps} follow-up owners")]
    private static partial void LogSwept(ILogger logger, int tasks, int followUps);
}

public enum PostIncidentNudgeKind
{
    Task,
    FollowUp,
}

/// <summary>One nudge the sweep sent: to whom, about which task or follow-up, and the how-manieth it is.</summary>
public sealed record PostIncidentNudge(int IncidentId, int IncidentNumber, PostIncidentNudgeKind Kind, int ItemId, string Title, string OwnerId, DateTimeOffset DueAt, int NudgeNumber);

/// <summary>What one sweep did.</summary>
public sealed record PostIncidentSweepResult(DateTimeOffset SweptAt, IReadOnlyList<PostIncidentNudge> Nudges);
