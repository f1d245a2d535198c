using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IncidentHub.Core.Data;
using IncidentHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// One throwaway PostgreSQL server for the whole test run, started from Debian's binaries
/// (<c>/usr/lib/postgresql/*/bin</c>) on a free loopback port with its data in a temporary folder, and stopped (the
/// folder deleted) when the test process ends. Never the machine's own service. Durability is switched off
/// (<c>fsync</c>, <c>synchronous_commit</c>, <c>full_page_writes</c>): a crash loses only test data.
/// <para>
/// The IncidentHub migrations run once, into a template database; every test database is a copy of it
/// (<c>CREATE DATABASE ... TEMPLATE</c>, a file copy), so a test class pays a few tens of milliseconds, not a migration.
/// </para>
/// <para>
/// <see cref="ServerVariable"/> points the tests at a server of your own instead (a connection string whose user may
/// create databases).
/// </para>
/// </summary>
public sealed class PostgreSqlServer
{
    /// <summary>A connection string to an existing server to use instead of starting one.</summary>
    public const string ServerVariable = "INCIDENTHUB_TEST_POSTGRESQL";

    /// <summary>Set (to anything but empty or 0) where the PostgreSQL tests must run: they fail instead of skipping. CI sets it.</summary>
    public const string RequireVariable = "INCIDENTHUB_REQUIRE_POSTGRESQL";

    private const string TemplateName = "incidenthub_template";

    private static readonly Lazy<Task<PostgreSqlServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly SemaphoreSlim CreateLock = new(1, 1);

    private readonly string _adminConnectionString;

    private PostgreSqlServer(string adminConnectionString) => _adminConnectionString = adminConnectionString;

    public static bool IsRequired =>
        Environment.GetEnvironmentVariable(RequireVariable) is { Length: > 0 } value && value != "0";

    /// <summary>Why no server can be had here (null when one can).</summary>
    public static string? UnavailableReason { get; } = FindUnavailableReason();

    /// <summary>The run's server, started on first use.</summary>
    public static Task<PostgreSqlServer> GetAsync() => Shared.Value;

    /// <summary>A new database copied from the migrated template; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"incidenthub_tests_{Guid.NewGuid():N}";
        await CreateLock.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"");
        }
        finally
        {
            CreateLock.Release();
        }

        return ConnectionStringFor(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever is still connected.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = database, Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string? FindUnavailableReason()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ServerVariable)))
        {
            return null;
        }

        if (FindBinaries() is null)
        {
            return "PostgreSQL's server binaries (/usr/lib/postgresql/*/bin/initdb and pg_ctl) are not installed: install Debian's postgresql package (sudo apt-get install postgresql)";
        }

        if (Environment.UserName == "root" && !File.Exists("/usr/sbin/runuser"))
        {
            return "PostgreSQL refuses to run as root and runuser is missing to run it as the postgres user";
        }

        return null;
    }

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static async Task<PostgreSqlServer> StartAsync()
    {
        var own = Environment.GetEnvironmentVariable(ServerVariable);
        var server = string.IsNullOrWhiteSpace(own) ? new PostgreSqlServer(await StartLocalAsync()) : new PostgreSqlServer(own);
        await server.MigrateTemplateAsync();
        return server;
    }

    /// <summary>initdb into a temporary folder, then pg_ctl start on a free loopback port; returns the admin connection string.</summary>
    private static async Task<string> StartLocalAsync()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(UnavailableReason);
        // PostgreSQL will not run as root: then it runs as Debian's postgres user, which owns the data folder.
        var asUser = Environment.UserName == "root" ? "postgres" : null;
        var dataDir = Path.Combine(Path.GetTempPath(), $"incidenthub-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDir);
        if (asUser is not null)
        {
            await RunAsync("/bin/chown", null, asUser, dataDir);
        }

        var port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), asUser, "-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        var options = $"-p {port} -k {dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            + "-c max_connections=300 -c shared_buffers=64MB";
        await RunAsync(Path.Combine(bin, "pg_ctl"), asUser, "-D", dataDir, "-l", Path.Combine(dataDir, "server.log"), "-o", options, "-w", "-t", "60", "start");

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RecordCpu(dataDir);
                RunAsync(Path.Combine(bin, "pg_ctl"), asUser, "-D", dataDir, "-m", "immediate", "-w", "stop").GetAwaiter().GetResult();
            }
            finally
            {
                Directory.Delete(dataDir, recursive: true);
            }
        };

        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            Pooling = false,
        }.ConnectionString;
    }

    /// <summary>The template: the PostgreSQL migrations applied once, then no one left connected (a template must be idle to be copied).</summary>
    private async Task MigrateTemplateAsync()
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateName}\" WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE \"{TemplateName}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = TemplateName, Pooling = false }.ConnectionString;
        var options = DatabaseSetup.BuildOptions(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = connectionString });
        await using var db = new ProviderDbContextFactory(options, DatabaseProvider.PostgreSql).CreateDbContext();
        await db.Database.MigrateAsync();
    }

    /// <summary>Where to write the server's CPU seconds at the end of the run (to measure what PostgreSQL costs the suite).</summary>
    public const string CpuFileVariable = "INCIDENTHUB_TEST_POSTGRESQL_CPU_FILE";

    /// <summary>
    /// The postmaster's own CPU plus that of its ended children (every backend, from /proc/&lt;pid&gt;/stat), written
    /// to the file named by <see cref="CpuFileVariable"/> when it is set.
    /// </summary>
    private static void RecordCpu(string dataDir)
    {
        if (Environment.GetEnvironmentVariable(CpuFileVariable) is not { Length: > 0 } file)
        {
            return;
        }

        var pid = File.ReadLines(Path.Combine(dataDir, "postmaster.pid")).First().Trim();
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 to 17 (utime, stime, cutime, cstime), counted from 1 in the whole line; 3 is fields[0] here.
        var ticks = fields[11..15].Sum(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture));
        File.WriteAllText(file, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ticks / 100.0:F1}\n"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string? asUser, params string[] args)
    {
        var start = new ProcessStartInfo(asUser is null ? file : "/usr/sbin/runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is not null)
        {
            foreach (var a in new[] { "-u", asUser, "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}

/// <summary>
/// A database of its own on the run's <see cref="PostgreSqlServer"/>, copied from the migrated template and dropped on
/// dispose. Without PostgreSQL's binaries, tests using it skip and say which package to install; with
/// <see cref="PostgreSqlServer.RequireVariable"/> set (CI), they fail instead.
/// </summary>
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string? UnavailableReason => PostgreSqlServer.UnavailableReason;

    public override bool MustRun => PostgreSqlServer.IsRequired;

    protected override async Task<string> PrepareAsync() => await (await PostgreSqlServer.GetAsync()).CreateDatabaseAsync();

    protected override async Task DropAsync(IDbContextFactory<IncidentHubDbContext> factory) =>
        await (await PostgreSqlServer.GetAsync()).DropDatabaseAsync(ConnectionString);
}
