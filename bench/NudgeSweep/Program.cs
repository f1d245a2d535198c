// One update-nudge sweep over 10,000 active incidents of which 1,000 are due, on a SQLite file, measured beside a bare
// baseline: the same claim, notification insert (and event-log insert) written by hand on a raw connection. The sweep
// runs with the consumers a Slack-less installation has (the live feed and notifications, their feeds no-ops), so its
// time includes writing the 1,000 events and dispatching them. Each round resets the 1,000 due reminders and deletes
// their notifications (and the baseline's event rows, so the sweep's consumers are never handed the baseline's events),
// so every round does the same work.
//
//   dotnet run -c Release --project bench/NudgeSweep [-- rounds]      (BENCH_TRACE=1: print each statement's start)
using System.Data.Common;
using System.Diagnostics;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Events;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Notifications;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Users;
using IncidentHub.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

const int Active = 10_000;
const int Due = 1_000;
const string BarePrefix = "bare"; // the ChangeId and claim token of the baseline's rows
var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 7;

var path = Path.Combine(Path.GetTempPath(), $"incidenthub-bench-{Guid.NewGuid():N}.db");
var counter = new CommandCounter();
var options = new DbContextOptionsBuilder<IncidentHubDbContext>(DatabaseSetup.BuildOptions(new DatabaseOptions
{
    Provider = DatabaseProvider.Sqlite,
    ConnectionString = $"Data Source={path}",
})).AddInterceptors(counter).Options;
IDbContextFactory<IncidentHubDbContext> factory = new ProviderDbContextFactory(options, DatabaseProvider.Sqlite);
var clock = new ManualClock(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
var dispatcher = new EventDispatcher(factory, [new LiveFeedConsumer(new NoChanges()), new NotificationConsumer(new NoNotices())], clock, NullLogger<EventDispatcher>.Instance);
var pipeline = new IncidentEventPipeline(dispatcher, clock);

try
{
    await SeedAsync();
    var sweeper = new UpdateNudgeSweeper(factory, clock, dispatcher, NullLogger<UpdateNudgeSweeper>.Instance);

    var ours = new List<double>();
    var bare = new List<double>();
    var bareWithEvents = new List<double>();
    var statements = new List<int>();
    for (var round = 0; round < rounds; round++)
    {
        await ResetAsync();
        counter.Reset();
        var watch = Stopwatch.StartNew();
        var result = await sweeper.SweepAsync();
        watch.Stop();
        if (CommandCounter.Tracing)
        {
            Console.WriteLine($"  [end {watch.Elapsed.TotalMilliseconds,8:F1} ms] round {round}");
        }

        if (result.Nudges.Count != Due)
        {
            throw new InvalidOperationException($"Expected {Due} nudges, got {result.Nudges.Count}.");
        }

        ours.Add(watch.Elapsed.TotalMilliseconds);
        statements.Add(counter.Count);

        await ResetAsync();
        watch.Restart();
        var claimed = await BareSweepAsync(withEvents: false);
        watch.Stop();
        if (claimed != Due)
        {
            throw new InvalidOperationException($"Baseline claimed {claimed}.");
        }

        bare.Add(watch.Elapsed.TotalMilliseconds);

        await ResetAsync();
        watch.Restart();
        claimed = await BareSweepAsync(withEvents: true);
        watch.Stop();
        if (claimed != Due)
        {
            throw new InvalidOperationException($"Baseline with events claimed {claimed}.");
        }

        bareWithEvents.Add(watch.Elapsed.TotalMilliseconds);
    }

    // The first round warms up EF's model and query caches; report it apart.
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    Console.WriteLine($"incidents: {Active} active, {Due} due; rounds: {rounds} (first is a cold start)");
    Console.WriteLine($"cold sweep: {ours[0]:F1} ms ({statements[0]} statements)");
    Console.WriteLine($"sweep (IncidentHub) warm median {Median(ours.Skip(1)):F1} ms, min {ours.Skip(1).Min():F1}, max {ours.Skip(1).Max():F1}; statements per sweep: {string.Join(",", statements.Distinct())}");
    Console.WriteLine($"bare SQL baseline   warm median {Median(bare.Skip(1)):F1} ms, min {bare.Skip(1).Min():F1}, max {bare.Skip(1).Max():F1}");
    Console.WriteLine($"bare SQL + events   warm median {Median(bareWithEvents.Skip(1)):F1} ms, min {bareWithEvents.Skip(1).Min():F1}, max {bareWithEvents.Skip(1).Max():F1}");
    Console.WriteLine($"ratio IncidentHub / baseline (medians): {Median(ours.Skip(1)) / Median(bare.Skip(1)):F2}; / baseline with events: {Median(ours.Skip(1)) / Median(bareWithEvents.Skip(1)):F2}");
}
finally
{
    SqliteConnection.ClearAllPools();
    foreach (var suffix in new[] { "", "-wal", "-shm" })
    {
        File.Delete(path + suffix);
    }
}


static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

async Task SeedAsync()
{
    await using (var db = await factory.CreateDbContextAsync())
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await ReferenceData.EnsureAsync(db);
    }

    var lead = new Actor("bench-lead", "Bench Lead", AppRole.Responder);
    var batch = 1_000;
    for (var start = 0; start < Active; start += batch)
    {
        // Through the event pipeline, a thousand declarations to a unit of work: their events are logged like any.
        await using var db = await factory.CreateDbContextAsync();
        var first = start;
        await pipeline.SaveAsync(db, async (_, ct) =>
        {
            var severity = await db.Severities.FirstAsync(s => s.Name == "Major", ct);
            var leadRole = await db.RoleDefinitions.SingleAsync(x => x.Kind == IncidentRoleKind.Lead, ct);
            var reporter = await db.RoleDefinitions.SingleAsync(x => x.Kind == IncidentRoleKind.Reporter, ct);
            for (var i = first; i < first + batch; i++)
            {
                // The first 1,000 were declared 31 minutes ago (due); the rest 10 minutes ago (not due).
                var declaredAt = clock.GetUtcNow() - TimeSpan.FromMinutes(i < Due ? 31 : 10);
                var request = new DeclareIncidentRequest { Name = $"Bench incident {i}", SeverityId = severity.Id, Summary = "Seeded for the sweep benchmark." };
                db.Incidents.Add(Incident.Declare(i + 1, request, severity, new UserRef(lead.UserId, lead.DisplayName), leadRole, reporter, lead, declaredAt));
            }

            return true;
        });
    }
}

async Task ResetAsync()
{
    var dueTicks = (clock.GetUtcNow() - TimeSpan.FromMinutes(1)).UtcTicks;
    await using var db = await factory.CreateDbContextAsync();
    await db.Notifications.ExecuteDeleteAsync();

    // The baseline's own event rows go, and the log's counter with them, as if it had never run: otherwise the next
    // sweep's dispatch would first hand the consumers the baseline's 1,000 events (twice the work, 14 statements).
    await db.EventLog.Where(e => e.ChangeId.StartsWith(BarePrefix)).ExecuteDeleteAsync();
    await db.Database.ExecuteSqlRawAsync("""UPDATE sqlite_sequence SET seq = (SELECT MAX("Sequence") FROM "EventLog") WHERE name = 'EventLog'""");
    await db.UpdateReminders.Where(x => x.IncidentId <= Due).ExecuteUpdateAsync(s => s
        .SetProperty(x => x.NextNudgeAtTicks, dueTicks)
        .SetProperty(x => x.NudgeCount, 0));
}

// The least the database has to do: claim the due rows and write their notifications (and their events), in one
// transaction, then read them back.
async Task<int> BareSweepAsync(bool withEvents)
{
    await using var connection = new SqliteConnection($"Data Source={path}");
    await connection.OpenAsync();
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    var now = clock.GetUtcNow();
    var token = BarePrefix + Guid.NewGuid().ToString("N")[BarePrefix.Length..];
    await using var claim = connection.CreateCommand();
    claim.Transaction = transaction;
    claim.CommandText = """
        UPDATE "UpdateReminders" SET "ClaimToken" = $token, "LastNudgedAt" = $now, "NudgeCount" = "NudgeCount" + 1,
            "NextNudgeAtTicks" = $ticks + "CadenceSeconds" * 10000000
        WHERE "NextNudgeAtTicks" IS NOT NULL AND "NextNudgeAtTicks" <= $ticks
        """;
    claim.Parameters.AddWithValue("$token", token);
    claim.Parameters.AddWithValue("$now", now.UtcDateTime);
    claim.Parameters.AddWithValue("$ticks", now.UtcTicks);
    var claimed = await claim.ExecuteNonQueryAsync();
    await using var insert = connection.CreateCommand();
    insert.Transaction = transaction;
    insert.CommandText = """
        INSERT INTO "Notifications" ("UserId", "Kind", "IncidentId", "CreatedAt")
        SELECT "LeadId", 'UpdateDue', "IncidentId", "LastNudgedAt" FROM "UpdateReminders" WHERE "ClaimToken" = $token
        """;
    insert.Parameters.AddWithValue("$token", token);
    await insert.ExecuteNonQueryAsync();
    if (withEvents)
    {
        await using var events = connection.CreateCommand();
        events.Transaction = transaction;
        events.CommandText = """
            INSERT INTO "EventLog" ("ChangeId", "IncidentId", "IncidentNumber", "IsPrivate", "Kind", "OccurredAt", "RecordedAt", "ActorId", "ActorName", "TimelineEntryId", "Payload")
            SELECT $token, r."IncidentId", i."Number", 0, 'update.nudged', r."LastNudgedAt", r."LastNudgedAt", NULL, 'IncidentHub', NULL,
                '{"v":1,"leadId":"' || r."LeadId" || '","nudgeNumber":' || r."NudgeCount" || '}'
            FROM "UpdateReminders" r JOIN "Incidents" i ON i."Id" = r."IncidentId" WHERE r."ClaimToken" = $token ORDER BY r."IncidentId"
            """;
        events.Parameters.AddWithValue("$token", token);
        await events.ExecuteNonQueryAsync();
    }

    await transaction.CommitAsync();
    await using var read = connection.CreateCommand();
    read.CommandText = """SELECT r."IncidentId", i."Number", i."Name", r."LeadId" FROM "UpdateReminders" r JOIN "Incidents" i ON i."Id" = r."IncidentId" WHERE r."ClaimToken" = $token""";
    read.Parameters.AddWithValue("$token", token);
    await using var reader = await read.ExecuteReaderAsync();
    var rows = 0;
    while (await reader.ReadAsync())
    {
        rows++;
    }

    return Math.Min(claimed, rows);
}

internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal sealed class NoChanges : IncidentHub.Core.Live.IIncidentChangeFeed
{
    public void Publish(IncidentHub.Core.Live.IncidentChange change)
    {
    }
}

internal sealed class NoNotices : INotificationFeed
{
    public void Publish(NotificationNotice notice)
    {
    }
}

/// <summary>Counts every SQL command EF sends.</summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    /// <summary>BENCH_TRACE=1 prints every statement with its start, in milliseconds since the round began.</summary>
    public static bool Tracing { get; } = Environment.GetEnvironmentVariable("BENCH_TRACE") == "1";

    private readonly Stopwatch _watch = new();

    public void Reset()
    {
        _count = 0;
        _watch.Restart();
    }

    private void Trace(DbCommand command)
    {
        if (Tracing)
        {
            var sql = command.CommandText.Replace('\n', ' ');
            Console.WriteLine($"  [{_watch.Elapsed.TotalMilliseconds,8:F1} ms] {sql[..Math.Min(110, sql.Length)]}");
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        Trace(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        Trace(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        Trace(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}
