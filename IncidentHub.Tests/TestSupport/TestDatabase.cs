using IncidentHub.Core.Data;
using IncidentHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// A real, migrated database for one test class, built the way the app builds its own: the provider's options from
/// <see cref="DatabaseSetup.BuildOptions"/>, the provider's context (and so its migrations) from
/// <see cref="ProviderDbContextFactory"/>, then <see cref="ReferenceData.EnsureAsync"/>.
/// </summary>
/// <remarks>
/// <para>
/// Use a flavour (<see cref="SqliteTestDatabase"/>, <see cref="SqlServerTestDatabase"/>) as an xunit class fixture.
/// Tests in one class run one after another, so <see cref="ResetAsync"/> before each test gives every test an empty
/// database with the default severities and roles (<see cref="DatabaseTest"/> does this for you).
/// </para>
/// <para>
/// Every context the factory creates carries <see cref="SaveHook"/>, which lets a test make a competing change at the
/// exact moment between a service's load and its save.
/// </para>
/// </remarks>
public abstract class TestDatabase : IAsyncLifetime
{
    private IDbContextFactory<IncidentHubDbContext>? _factory;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The database's connection string, once initialised (to point a whole app at it).</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Why this database cannot be used here (null when it can): the test should skip.</summary>
    public virtual string? UnavailableReason => null;

    /// <summary>Runs before the next <c>SaveChanges</c> of any context from <see cref="Factory"/>.</summary>
    public SaveHook SaveHook { get; } = new();

    /// <summary>Fails the next matching SQL command of any context from <see cref="Factory"/>.</summary>
    public CommandHook CommandHook { get; } = new();

    /// <summary>Creates short-lived contexts of the provider's own type, like the app's factory.</summary>
    public IDbContextFactory<IncidentHubDbContext> Factory =>
        _factory ?? throw new InvalidOperationException("The test database is not initialised (or is unavailable).");

    /// <summary>True where this database must be there (CI for PostgreSQL): a test fails rather than skips without it.</summary>
    public virtual bool MustRun => false;

    /// <summary>Skips the calling test (xunit dynamic skip) when this database cannot be used here, or fails it when it must run.</summary>
    public void SkipIfUnavailable()
    {
        if (UnavailableReason is { } reason)
        {
            if (MustRun)
            {
                Assert.Fail($"{reason}. This run requires it ({PostgreSqlServer.RequireVariable} is set), so the test fails instead of skipping.");
            }

            Assert.Skip(reason);
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (UnavailableReason is not null)
        {
            return;
        }

        ConnectionString = await PrepareAsync();
        var options = new DbContextOptionsBuilder<IncidentHubDbContext>(
                DatabaseSetup.BuildOptions(new DatabaseOptions { Provider = Provider, ConnectionString = ConnectionString }))
            .AddInterceptors(SaveHook, CommandHook)
            .Options;
        _factory = new ProviderDbContextFactory(options, Provider);

        await using var db = await _factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        await AfterMigrateAsync(db);
        await ReferenceData.EnsureAsync(db);
    }

    /// <summary>
    /// Empties the database and puts the default severities, roles and post-incident tasks back, as on a fresh installation. New rows get
    /// new ids (identity counters are not reset), so look ids up rather than assuming them.
    /// </summary>
    public async Task ResetAsync()
    {
        SaveHook.Clear();
        CommandHook.Clear();
        await using var db = await Factory.CreateDbContextAsync();
        // Children before parents: timeline entries point at updates, everything points at incidents.
        await db.EventLog.ExecuteDeleteAsync();
        await db.EventConsumers.ExecuteDeleteAsync();
        await db.NotRelatedMarks.ExecuteDeleteAsync();
        await db.ChatAttachmentContents.ExecuteDeleteAsync();
        await db.ChatAttachments.ExecuteDeleteAsync();
        await db.ChatMessageRevisions.ExecuteDeleteAsync();
        await db.ChatMessages.ExecuteDeleteAsync();
        await db.ChatMarks.ExecuteDeleteAsync();
        await db.ChatOutbox.ExecuteDeleteAsync();
        await db.ChatChannels.ExecuteDeleteAsync();
        await db.ChatInbox.ExecuteDeleteAsync();
        await db.ChatUsers.ExecuteDeleteAsync();
        await db.PublicImpacts.ExecuteDeleteAsync();
        await db.PublicUpdates.ExecuteDeleteAsync();
        await db.PublicNotices.ExecuteDeleteAsync();
        await db.AffectedServices.ExecuteDeleteAsync();
        await db.StatusComponents.ExecuteDeleteAsync();
        await db.IncidentAccessLog.ExecuteDeleteAsync();
        await db.IncidentAccessRequests.ExecuteDeleteAsync();
        await db.IncidentAccessGrants.ExecuteDeleteAsync();
        await db.Notifications.ExecuteDeleteAsync();
        await db.UpdateReminders.ExecuteDeleteAsync();
        await db.TimelineEntries.ExecuteDeleteAsync();
        await db.IncidentUpdates.ExecuteDeleteAsync();
        await db.IncidentActions.ExecuteDeleteAsync();
        await db.RoleAssignments.ExecuteDeleteAsync();
        await db.StatusPeriods.ExecuteDeleteAsync();
        await db.Incidents.ExecuteDeleteAsync();
        await db.IncidentTypes.ExecuteDeleteAsync();
        // Post-incident tasks go with their incidents; their definitions point at roles and severities.
        await db.PostIncidentTaskDefinitions.ExecuteDeleteAsync();
        await db.Severities.ExecuteDeleteAsync();
        await db.RoleDefinitions.ExecuteDeleteAsync();
        await db.UserTokens.ExecuteDeleteAsync();
        await db.AccountEvents.ExecuteDeleteAsync();
        await db.UserLogins.ExecuteDeleteAsync();
        await db.UserClaims.ExecuteDeleteAsync();
        await db.Users.ExecuteDeleteAsync();
        await db.Installation.ExecuteDeleteAsync();
        var digest = IncidentHub.Core.FollowUps.Digest.FollowUpDigestSettings.Defaults();
        await db.FollowUpDigestSettings.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.IsEnabled, digest.IsEnabled).SetProperty(x => x.Day, digest.Day).SetProperty(x => x.Hour, digest.Hour)
            .SetProperty(x => x.TimeZoneId, digest.TimeZoneId).SetProperty(x => x.SavedAt, (DateTimeOffset?)null).SetProperty(x => x.SavedBy, (string?)null)
            .SetProperty(x => x.LastSentWeek, (int?)null).SetProperty(x => x.LastSentAt, (DateTimeOffset?)null).SetProperty(x => x.Version, digest.Version));
        await ReferenceData.EnsureAsync(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await DropAsync(_factory);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Creates what the database needs (a file name, a database name) and returns its connection string.</summary>
    protected abstract Task<string> PrepareAsync();

    /// <summary>Provider-specific set-up after the migrations, mirroring what the app does at start.</summary>
    protected virtual Task AfterMigrateAsync(IncidentHubDbContext db) => Task.CompletedTask;

    /// <summary>Deletes the database and everything it left behind.</summary>
    protected abstract Task DropAsync(IDbContextFactory<IncidentHubDbContext> factory);
}
