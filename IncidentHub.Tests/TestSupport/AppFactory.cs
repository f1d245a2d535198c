using IncidentHub.Core.Common;
using IncidentHub.Core.Users;
using IncidentHub.Web.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// The real app on its own fresh SQLite file. With <see cref="RealServer"/> it listens on a loopback port for a
/// browser; otherwise it serves through the in-memory test server. <see cref="Time"/>, when set, replaces the clock.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    public const string Password = "test-password-123";

    /// <summary>The first-run set-up code every test app is given through configuration (<c>IncidentHub:SetupCode</c>).</summary>
    public const string SetupCode = "TEST-SETUP-CODE-1";

    private readonly string _databasePath;
    private readonly bool _ownsDatabase;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _environment;

    /// <param name="databasePath">Share a database file with another app (another "host"); it is then not deleted.</param>
    /// <param name="settings">Configuration for this app, e.g. <c>Jobs:NudgeSweepCron</c>.</param>
    /// <param name="services">Extra registrations for this app (a test interceptor, say).</param>
    /// <param name="environment">The hosting environment (Production for what only production does, like HSTS).</param>
    public AppFactory(
        bool realServer = false,
        FakeTimeProvider? time = null,
        string? databasePath = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string environment = "Testing")
    {
        _environment = environment;
        _services = services;
        RealServer = realServer;
        Time = time;
        _ownsDatabase = databasePath is null;
        _databasePath = databasePath ?? NewDatabasePath();
        _settings = settings ?? new Dictionary<string, string?>();
        if (realServer)
        {
            UseKestrel(0);
        }
    }

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"incidenthub-web-{Guid.NewGuid():N}.db");

    /// <summary>Deletes a database file (and its WAL side files) that apps shared.</summary>
    public static void DeleteDatabase(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(path + suffix);
            }
            catch (IOException)
            {
                // A file still held open by a late connection is left for the OS to clean up.
            }
        }
    }

    public bool RealServer { get; }

    public FakeTimeProvider? Time { get; }

    /// <summary>The loopback address of the real server, e.g. http://127.0.0.1:40123.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.UseSetting("ConnectionStrings:IncidentHub", $"Data Source={_databasePath}");
        builder.UseSetting("IncidentHub:SetupCode", SetupCode);
        // Every test signs in from the same (missing) address; tests of the limits set their own.
        builder.UseSetting("RateLimits:SignInPerAddressPerMinute", "10000");
        builder.UseSetting("RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("RateLimits:PublicPerAddressPerMinute", "100000");
        builder.UseSetting("RateLimits:PublicBurstPerAddress", "100000");
        if (RealServer)
        {
            builder.UseSetting("urls", "http://127.0.0.1:0");
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>();
            if (Time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
            }

            _services?.Invoke(services);
        });
    }

    /// <summary>Creates the first admin directly, as if first-run set-up had been completed.</summary>
    public async Task<TestUser> CompleteSetupAsync(string name = "Ada Admin")
    {
        var accounts = Services.GetRequiredService<UserAccountService>();
        var email = EmailFor(name);
        var actor = await accounts.CreateFirstAdminAsync(new FirstRunForm
        {
            SetupCode = SetupCode,
            DisplayName = name,
            Email = email,
            Password = Password,
            ConfirmPassword = Password,
            LoadDemoData = false,
        }, Services.GetRequiredService<FirstRunCode>().Code);
        Services.GetRequiredService<SetupState>().MarkComplete();
        return new TestUser(actor, email);
    }

    public async Task<TestUser> CreateUserAsync(string name, AppRole role)
    {
        var accounts = Services.GetRequiredService<UserAccountService>();
        var email = EmailFor(name);
        var user = await accounts.CreateAsync(name, email, Password, role, "Password");
        return new TestUser(user.ToActor(), email);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_ownsDatabase)
        {
            DeleteDatabase(_databasePath);
        }
    }

    private static string EmailFor(string name) =>
        name.ToLowerInvariant().Replace(' ', '.') + "@test.incidenthub";
}

/// <summary>A person the test created: how services see them and how they sign in.</summary>
public sealed record TestUser(Actor Actor, string Email)
{
    public string Password => AppFactory.Password;

    public string Name => Actor.DisplayName;
}
