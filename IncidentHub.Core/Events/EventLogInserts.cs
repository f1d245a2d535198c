using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Events;

/// <summary>
/// Writes one change's event rows so that the log numbers them in the order they happened. All in one
/// <c>SaveChanges</c> (one batch: a few statements, not one per event, which a 200-message chat batch would pay
/// 200 times under the database's write lock); SQLite and PostgreSQL number such a batch in order. A provider that
/// numbers a batch some other way (SQL Server's <c>MERGE</c> does not promise an order) is caught by the check that
/// follows, and the rows are then written again one at a time, in the same transaction.
/// </summary>
internal static class EventLogInserts
{
    /// <param name="rows">Builds each row, in the order the events happened (called again for the row-at-a-time path).</param>
    /// <returns>The rows as saved, in the order of <paramref name="rows"/>, with their sequences.</returns>
    public static async Task<IReadOnlyList<EventLogEntry>> InsertInOrderAsync(
        IncidentHubDbContext db, string changeId, IReadOnlyList<Func<EventLogEntry>> rows, CancellationToken cancellationToken)
    {
        // Only these rows are new now: nothing for EF to detect in the rest of the change.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var batch = rows.Select(r => r()).ToList();
            db.EventLog.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            if (IsInOrder(batch))
            {
                return batch;
            }

            // Numbered out of order: take them back (nobody can have read them yet) and write them one by one.
            foreach (var row in batch)
            {
                db.Entry(row).State = EntityState.Detached;
            }

            await db.EventLog.Where(e => e.ChangeId == changeId).ExecuteDeleteAsync(cancellationToken);
            var single = new List<EventLogEntry>(rows.Count);
            foreach (var build in rows)
            {
                var row = build();
                db.EventLog.Add(row);
                await db.SaveChangesAsync(cancellationToken);
                single.Add(row);
            }

            return single;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    internal static bool IsInOrder(IReadOnlyList<EventLogEntry> rows)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].Sequence <= rows[i - 1].Sequence)
            {
                return false;
            }
        }

        return true;
    }
}
