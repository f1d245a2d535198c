// Search, the insights page's queries for 365 days, and similar incidents, over a generated SQLite file of 20,000
// incidents with 1,000,000 timeline entries (and 100,000 updates, 40,000 actions, 60,000 status periods), each measured
// beside a bare baseline in the same run: the very SQL IncidentHub sent (captured on its first, warm-up run), replayed
// on a raw connection and read to the end, so the ratio is what EF, the services and the C# around the SQL cost.
// The rows are written with prepared raw inserts in one transaction with the search index's triggers off, then the
// index is built the way the SearchIndex migration builds it (SearchIndexSql.CreateSqlite: the same triggers, filled
// from the tables); its growth is the file's page count before and after, per timeline entry.
//
//   dotnet build -c Release bench/SearchAndInsights
//   taskset -c 1 dotnet bench/SearchAndInsights/bin/Release/net10.0/SearchAndInsights.dll [rounds]
//   (BENCH_DB=path keeps the generated file and reuses it on the next run; BENCH_PLAN=1 prints each captured
//   statement's query plan; BENCH_ONLY=search|insights|similar runs one part; BENCH_SUBJECTS=n asks for the similar
//   incidents of n incidents instead of 20)
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Insights;
using IncidentHub.Core.Search;
using IncidentHub.Core.Similar;
using IncidentHub.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

const int Incidents = 20_000;
const int EntriesPerIncident = 50;
const int UpdatesPerIncident = 5;
const int ActionsPerIncident = 2;
var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 5;
var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

var keep = Environment.GetEnvironmentVariable("BENCH_DB");
var path = keep ?? Path.Combine(Path.GetTempPath(), $"incidenthub-search-bench-{Guid.NewGuid():N}.db");
var capture = new CommandCapture();
var options = new DbContextOptionsBuilder<IncidentHubDbContext>(DatabaseSetup.BuildOptions(new DatabaseOptions
{
    Provider = DatabaseProvider.Sqlite,
    ConnectionString = $"Data Source={path}",
})).AddInterceptors(capture).Options;
IDbContextFactory<IncidentHubDbContext> factory = new ProviderDbContextFactory(options, DatabaseProvider.Sqlite);
var clock = new FixedClock(now);
var viewer = new Actor("bench-viewer", "Bench Viewer", AppRole.Responder);

try
{
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores visible, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, SQLite {SqliteVersion()}");
    Console.WriteLine($"load average at start: {LoadAverage()}");
    var seed = Stopwatch.StartNew();
    var (beforeIndex, afterIndex, entries) = await SeedAsync();
    seed.Stop();
    Console.WriteLine($"data set: {Incidents:N0} incidents, {entries:N0} timeline entries; {(beforeIndex == afterIndex ? "reused" : "generated and indexed")} in {seed.Elapsed.TotalSeconds:F1} s");
    var growth = afterIndex - beforeIndex;
    if (growth > 0)
    {
        Console.WriteLine($"search index: {growth:N0} bytes ({growth / (double)entries:F1} bytes per timeline entry, incidents and actions included); file {afterIndex:N0} bytes");
    }

    var search = new SearchQueries(factory);
    var insights = new InsightsQueries(factory, clock);
    var similar = new SimilarIncidentQueries(factory, clock);

    string[] queries =
    [
        "timeout", "database connection", "\"card authorisation\"", "payments api 502", "timeo", "dns resolution",
        "rollback deploy", "certificate expired", "kafka consumer lag", "memory leak", "duplicate", "eu-west-1 latency",
    ];
    var only = Environment.GetEnvironmentVariable("BENCH_ONLY");
    if (only is null || only.Contains("search", StringComparison.Ordinal))
    {
        await MeasureAsync("search (12 queries)", rounds, queries.Select(q => (Func<Task>)(async () =>
        {
            var results = await search.SearchAsync(viewer, new SearchRequest { Text = q });
            if (results.Problem is not null || results.Results.Count == 0)
            {
                throw new InvalidOperationException($"The search for {q} found nothing: {results.Problem}");
            }
        })).ToList(), target: 150, queries.Select(q => (Func<SqliteConnection, Task>)(c =>
            ScalarAsync(c, "SELECT COUNT(*) FROM SearchIndex WHERE SearchIndex MATCH $m", ("$m", SearchText.Parse(q).ToFts5())))).ToList());
    }

    if (only is null || only.Contains("insights", StringComparison.Ordinal))
    {
        await MeasureAsync("insights, last 365 days (whole page)", rounds, [async () =>
        {
            var report = await insights.GetAsync(viewer, InsightsFilter.LastDays(365, now, TimeZoneInfo.Utc));
            if (report.IncidentCount == 0)
            {
                throw new InvalidOperationException("Insights covered no incident.");
            }
        }], target: 500, [c => ScalarAsync(c,
            "SELECT COUNT(*), SUM(julianday(ResolvedAt) - julianday(DeclaredAt)) FROM Incidents WHERE DeclaredAt >= $from",
            ("$from", (now - TimeSpan.FromDays(365)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)))]);
    }

    var subjects = Enumerable.Range(0, int.TryParse(Environment.GetEnvironmentVariable("BENCH_SUBJECTS"), out var n) ? n : 20).Select(i => 1 + (i * 997 % Incidents)).ToList();
    if (only is null || only.Contains("similar", StringComparison.Ordinal))
    {
        await MeasureAsync($"similar incidents ({subjects.Count} incidents)", rounds, subjects.Select(id => (Func<Task>)(async () =>
        {
            // A private subject the viewer may not see answers empty at once, like the page would; most are standard.
            _ = await similar.ForIncidentAsync(viewer, id);
        })).ToList(), target: 200, subjects.Select(id => (Func<SqliteConnection, Task>)(async c =>
        {
            var name = (string)(await ScalarAsync(c, "SELECT Name FROM Incidents WHERE Id = $id", ("$id", id)))!;
            await ScalarAsync(c, "SELECT COUNT(*) FROM SearchIndex WHERE SearchIndex MATCH $m", ("$m", SearchText.Parse(name.Split(' ')[0]).ToFts5()));
        })).ToList());
    }

    Console.WriteLine($"load average at end: {LoadAverage()}");
}
finally
{
    SqliteConnection.ClearAllPools();
    if (keep is null)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}

// Runs each operation once to warm up and capture its SQL, then `rounds` times each beside the replay of its SQL.
// The fixed baseline is a bare statement of the same kind on the same data (a bare FTS5 MATCH count for search and
// similar, one pass over the year's incidents for insights), the same in every version of the code: it says how fast
// the machine was during the run, so runs at different loads compare as ratios.
async Task MeasureAsync(string name, int times, IReadOnlyList<Func<Task>> operations, double target, IReadOnlyList<Func<SqliteConnection, Task>> baselines)
{
    var captured = new List<List<CapturedCommand>>();
    foreach (var operation in operations)
    {
        await operation(); // warm EF's caches and SQLite's page cache
        capture.Start();
        await operation();
        captured.Add(capture.Stop());
    }

    var ours = new List<double>();
    var bare = new List<double>();
    var fixedBare = new List<double>();
    await using var connection = new SqliteConnection($"Data Source={path}");
    await connection.OpenAsync();
    for (var round = 0; round < times; round++)
    {
        for (var i = 0; i < operations.Count; i++)
        {
            var watch = Stopwatch.StartNew();
            await operations[i]();
            ours.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await ReplayAsync(connection, captured[i]);
            bare.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await baselines[i](connection);
            fixedBare.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    var p50 = Percentile(ours, 0.5);
    var p95 = Percentile(ours, 0.95);
    var b50 = Percentile(bare, 0.5);
    var b95 = Percentile(bare, 0.95);
    Console.WriteLine($"{name}: {ours.Count} samples, {captured.Average(c => c.Count):F1} statements each");
    Console.WriteLine($"  IncidentHub p50 {p50:F1} ms, p95 {p95:F1} ms, max {ours.Max():F1} ms (target {(target > p95 ? "met" : "MISSED")}: p95 < {target} ms)");
    Console.WriteLine($"  bare SQL    p50 {b50:F1} ms, p95 {b95:F1} ms, max {bare.Max():F1} ms");
    Console.WriteLine($"  ratio IncidentHub / bare: p50 {p50 / b50:F2}, p95 {p95 / b95:F2}");
    var f50 = Percentile(fixedBare, 0.5);
    var f95 = Percentile(fixedBare, 0.95);
    Console.WriteLine($"  fixed bare baseline p50 {f50:F1} ms, p95 {f95:F1} ms; ratio IncidentHub / fixed baseline: p50 {p50 / f50:F2}, p95 {p95 / f95:F2}");
    if (Environment.GetEnvironmentVariable("BENCH_PLAN") == "1")
    {
        foreach (var command in captured.SelectMany(c => c).DistinctBy(c => c.Text).Take(12))
        {
            Console.WriteLine("  plan for: " + command.Text.ReplaceLineEndings(" ")[..Math.Min(160, command.Text.Length)]);
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.Text;
            command.Bind(explain);
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine("    " + reader.GetString(3));
            }
        }
    }
}

static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
{
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    foreach (var (parameterName, value) in parameters)
    {
        command.Parameters.AddWithValue(parameterName, value);
    }

    return await command.ExecuteScalarAsync();
}

static async Task ReplayAsync(SqliteConnection connection, List<CapturedCommand> commands)
{
    var trace = Environment.GetEnvironmentVariable("BENCH_TRACE") == "1";
    foreach (var captured in commands)
    {
        var watch = Stopwatch.StartNew();
        await using var command = connection.CreateCommand();
        command.CommandText = captured.Text;
        captured.Bind(command);
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                for (var f = 0; f < reader.FieldCount; f++)
                {
                    _ = reader.GetValue(f);
                }
            }
        }
        while (await reader.NextResultAsync());
        if (trace)
        {
            Console.WriteLine($"    {watch.Elapsed.TotalMilliseconds,8:F1} ms  {captured.Text.ReplaceLineEndings(" ")[..Math.Min(150, captured.Text.Length)]}");
        }
    }
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(p * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static string SqliteVersion()
{
    using var connection = new SqliteConnection("Data Source=:memory:");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT sqlite_version()";
    return (string)command.ExecuteScalar()!;
}

async Task<(long BeforeIndex, long AfterIndex, long Entries)> SeedAsync()
{
    await using (var db = await factory.CreateDbContextAsync())
    {
        await db.Database.MigrateAsync();
        if (await db.Incidents.AnyAsync() && await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS Value FROM sqlite_master WHERE name = 'SearchIndex_TimelineEntries_Insert'").SingleAsync() == 1)
        {
            var count = await db.TimelineEntries.LongCountAsync();
            var size = await FileBytesAsync(db);
            Console.WriteLine($"reusing {path}");
            return (size, size, count);
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await ReferenceData.EnsureAsync(db);
    }

    await using var connection = new SqliteConnection($"Data Source={path}");
    await connection.OpenAsync();
    // A 1 GB page cache for the one-off build: FTS5 merges its segments many times over while 1,000,000 rows go in,
    // and with SQLite's default 2 MB cache each merge reads its pages back from the file.
    await Exec(connection, "PRAGMA cache_size = -1000000; PRAGMA temp_store = MEMORY;");
    await Exec(connection, SearchIndexSql.DropSqlite);
    var severities = await Ids(connection, "SELECT Id FROM Severities ORDER BY Rank");
    var severityNames = await Strings(connection, "SELECT Name FROM Severities ORDER BY Rank");
    var leadRole = (await Ids(connection, "SELECT Id FROM RoleDefinitions WHERE Kind = 'Lead'"))[0];
    var reporterRole = (await Ids(connection, "SELECT Id FROM RoleDefinitions WHERE Kind = 'Reporter'"))[0];
    var random = new Random(42);
    var text = new TextMaker(random);

    await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
    {
        var incident = Prepare(connection, transaction, """
            INSERT INTO Incidents (Id, Number, Name, Summary, CustomerImpact, DeclaredAt, DeclaredById, DetectedAt, ImpactStartedAt,
                MitigatedAt, ResolvedAt, ClosedAt, LastChangedAt, LastUpdateAt, LeadId, LeadName, SeverityId, Status, Version, Visibility)
            VALUES ($id, $id, $name, $summary, $impact, $declared, $lead, $detected, $impact_at, $mitigated, $resolved, $closed,
                $changed, $last_update, $lead, $lead_name, $severity, $status, $version, $visibility)
            """, "$id", "$name", "$summary", "$impact", "$declared", "$lead", "$detected", "$impact_at", "$mitigated", "$resolved",
            "$closed", "$changed", "$last_update", "$lead_name", "$severity", "$status", "$version", "$visibility");
        var entry = Prepare(connection, transaction, """
            INSERT INTO TimelineEntries (Id, IncidentId, Kind, ActorId, ActorName, Text, OccurredAt, RecordedAt, Source, IsHighlighted, UpdateId)
            VALUES ($id, $incident, $kind, $actor, $actor_name, $text, $at, $at, $source, $highlighted, $update)
            """, "$id", "$incident", "$kind", "$actor", "$actor_name", "$text", "$at", "$source", "$highlighted", "$update");
        var update = Prepare(connection, transaction, """
            INSERT INTO IncidentUpdates (Id, IncidentId, AuthorId, AuthorName, Message, PostedAt, DueAt, SeverityId, SeverityName, Status)
            VALUES ($id, $incident, $author, $author_name, $message, $at, $due, $severity, $severity_name, $status)
            """, "$id", "$incident", "$author", "$author_name", "$message", "$at", "$due", "$severity", "$severity_name", "$status");
        var action = Prepare(connection, transaction, """
            INSERT INTO IncidentActions (IncidentId, Title, OwnerId, OwnerName, Status, CreatedById, CreatedAt, CompletedAt, Kind, Priority)
            VALUES ($incident, $title, $owner, $owner_name, $status, $owner, $at, $completed, $kind, 'Medium')
            """, "$incident", "$title", "$owner", "$owner_name", "$status", "$at", "$completed", "$kind");
        var period = Prepare(connection, transaction, """
            INSERT INTO StatusPeriods (IncidentId, Status, StartedAt, EndedAt) VALUES ($incident, $status, $start, $end)
            """, "$incident", "$status", "$start", "$end");
        var role = Prepare(connection, transaction, """
            INSERT INTO RoleAssignments (IncidentId, RoleDefinitionId, UserId, UserName, AssignedAt, EndedAt) VALUES ($incident, $role, $user, $user_name, $at, $end)
            """, "$incident", "$role", "$user", "$user_name", "$at", "$end");

        long entryId = 0;
        long updateId = 0;
        for (var i = 1; i <= Incidents; i++)
        {
            // Spread over 400 days before now, so the 365-day period holds most but not all of them.
            var declared = now - TimeSpan.FromMinutes(random.Next(5, 400 * 24 * 60));
            var person = random.Next(200);
            var lead = $"user-{person}";
            var leadName = $"Person {person}";
            var severity = random.Next(severities.Count);
            var open = declared > now - TimeSpan.FromDays(2) && random.Next(3) == 0;
            var detected = declared + TimeSpan.FromMinutes(random.Next(0, 20));
            var mitigated = detected + TimeSpan.FromMinutes(random.Next(10, 600));
            var resolved = mitigated + TimeSpan.FromMinutes(random.Next(5, 300));
            var family = text.Family();
            Set(incident, "$id", i, "$name", text.Name(family), "$summary", text.Sentence(family, 18), "$impact", text.Sentence(family, 10),
                "$declared", Time(declared), "$lead", lead, "$detected", Time(detected), "$impact_at", Time(declared - TimeSpan.FromMinutes(random.Next(0, 30))),
                "$mitigated", open ? null : Time(mitigated), "$resolved", open ? null : Time(resolved), "$closed", open ? null : Time(resolved + TimeSpan.FromDays(1)),
                "$changed", Time(open ? declared : resolved), "$last_update", Time(declared + TimeSpan.FromMinutes(30)), "$lead_name", leadName,
                "$severity", severities[severity], "$status", open ? "Investigating" : "Closed", "$version", Guid.NewGuid().ToString(),
                "$visibility", random.Next(20) == 0 ? "Private" : "Standard");
            await incident.ExecuteNonQueryAsync();

            Set(role, "$incident", i, "$role", leadRole, "$user", lead, "$user_name", leadName, "$at", Time(declared), "$end", null);
            await role.ExecuteNonQueryAsync();
            Set(role, "$incident", i, "$role", reporterRole, "$user", lead, "$user_name", leadName, "$at", Time(declared), "$end", null);
            await role.ExecuteNonQueryAsync();

            var span = (open ? now : resolved) - declared;
            var statuses = new[] { "Triage", "Investigating", "Fixing" };
            for (var s = 0; s < statuses.Length; s++)
            {
                var start = declared + (span * s / statuses.Length);
                var end = s == statuses.Length - 1 && open ? (DateTimeOffset?)null : declared + (span * (s + 1) / statuses.Length);
                Set(period, "$incident", i, "$status", statuses[s], "$start", Time(start), "$end", end is null ? null : Time(end.Value));
                await period.ExecuteNonQueryAsync();
            }

            for (var a = 0; a < ActionsPerIncident; a++)
            {
                var done = !open && random.Next(3) > 0;
                Set(action, "$incident", i, "$title", text.Action(family), "$owner", lead, "$owner_name", leadName, "$status", done ? "Done" : "Outstanding",
                    "$at", Time(declared + TimeSpan.FromMinutes(5)), "$completed", done ? Time(resolved) : null, "$kind", a == 0 ? "DuringIncident" : "FollowUp");
                await action.ExecuteNonQueryAsync();
            }

            for (var e = 0; e < EntriesPerIncident; e++)
            {
                var at = declared + (span * e / EntriesPerIncident);
                long? ofUpdate = null;
                string kind;
                string words;
                if (e % (EntriesPerIncident / UpdatesPerIncident) == 1)
                {
                    ofUpdate = ++updateId;
                    words = text.Sentence(family, 25);
                    kind = "Update";
                    Set(update, "$id", updateId, "$incident", i, "$author", lead, "$author_name", leadName, "$message", words, "$at", Time(at),
                        "$due", Time(at + TimeSpan.FromMinutes(random.Next(15, 45))), "$severity", severities[severity], "$severity_name", severityNames[severity],
                        "$status", "Investigating");
                    await update.ExecuteNonQueryAsync();
                }
                else
                {
                    kind = e == 0 ? "Declared" : random.Next(3) == 0 ? "Note" : "Message";
                    words = e == 0 ? $"{leadName} declared the incident" : text.Sentence(family, random.Next(6, 30));
                }

                Set(entry, "$id", ++entryId, "$incident", i, "$kind", kind, "$actor", lead, "$actor_name", leadName, "$text", words, "$at", Time(at),
                    "$source", kind == "Message" ? "Slack" : "Web", "$highlighted", random.Next(40) == 0 ? 1 : 0, "$update", ofUpdate);
                await entry.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    await Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
    var before = await PageBytesAsync(connection);
    await Exec(connection, SearchIndexSql.CreateSqlite);
    await Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
    var after = await PageBytesAsync(connection);
    var entries = (await Ids(connection, "SELECT COUNT(*) FROM TimelineEntries"))[0];
    return (before, after, entries);
}

static async Task<long> FileBytesAsync(IncidentHubDbContext db) =>
    await db.Database.SqlQueryRaw<long>("SELECT page_count * page_size AS Value FROM pragma_page_count(), pragma_page_size()").SingleAsync();

static async Task<long> PageBytesAsync(SqliteConnection connection)
{
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT (page_count - freelist_count) * page_size FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size()";
    return (long)(await command.ExecuteScalarAsync())!;
}

static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

static async Task Exec(SqliteConnection connection, string sql)
{
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.CommandTimeout = 0;
    await command.ExecuteNonQueryAsync();
}

static async Task<List<long>> Ids(SqliteConnection connection, string sql)
{
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    await using var reader = await command.ExecuteReaderAsync();
    var ids = new List<long>();
    while (await reader.ReadAsync())
    {
        ids.Add(reader.GetInt64(0));
    }

    return ids;
}

static async Task<List<string>> Strings(SqliteConnection connection, string sql)
{
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    await using var reader = await command.ExecuteReaderAsync();
    var values = new List<string>();
    while (await reader.ReadAsync())
    {
        values.Add(reader.GetString(0));
    }

    return values;
}

static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
{
    var command = connection.CreateCommand();
    command.Transaction = transaction;
    command.CommandText = sql;
    foreach (var name in names)
    {
        command.Parameters.Add(new SqliteParameter(name, null));
    }

    command.Prepare();
    return command;
}

static void Set(SqliteCommand command, params object?[] pairs)
{
    for (var i = 0; i < pairs.Length; i += 2)
    {
        command.Parameters[(string)pairs[i]!].Value = pairs[i + 1] ?? DBNull.Value;
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>One SQL statement EF sent, with its parameters, to replay on a raw connection.</summary>
internal sealed record CapturedCommand(string Text, IReadOnlyList<(string Name, object Value, SqliteType Type)> Parameters)
{
    public void Bind(SqliteCommand command)
    {
        foreach (var (name, value, type) in Parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, type) { Value = value });
        }
    }
}

/// <summary>Records the queries EF sends while capturing.</summary>
internal sealed class CommandCapture : DbCommandInterceptor
{
    private List<CapturedCommand>? _commands;

    public void Start() => _commands = [];

    public List<CapturedCommand> Stop()
    {
        var commands = _commands ?? [];
        _commands = null;
        return commands;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command) =>
        _commands?.Add(new CapturedCommand(command.CommandText, [.. command.Parameters.Cast<SqliteParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value, p.SqliteType))]));
}

/// <summary>
/// Words for generated incidents: 40 failure families (each with its own service, symptom and cause words) and a
/// common vocabulary, so that words are spread like an organisation's real ones (a few very common, most rare).
/// </summary>
internal sealed class TextMaker(Random random)
{
    private static readonly string[] Services =
    [
        "payments", "checkout", "search", "login", "api", "gateway", "kafka", "postgres", "redis", "dns", "cdn", "billing",
        "notifications", "email", "sms", "webhooks", "reports", "exports", "mobile", "android", "ios", "ledger", "fraud",
        "inventory", "shipping", "catalog", "pricing", "identity", "sso", "vpn", "storage", "backups", "scheduler", "queue",
        "elasticsearch", "kubernetes", "ingress", "eu-west-1", "us-east-1", "ap-south-1",
    ];

    private static readonly string[] Symptoms =
    [
        "timeout", "timeouts", "latency", "502", "503", "errors", "failing", "degraded", "slow", "unavailable", "duplicate",
        "missing", "stuck", "lag", "leak", "crash", "crashloop", "outage", "spike", "expired", "rejected", "throttled",
    ];

    private static readonly string[] Causes =
    [
        "database connection pool exhausted", "card authorisation declined by the acquirer", "certificate expired",
        "dns resolution failing", "memory leak in the worker", "kafka consumer lag growing", "rollback deploy of the release",
        "disk full on the primary", "rate limit from the provider", "config change pushed to production",
        "replica fell behind the primary", "cache stampede after eviction", "retry storm from clients", "bad feature flag",
        "index missing after migration", "network partition between zones", "noisy neighbour on the host",
        "expired token for the integration", "queue consumer stuck on a poison message", "clock skew on the nodes",
    ];

    private static readonly string[] Common =
    [
        "we", "are", "looking", "into", "the", "issue", "customers", "seeing", "more", "since", "after", "deploy", "fix",
        "rolled", "back", "monitoring", "recovered", "again", "still", "investigating", "team", "paged", "on", "call",
        "impact", "limited", "to", "some", "users", "region", "traffic", "shifted", "restarted", "pods", "scaled", "up",
        "error", "rate", "dropped", "back", "normal", "root", "cause", "identified", "mitigation", "in", "place", "next",
        "update", "in", "30", "minutes", "checking", "dashboards", "alerts", "fired", "ticket", "opened", "with", "vendor",
    ];

    public int Family() => random.Next(Services.Length * Causes.Length);

    public string Name(int family) => $"{Cap(Services[family % Services.Length])} {Symptoms[random.Next(Symptoms.Length)]}: {Causes[family / Services.Length % Causes.Length]}";

    public string Action(int family) => $"Alert on {Services[family % Services.Length]} {Symptoms[random.Next(Symptoms.Length)]} ({random.Next(1000)})";

    public string Sentence(int family, int words)
    {
        var parts = new List<string>(words + 8);
        for (var w = 0; w < words; w++)
        {
            var roll = random.Next(10);
            parts.Add(roll switch
            {
                0 => Services[family % Services.Length],
                1 => Symptoms[random.Next(Symptoms.Length)],
                2 => CauseWord(family),
                3 => Services[random.Next(Services.Length)],
                _ => Common[random.Next(Common.Length)],
            });
        }

        if (random.Next(50) == 0)
        {
            parts.Add("tok" + random.Next(1_000_000).ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(' ', parts);
    }

    private string CauseWord(int family)
    {
        var words = Causes[family / Services.Length % Causes.Length].Split(' ');
        return words[random.Next(words.Length)];
    }

    private static string Cap(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
