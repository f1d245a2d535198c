using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Events;

/// <summary>
/// Reads the event log in order from a position. Writers take <see cref="EventLogWriterLock"/> before they insert, so
/// events commit in the order of their sequences: a reader that has seen an event has seen every one before it (gaps,
/// from rolled-back transactions or SQL Server's identity cache, never fill later).
/// </summary>
public static class EventLogReader
{
    public static async Task<IReadOnlyList<LoggedEvent>> ReadAfterAsync(IncidentHubDbContext db, long position, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.EventLog.AsNoTracking()
            .Where(e => e.Sequence > position)
            .OrderBy(e => e.Sequence)
            .Take(max)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToLoggedEvent())];
    }

    /// <summary>The head of the log: the sequence of the newest event (0 when empty).</summary>
    public static async Task<long> HeadAsync(IncidentHubDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.EventLog.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
    }
}

/// <summary>
/// Makes transactions that write events take turns, so that sequences commit in order. Taken first thing in the
/// transaction (before any row lock, so two writers never wait for each other both ways) and released when it ends.
/// SQLite needs nothing: it has one writer at a time already. SQL Server takes an application lock and PostgreSQL an
/// advisory lock. The price is that changes to incidents commit one after another there too; each holds the lock for
/// a few milliseconds.
/// </summary>
public static class EventLogWriterLock
{
    /// <summary>The lock's name (SQL Server) and key (PostgreSQL).</summary>
    public const string Resource = "IncidentHub.EventLog";

    private const long AdvisoryKey = 0x1_4e_1d_e7_7L;

    public static Task AcquireAsync(IncidentHubDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.SqlServer" => db.Database.ExecuteSqlRawAsync(
                "EXEC sp_getapplock @Resource = {0}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000", [Resource], cancellationToken),
            "Npgsql.EntityFrameworkCore.PostgreSQL" => db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [AdvisoryKey], cancellationToken),
            _ => Task.CompletedTask,
        };
    }
}
