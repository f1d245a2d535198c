// Sustained load of signed, distinct Slack events against POST /slack/events, measured with wrk beside a bare
// endpoint in the same run, then a kill-and-restart check. See docs/performance.md.
//
//   dotnet build -c Release IncidentHub.Web && dotnet run -c Release --project bench/SlackEvents [-- seconds connections]
//
// 1. Prepares a SQLite database with the real migrations, one incident whose Slack channel is C0BENCH and the Slack
//    people already known, and one file of pre-signed events per wrk thread (distinct event ids and message ts).
// 2. Starts the real app (Release, Production, its own process) with Slack configured against an API address where
//    nothing listens, so nothing waits on Slack; runs wrk (warm-up, then the measured run) with events.lua.
// 3. Counts what was acknowledged, what reached the timeline by the end of the run and after the inbox drained, and
//    checks that no message is on the timeline twice.
// 4. Runs the same wrk load against a bare Kestrel endpoint in this process (reads the body, answers 200).
// 5. Kill check: a fresh database, a C# load generator that remembers which events got 200, the app killed (SIGKILL)
//    mid-run and restarted, unacknowledged events re-sent as Slack would (X-Slack-Retry-Num), then every acknowledged
//    event must be on the timeline exactly once.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Events;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Users;
using IncidentHub.Web.Data;
using IncidentHub.Web.Slack;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

const string Secret = "bench-signing-secret";
const string Channel = "C0BENCH";
const int Threads = 2;

// BENCH_WRK_CPU=1 runs wrk on that core alone (start the bench itself with `taskset -c 0`: the app, its background
// processing and the bare endpoint inherit core 0), so the load generator does not take the server's core.
var wrkCpu = Environment.GetEnvironmentVariable("BENCH_WRK_CPU") is { Length: > 0 } cpu ? cpu : null;

var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
var connections = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
var repo = FindRepository();
var webDll = Path.Combine(repo, "IncidentHub.Web", "bin", "Release", "net10.0", "IncidentHub.Web.dll");
var script = Path.Combine(repo, "bench", "SlackEvents", "events.lua");
if (!File.Exists(webDll))
{
    Console.Error.WriteLine($"Build the app first: dotnet build -c Release IncidentHub.Web ({webDll} is missing)");
    return 2;
}

var work = Directory.CreateTempSubdirectory("incidenthub-slack-bench-").FullName;
var clock = TimeProvider.System;
var nextEvent = 0;
try
{
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    Console.WriteLine($"wrk: {Threads} threads, {connections} connections, {seconds} s measured after 5 s of warm-up");

    // ----- IncidentHub -----
    var database = Path.Combine(work, "bench.db");
    var incidentId = await PrepareDatabaseAsync(database);
    var perThread = Math.Max(10_000, seconds * 8_000 / Threads);
    WriteRequests(Path.Combine(work, "warmup"), 20_000 / Threads);
    WriteRequests(work, perThread);
    var port = FreePort();
    var app = StartApp(database, port);
    await WaitHealthyAsync(port);
    await WrkAsync(port, Path.Combine(work, "warmup"), 5, connections);
    await WaitDrainedAsync(database, TimeSpan.FromMinutes(5));
    var before = await CountsAsync(database, incidentId);
    var ours = await WrkAsync(port, work, seconds, connections);
    var atEnd = await CountsAsync(database, incidentId);
    var drain = Stopwatch.StartNew();
    await WaitDrainedAsync(database, TimeSpan.FromMinutes(10));
    drain.Stop();
    var final = await CountsAsync(database, incidentId);
    Stop(app);

    // ----- Bare baseline, same machine, same load -----
    var basePort = FreePort();
    var bare = WebApplication.CreateSlimBuilder();
    bare.Logging.ClearProviders();
    bare.WebHost.UseUrls($"http://127.0.0.1:{basePort}");
    var baseline = bare.Build();
    baseline.MapPost("/slack/events", async (HttpContext http) =>
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        return Results.Ok();
    });
    await baseline.StartAsync();
    await WrkAsync(basePort, Path.Combine(work, "warmup"), 5, connections);
    var bareRun = await WrkAsync(basePort, work, seconds, connections);
    await baseline.StopAsync();

    var acked = ours.Requests - ours.Errors;
    var sentDistinct = Math.Min(ours.Requests, perThread * Threads);
    Console.WriteLine();
    Console.WriteLine($"| | requests/s | p50 | p99 | max | non-2xx/errors |");
    Console.WriteLine($"|---|---|---|---|---|---|");
    Console.WriteLine($"| IncidentHub POST /slack/events | {ours.PerSecond:N0} | {ours.P50} | {ours.P99} | {ours.Max} | {ours.Errors} |");
    Console.WriteLine($"| bare endpoint | {bareRun.PerSecond:N0} | {bareRun.P50} | {bareRun.P99} | {bareRun.Max} | {bareRun.Errors} |");
    Console.WriteLine($"ratio IncidentHub / bare (requests per second): {ours.PerSecond / bareRun.PerSecond:F2}");
    Console.WriteLine($"events acknowledged in the run: {acked:N0} ({sentDistinct:N0} distinct sent; file wrapped: {ours.Requests > perThread * Threads})");
    Console.WriteLine($"stored in the inbox: {final.Inbox - before.Inbox:N0}; on the timeline at the end of the run: {atEnd.Timeline - before.Timeline:N0}; "
        + $"after the inbox drained ({drain.Elapsed.TotalSeconds:F1} s later): {final.Timeline - before.Timeline:N0}");
    Console.WriteLine($"timeline entries: {final.Timeline:N0}, distinct message ts: {final.DistinctTs:N0} (duplicates: {final.Timeline - final.DistinctTs})");
    var ok = final.Timeline == final.DistinctTs && final.Timeline - before.Timeline == final.Inbox - before.Inbox && final.Inbox - before.Inbox >= acked - (ours.Requests - sentDistinct);

    // ----- Kill and restart -----
    Console.WriteLine();
    ok &= await KillCheckAsync();
    Console.WriteLine(ok ? "RESULT: every acknowledged event is on the timeline exactly once." : "RESULT: MISMATCH (see above)");
    return ok ? 0 : 1;
}
finally
{
    SqliteConnection.ClearAllPools();
    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (IOException)
    {
        // Left for the OS to clean.
    }
}

// Pre-signed events, one file per wrk thread; signatures made now (Slack's window is 5 minutes).
void WriteRequests(string folder, int count)
{
    Directory.CreateDirectory(folder);
    var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    for (var thread = 0; thread < Threads; thread++)
    {
        using var file = new StreamWriter(Path.Combine(folder, $"requests-{thread}.txt"), false, new UTF8Encoding(false));
        for (var i = 0; i < count; i++)
        {
            var body = EventBody(Interlocked.Increment(ref nextEvent));
            file.Write(timestamp);
            file.Write('\t');
            file.Write(SlackSignature.Sign(Secret, timestamp, Encoding.UTF8.GetBytes(body)));
            file.Write('\t');
            file.Write(body);
            file.Write('\n');
        }
    }
}

// A person's message in the bench channel, in the shape of Slack's own fixtures; n makes event id and ts distinct.
string EventBody(int n)
{
    var ts = (1_764_000_000L + n / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (n % 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
    return new JsonObject
    {
        ["token"] = "ignored",
        ["team_id"] = "T0BENCH",
        ["api_app_id"] = "A0BENCH",
        ["event"] = new JsonObject
        {
            ["client_msg_id"] = Guid.NewGuid().ToString(),
            ["type"] = "message",
            ["text"] = $"Bench message {n}: error rate 0.{n % 97}% on checkout-api, p99 {n % 900} ms",
            ["user"] = "U0BENCH",
            ["ts"] = ts,
            ["team"] = "T0BENCH",
            ["channel"] = Channel,
            ["event_ts"] = ts,
            ["channel_type"] = "channel",
        },
        ["type"] = "event_callback",
        ["event_id"] = "Ev0BENCH" + n.ToString("000000000", CultureInfo.InvariantCulture),
        ["event_time"] = 1_764_000_000,
        ["authorizations"] = new JsonArray { new JsonObject { ["team_id"] = "T0BENCH", ["user_id"] = "U0BOT", ["is_bot"] = true } },
        ["is_ext_shared_channel"] = false,
    }.ToJsonString();
}

// The real migrations, one incident linked to the bench channel, and the Slack person already in the directory.
async Task<int> PrepareDatabaseAsync(string path)
{
    var options = DatabaseSetup.BuildOptions(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" });
    var factory = new ProviderDbContextFactory(options, DatabaseProvider.Sqlite);
    await using var db = factory.CreateDbContext();
    await db.Database.MigrateAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    await ReferenceData.EnsureAsync(db);
    await db.SaveChangesAsync();
    var actor = new Actor("bench-lead", "Bench Lead", AppRole.Responder);
    // Declared through the event pipeline like any change (no consumers here: nothing listens yet).
    var pipeline = new IncidentEventPipeline(new EventDispatcher(factory, [], clock, NullLogger<EventDispatcher>.Instance), clock);
    await using var declaring = factory.CreateDbContext();
    var incident = await pipeline.SaveAsync(declaring, async (_, ct) =>
    {
        var severity = await declaring.Severities.FirstAsync(s => s.Name == "Major", ct);
        var lead = await declaring.RoleDefinitions.SingleAsync(r => r.Kind == IncidentRoleKind.Lead, ct);
        var reporter = await declaring.RoleDefinitions.SingleAsync(r => r.Kind == IncidentRoleKind.Reporter, ct);
        var declared = Incident.Declare(1, new DeclareIncidentRequest { Name = "Checkout failing", SeverityId = severity.Id }, severity,
            new UserRef(actor.UserId, actor.DisplayName), lead, reporter, actor, clock.GetUtcNow());
        declaring.Incidents.Add(declared);
        return declared;
    });
    var now = clock.GetUtcNow().UtcDateTime;
    await db.Database.ExecuteSqlInterpolatedAsync($"""
        INSERT INTO "ChatChannels" ("IncidentId", "ExternalId", "Name", "IsPrivate", "RequestedAt", "CreatedAt")
        VALUES ({incident.Id}, {Channel}, 'inc-1-checkout-failing', 0, {now}, {now})
        """);
    await db.Database.ExecuteSqlInterpolatedAsync($"""
        INSERT INTO "ChatUsers" ("ExternalId", "DisplayName", "Email", "MatchedUserId", "Kind", "RefreshedAt")
        VALUES ('U0BENCH', 'Bench Person', NULL, NULL, 'Member', {now})
        """);
    return incident.Id;
}

Process StartApp(string database, int port)
{
    var start = new ProcessStartInfo("dotnet", [webDll, "--urls", $"http://127.0.0.1:{port}"])
    {
        WorkingDirectory = Path.GetDirectoryName(webDll)!,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    start.Environment["ConnectionStrings__IncidentHub"] = $"Data Source={database}";
    start.Environment["Slack__SigningSecret"] = Secret;
    start.Environment["Slack__BotToken"] = "xoxb-bench-token";
    start.Environment["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/";
    start.Environment["Slack__LeaseSeconds"] = "25";
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Error";
    if (Environment.GetEnvironmentVariable("BENCH_NO_PROCESSING") == "1")
    {
        // Experiment only: acknowledge without applying (no Hangfire server in the app).
        start.Environment["Jobs__RunServer"] = "false";
    }

    var process = Process.Start(start)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, _) => { };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static void Stop(Process process)
{
    if (!process.HasExited)
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }
}

static async Task WaitHealthyAsync(int port)
{
    using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
    for (var i = 0; i < 300; i++)
    {
        try
        {
            if ((await client.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"))).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }
        catch (TaskCanceledException)
        {
        }

        await Task.Delay(200);
    }

    throw new InvalidOperationException("The app did not start.");
}

async Task<WrkResult> WrkAsync(int port, string folder, int duration, int conns)
{
    string[] wrk = ["wrk", "-t", Threads.ToString(CultureInfo.InvariantCulture), "-c", conns.ToString(CultureInfo.InvariantCulture),
        "-d", $"{duration}s", "--latency", "--timeout", "10s", "-s", script, $"http://127.0.0.1:{port}", "--", folder];
    var start = new ProcessStartInfo(wrkCpu is null ? "wrk" : "taskset", wrkCpu is null ? wrk[1..] : ["-c", wrkCpu, .. wrk])
    {
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };
    using var process = Process.Start(start)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    string Match(string pattern) => Regex.Match(output, pattern, RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value.Trim() : "";
    var requests = long.Parse(Match(@"^\s*(\d+) requests in"), CultureInfo.InvariantCulture);
    var non2xx = Match(@"Non-2xx or 3xx responses:\s*(\d+)") is { Length: > 0 } n ? long.Parse(n, CultureInfo.InvariantCulture) : 0;
    var socketErrors = Regex.Matches(Match(@"Socket errors:(.*)$"), @"\d+").Sum(m => long.Parse(m.Value, CultureInfo.InvariantCulture));
    return new WrkResult(
        double.Parse(Match(@"Requests/sec:\s*([\d.]+)"), CultureInfo.InvariantCulture),
        Match(@"^\s*50%\s+(\S+)"),
        Match(@"^\s*99%\s+(\S+)"),
        Match(@"^\s*Latency\s+\S+\s+\S+\s+(\S+)"),
        requests,
        non2xx + socketErrors);
}

static async Task<Counts> CountsAsync(string database, int incidentId)
{
    await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
    await connection.OpenAsync();
    async Task<long> ScalarAsync(string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    return new Counts(
        await ScalarAsync("SELECT COUNT(*) FROM \"ChatInbox\""),
        await ScalarAsync($"SELECT COUNT(*) FROM \"TimelineEntries\" WHERE \"IncidentId\" = {incidentId} AND \"Source\" = 'Slack'"),
        await ScalarAsync($"SELECT COUNT(DISTINCT \"ExternalId\") FROM \"TimelineEntries\" WHERE \"IncidentId\" = {incidentId} AND \"Source\" = 'Slack'"),
        await ScalarAsync("SELECT COUNT(*) FROM \"ChatInbox\" WHERE \"Status\" = 'Pending'"));
}

static async Task WaitDrainedAsync(string database, TimeSpan timeout)
{
    var until = Stopwatch.StartNew();
    while ((await CountsAsync(database, 0)).Pending > 0)
    {
        if (until.Elapsed > timeout)
        {
            throw new TimeoutException("The inbox did not drain.");
        }

        await Task.Delay(250);
    }
}

async Task<bool> KillCheckAsync()
{
    var database = Path.Combine(work, "kill.db");
    var incidentId = await PrepareDatabaseAsync(database);
    var port = FreePort();
    var app = StartApp(database, port);
    await WaitHealthyAsync(port);
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
    var acked = new ConcurrentDictionary<int, bool>();
    var unacked = new ConcurrentDictionary<int, bool>();
    var run = Stopwatch.StartNew();
    var running = true;

    async Task<bool> SendAsync(int n, int retry)
    {
        var body = EventBody(n);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Sign(Secret, timestamp, Encoding.UTF8.GetBytes(body)));
        if (retry > 0)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
        }

        try
        {
            using var response = await client.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    var workers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
    {
        while (Volatile.Read(ref running))
        {
            var n = Interlocked.Increment(ref nextEvent);
            if (await SendAsync(n, 0))
            {
                acked[n] = true;
            }
            else
            {
                unacked[n] = true;
                await Task.Delay(20);
            }
        }
    })).ToList();

    await Task.Delay(TimeSpan.FromSeconds(4));
    var beforeKill = acked.Count;
    Stop(app);
    var killedAt = run.Elapsed;
    app = StartApp(database, port);
    await WaitHealthyAsync(port);
    var backAt = run.Elapsed;
    await Task.Delay(TimeSpan.FromSeconds(4));
    Volatile.Write(ref running, false);
    await Task.WhenAll(workers);

    // Slack retries what was not acknowledged; so do we, until it is.
    var retried = 0;
    foreach (var n in unacked.Keys)
    {
        for (var attempt = 1; !await SendAsync(n, attempt); attempt++)
        {
            await Task.Delay(100);
        }

        acked[n] = true;
        retried++;
    }

    await WaitDrainedAsync(database, TimeSpan.FromMinutes(3));
    var counts = await CountsAsync(database, incidentId);
    Stop(app);
    Console.WriteLine($"kill check: {beforeKill:N0} events acknowledged before the app was killed (SIGKILL at {killedAt.TotalSeconds:F1} s, back at {backAt.TotalSeconds:F1} s); "
        + $"{acked.Count:N0} acknowledged in all, {retried:N0} of them after Slack-style retries of unacknowledged deliveries");
    Console.WriteLine($"kill check: inbox {counts.Inbox:N0}, timeline {counts.Timeline:N0}, distinct ts {counts.DistinctTs:N0}, still pending {counts.Pending}");
    return counts.Inbox == acked.Count && counts.Timeline == acked.Count && counts.DistinctTs == counts.Timeline;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "IncidentHub.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository.");
}

internal sealed record WrkResult(double PerSecond, string P50, string P99, string Max, long Requests, long Errors);

internal sealed record Counts(long Inbox, long Timeline, long DistinctTs, long Pending);
