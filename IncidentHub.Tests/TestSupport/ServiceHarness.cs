using IncidentHub.Core;
using IncidentHub.Core.Actions;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Demo;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Notifications;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Reviews;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Severities;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Core.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// Core's services wired as the app wires them, on a <see cref="TestDatabase"/>: <c>AddIncidentHubCore()</c>, the
/// database factory, Identity (same options and stores as <c>AuthSetup</c>), a <see cref="FakeTimeProvider"/> as the
/// clock and a <see cref="RecordingChangeFeed"/> as the live feed. One per test.
/// </summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    /// <summary>The fake clock starts here: a Tuesday morning, UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Every account the harness creates signs in with this.</summary>
    public const string Password = "correct-horse-battery";

    /// <summary>The set-up code first-run calls in service tests give (and expect).</summary>
    public const string SetupCode = "HARN-ESS1-CODE";

    private readonly ServiceProvider _services;
    private int _accounts;

    /// <param name="configure">Extra registrations after Core's (a chat outbox, a test interceptor).</param>
    public ServiceHarness(TestDatabase database, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IIncidentChangeFeed>(Feed);
        services.AddSingleton<INotificationFeed>(NotificationFeed);
        services.AddSingleton<IncidentHub.Core.StatusPage.IStatusPageCache>(StatusPageCache);
        services.AddSingleton(database.Factory);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<IncidentHubDbContext>>().CreateDbContext());
        services.AddIdentityCore<AppUser>(ConfigureIdentity)
            .AddEntityFrameworkStores<IncidentHubDbContext>()
            .AddDefaultTokenProviders();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddIncidentHubCore();
        services.AddIncidentHubChat();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    public RecordingChangeFeed Feed { get; } = new();

    public RecordingNotificationFeed NotificationFeed { get; } = new();

    public RecordingStatusPageCache StatusPageCache { get; } = new();

    public IServiceProvider Services => _services;

    public IncidentService Incidents => Get<IncidentService>();

    public UpdateService Updates => Get<UpdateService>();

    public RoleAssignmentService Roles => Get<RoleAssignmentService>();

    public TimelineService Timeline => Get<TimelineService>();

    public ActionService Actions => Get<ActionService>();

    public SeverityService Severities => Get<SeverityService>();

    public RoleDefinitionService RoleDefinitions => Get<RoleDefinitionService>();

    public UserAccountService Accounts => Get<UserAccountService>();

    public IncidentQueries IncidentQueries => Get<IncidentQueries>();

    public ReminderService Reminders => Get<ReminderService>();

    public UpdateNudgeSweeper Sweeper => Get<UpdateNudgeSweeper>();

    public NotificationService Notifications => Get<NotificationService>();

    public IncidentHub.Core.Access.IncidentAccessService Access => Get<IncidentHub.Core.Access.IncidentAccessService>();

    public IncidentHub.Core.StatusPage.PublicationService Publication => Get<IncidentHub.Core.StatusPage.PublicationService>();

    public IncidentHub.Core.StatusPage.StatusComponentService StatusComponents => Get<IncidentHub.Core.StatusPage.StatusComponentService>();

    public IncidentHub.Core.StatusPage.StatusPageQueries StatusPage => Get<IncidentHub.Core.StatusPage.StatusPageQueries>();

    public IncidentHub.Core.Board.BoardQueries Board => Get<IncidentHub.Core.Board.BoardQueries>();

    public ReviewQueries ReviewQueries => Get<ReviewQueries>();

    public DirectoryQueries Directory => Get<DirectoryQueries>();

    public DemoDataSeeder DemoData => Get<DemoDataSeeder>();

    /// <summary>The Identity options the app uses (a copy of <c>AuthSetup</c>'s; a test keeps the two equal).</summary>
    public static void ConfigureIdentity(IdentityOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = NewUserForm.PasswordMin;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.AllowedForNewUsers = false;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Creates an active account with <paramref name="role"/> and returns it as an actor.</summary>
    public async Task<Actor> CreateAccountAsync(AppRole role, string? displayName = null)
    {
        var n = Interlocked.Increment(ref _accounts);
        var name = displayName ?? $"{role} {n}";
        var user = await Accounts.CreateAsync(name, $"user{n}@test.incidenthub", Password, role, "Password");
        return user.ToActor();
    }

    public Task<Actor> CreateResponderAsync(string? displayName = null) => CreateAccountAsync(AppRole.Responder, displayName);

    public Task<Actor> CreateViewerAsync(string? displayName = null) => CreateAccountAsync(AppRole.Viewer, displayName);

    public Task<Actor> CreateAdminAsync(string? displayName = null) => CreateAccountAsync(AppRole.Admin, displayName);

    /// <summary>The id of the severity called <paramref name="name"/> (defaults: Minor, Major, Critical).</summary>
    public Task<int> SeverityIdAsync(string name) =>
        QueryAsync(db => db.Severities.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    /// <summary>The id of the first role definition of <paramref name="kind"/>.</summary>
    public Task<int> RoleIdAsync(IncidentRoleKind kind) =>
        QueryAsync(db => db.RoleDefinitions.Where(r => r.Kind == kind).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());

    /// <summary>Declares an incident through the real service; <paramref name="configure"/> adjusts the request.</summary>
    public async Task<DeclaredIncident> DeclareAsync(
        Actor actor,
        string name = "Checkout failing",
        string severity = "Major",
        Action<DeclareIncidentRequest>? configure = null)
    {
        var request = new DeclareIncidentRequest { Name = name, SeverityId = await SeverityIdAsync(severity) };
        configure?.Invoke(request);
        return await Incidents.DeclareAsync(actor, request);
    }

    /// <summary>
    /// Walks the incident along the lifecycle to <paramref name="status"/> through the real service (Triage →
    /// Investigating → Fixing → Monitoring → Resolved → Closed, or Triage → Declined), one status change per step.
    /// </summary>
    public async Task MoveToAsync(Actor actor, int incidentId, IncidentStatus status)
    {
        var current = (await LoadIncidentAsync(incidentId)).Status;
        IncidentStatus[] path = status == IncidentStatus.Declined
            ? [IncidentStatus.Declined]
            : [.. IncidentStatuses.All.Where(s => s > current && s <= status && s != IncidentStatus.Declined)];
        foreach (var next in path)
        {
            await Incidents.ChangeStatusAsync(actor, incidentId, current, next);
            current = next;
        }
    }

    /// <summary>Reads the database directly, in a fresh context, to check what a service really wrote.</summary>
    public async Task<T> QueryAsync<T>(Func<IncidentHubDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await Database.Factory.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>The incident as stored, with its current roles and actions (as services load it).</summary>
    public Task<Incident> LoadIncidentAsync(int incidentId) =>
        QueryAsync(db => IncidentCommandRunner.LoadAsync(db, incidentId, CancellationToken.None));

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
