using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
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
/// nothing left to claim), writes the in-app notifications for what it claimed (one INSERT ... SELECT), reads what it
/// claimed (incident, name, privacy, lead, due time) and records an <see cref="UpdateNudged"/> event for each in the
/// event log with one INSERT ... SELECT that returns the sequence the log gave each (RETURNING, OUTPUT on SQL Server).
/// After the commit it dispatches the events, with the names it read, so the live feeds, the lead's open browsers and
/// the chat channel hear of it without reading anything back. Four statements, however many incidents are due.
/// </summary>
public sealed partial class UpdateNudgeSweeper(
    IDbContextFactory<IncidentHubDbContext> dbFactory,
    TimeProvider time,
    EventDispatcher dispatcher,
    ILogger<UpdateNudgeSweeper> logger)
{
    private static readonly string NudgedKind = IncidentEventCatalog.KindOf(typeof(UpdateNudged));

    public async Task<NudgeSweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        await dispatcher.EnsureReadyAsync(cancellationToken);
        var now = time.GetUtcNow();
        var nowTicks = now.UtcTicks;
        var token = Guid.NewGuid().ToString("N");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        List<ClaimedReminder> claims = [];
        Dictionary<int, long> sequences = [];
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            claims = [];
            sequences = [];
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await EventLogWriterLock.AcquireAsync(db, cancellationToken);
            var claimed = await db.UpdateReminders
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
                claims = await db.UpdateReminders.AsNoTracking()
                    .Where(r => r.ClaimToken == token)
                    .Join(db.Incidents, r => r.IncidentId, i => i.Id, (r, i) => new ClaimedReminder(
                        r.IncidentId, i.Number, i.Name, i.Visibility == IncidentVisibility.Private, r.LeadId, r.NudgeCount, r.DueAt))
                    .ToListAsync(cancellationToken);
                var inserted = await db.Database.SqlQueryRaw<InsertedEvent>(InsertEventsSql(db),
                        token, nameof(IncidentVisibility.Private), NudgedKind, Actor.System.DisplayName,
                        "{\"v\":1,\"leadId\":\"", "\\", "\\\\", "\"", "\\\"", "\",\"nudgeNumber\":", "}")
                    .ToListAsync(cancellationToken);
                sequences = inserted.ToDictionary(e => e.IncidentId, e => e.Sequence);
            }

            await transaction.CommitAsync(cancellationToken);
        });

        if (claims.Count == 0)
        {
            return new NudgeSweepResult(now, []);
        }

        // In the order the log numbered them: consumers are handed events in sequence order.
        var events = new List<LoggedEvent>(claims.Count);
        var nudges = new List<UpdateNudge>(claims.Count);
        foreach (var c in claims.OrderBy(c => sequences[c.IncidentId]))
        {
            var nudged = new UpdateNudged(c.LeadId, c.NudgeCount);
            events.Add(new LoggedEvent(sequences[c.IncidentId], token, c.IncidentId, c.IncidentNumber, c.IsPrivate, now, null, Actor.System.DisplayName, null, nudged)
            {
                IncidentName = c.Name,
            });
            nudges.Add(new UpdateNudge(c.IncidentId, c.IncidentNumber, c.Name, c.LeadId, c.DueAt ?? now, now, c.NudgeCount, c.IsPrivate));
        }

        LogSwept(logger, nudges.Count);
        await dispatcher.DispatchAsync(events, cancellationToken);
        return new NudgeSweepResult(now, nudges);
    }

    private sealed record ClaimedReminder(int IncidentId, int IncidentNumber, string Name, bool IsPrivate, string LeadId, int NudgeCount, DateTimeOffset? DueAt);

    /// <summary>One row the event insert returns: the sequence the log gave the event of one incident.</summary>
    private sealed class InsertedEvent
    {
        public long Sequence { get; set; }

        public int IncidentId { get; set; }
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

    /// <summary>
    /// INSERT INTO EventLog ... SELECT ... FROM UpdateReminders JOIN Incidents WHERE ClaimToken = {0}: one
    /// <see cref="UpdateNudged"/> per claimed reminder, its payload (<c>{"v":1,"leadId":"...","nudgeNumber":n}</c>) put
    /// together with CONCAT and REPLACE, which SQLite, SQL Server and PostgreSQL share; every literal is a parameter.
    /// It returns each row's sequence and incident (RETURNING on SQLite and PostgreSQL, OUTPUT on SQL Server; the
    /// event log has no triggers, which SQL Server's OUTPUT without INTO requires).
    /// </summary>
    private static string InsertEventsSql(IncidentHubDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var log = db.Model.FindEntityType(typeof(EventLogEntry))!;
        var reminder = db.Model.FindEntityType(typeof(UpdateReminder))!;
        var incident = db.Model.FindEntityType(typeof(Incident))!;
        string Table(IEntityType type) => sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());
        string Column(IEntityType type, string property) =>
            sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()))!);
        string L(string property) => Column(log, property);
        string R(string property) => "r." + Column(reminder, property);
        string I(string property) => "i." + Column(incident, property);

        var leadId = $"REPLACE(REPLACE({R(nameof(UpdateReminder.LeadId))}, {{5}}, {{6}}), {{7}}, {{8}})";
        var sequence = L(nameof(EventLogEntry.Sequence));
        var incidentId = L(nameof(EventLogEntry.IncidentId));
        var sqlServer = string.Equals(db.Database.ProviderName, "Microsoft.EntityFrameworkCore.SqlServer", StringComparison.Ordinal);
        var output = sqlServer ? $"OUTPUT inserted.{sequence} AS {sql.DelimitIdentifier(nameof(InsertedEvent.Sequence))}, inserted.{incidentId} AS {sql.DelimitIdentifier(nameof(InsertedEvent.IncidentId))} " : "";
        var returning = sqlServer ? "" : $" RETURNING {sequence} AS {sql.DelimitIdentifier(nameof(InsertedEvent.Sequence))}, {incidentId} AS {sql.DelimitIdentifier(nameof(InsertedEvent.IncidentId))}";
        return $"INSERT INTO {Table(log)} ({L(nameof(EventLogEntry.ChangeId))}, {L(nameof(EventLogEntry.IncidentId))}, {L(nameof(EventLogEntry.IncidentNumber))}, "
            + $"{L(nameof(EventLogEntry.IsPrivate))}, {L(nameof(EventLogEntry.Kind))}, {L(nameof(EventLogEntry.OccurredAt))}, {L(nameof(EventLogEntry.RecordedAt))}, "
            + $"{L(nameof(EventLogEntry.ActorId))}, {L(nameof(EventLogEntry.ActorName))}, {L(nameof(EventLogEntry.TimelineEntryId))}, {L(nameof(EventLogEntry.Payload))}) "
            + output
            + $"SELECT {{0}}, {R(nameof(UpdateReminder.IncidentId))}, {I(nameof(Incident.Number))}, "
            + $"CASE WHEN {I(nameof(Incident.Visibility))} = {{1}} THEN 1 ELSE 0 END, {{2}}, "
            + $"{R(nameof(UpdateReminder.LastNudgedAt))}, {R(nameof(UpdateReminder.LastNudgedAt))}, NULL, {{3}}, NULL, "
            + $"CONCAT({{4}}, {leadId}, {{9}}, {R(nameof(UpdateReminder.NudgeCount))}, {{10}}) "
            + $"FROM {Table(reminder)} r INNER JOIN {Table(incident)} i ON {I(nameof(Incident.Id))} = {R(nameof(UpdateReminder.IncidentId))} "
            + $"WHERE {R(nameof(UpdateReminder.ClaimToken))} = {{0}} ORDER BY {R(nameof(UpdateReminder.IncidentId))}"
            + returning;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Update nudge sweep sent {Count} nudges")]
    private static partial void LogSwept(ILogger logger, int count);
}

/// <summary>What one sweep did.</summary>
public sealed record NudgeSweepResult(DateTimeOffset SweptAt, IReadOnlyList<UpdateNudge> Nudges);
