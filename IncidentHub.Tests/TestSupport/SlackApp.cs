using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// The app connected to a <see cref="FakeSlack"/>: an <see cref="AppFactory"/> with the Slack settings, signed
/// requests to its /slack/* endpoints, and waits for the background jobs (the inbox applied, the outbox drained).
/// Uses the real clock: Slack signatures are checked against it.
/// </summary>
public sealed class SlackApp : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private SlackApp(FakeSlack slack, AppFactory app)
    {
        Slack = slack;
        App = app;
        Requests = new SlackRequests(app.RealServer ? new HttpClient { BaseAddress = app.ServerAddress } : app.CreateClient(), () => TimeProvider.System.GetUtcNow());
    }

    public FakeSlack Slack { get; }

    public AppFactory App { get; }

    public SlackRequests Requests { get; }

    public TestUser Admin { get; private set; } = null!;

    public static async Task<SlackApp> StartAsync(
        bool realServer = false,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string? announcements = "C0ANNOUNCE")
    {
        var slack = await FakeSlack.StartAsync();
        var merged = slack.Settings(announcements);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var app = new AppFactory(realServer: realServer, settings: merged, services: services);
        var connected = new SlackApp(slack, app);
        connected.Admin = await app.CompleteSetupAsync();
        return connected;
    }

    /// <summary>An account, and the same person in Slack (same email), so they are matched.</summary>
    public async Task<TestUser> PersonAsync(string name, AppRole role, string slackId)
    {
        var user = await App.CreateUserAsync(name, role);
        Slack.AddUser(slackId, name, user.Email);
        return user;
    }

    /// <summary>Declares through the service and waits until Slack has made its channel.</summary>
    public async Task<(DeclaredIncident Incident, string ChannelId)> DeclareWithChannelAsync(TestUser by, string name, TestUser? lead = null, bool isPrivate = false)
    {
        var incident = await App.DeclareAsync(by, name, lead: lead, isPrivate: isPrivate);
        string? channelId = null;
        await Eventually.TrueAsync(async () => (channelId = await ChannelIdAsync(incident.Id)) is not null, Wait, $"Slack has a channel for {incident.Reference}");
        return (incident, channelId!);
    }

    public async Task<string?> ChannelIdAsync(int incidentId)
    {
        await using var db = await DbAsync();
        return await db.ChatChannels.Where(c => c.IncidentId == incidentId).Select(c => c.ExternalId).SingleOrDefaultAsync();
    }

    /// <summary>Waits until every stored event has been applied (or ignored).</summary>
    public Task InboxDrainedAsync() => Eventually.TrueAsync(async () =>
    {
        await using var db = await DbAsync();
        return !await db.ChatInbox.AnyAsync(i => i.Status == ChatInboxStatus.Pending);
    }, Wait, "every Slack event has been applied");

    /// <summary>Waits until no call waits in the outbox.</summary>
    public Task OutboxDrainedAsync() => Eventually.TrueAsync(async () =>
    {
        await using var db = await DbAsync();
        return !await db.ChatOutbox.AnyAsync(o => o.Status == ChatOutboxStatus.Pending);
    }, Wait, "every call to Slack has gone out");

    public async Task<List<TimelineEntry>> SlackEntriesAsync(int incidentId)
    {
        await using var db = await DbAsync();
        return await db.TimelineEntries.Where(e => e.IncidentId == incidentId && e.Source == TimelineSource.Slack && e.Kind == TimelineEntryKind.Message)
            .OrderBy(e => e.OccurredAt).ToListAsync();
    }

    public async Task<T> QueryAsync<T>(Func<IncidentHubDbContext, Task<T>> query)
    {
        await using var db = await DbAsync();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Slack.DisposeAsync();
    }

    private Task<IncidentHubDbContext> DbAsync() => App.Get<IDbContextFactory<IncidentHubDbContext>>().CreateDbContextAsync();
}

/// <summary>
/// One <see cref="SlackApp"/> for a whole test class, with a cast: Lee Lead and Sam Okafor (responders) and Vic Viewer,
/// each with a Slack account of the same email (U0LEE, U0SAM, U0VIC), and two people only in Slack: Sam Slack (U0SLACK),
/// a full member of the workspace, and Gus Guest (U0GUEST), a guest. Tests share it and keep apart by using their own
/// incidents.
/// </summary>
public sealed class SlackAppFixture : IAsyncLifetime
{
    public SlackApp Slack { get; private set; } = null!;

    public TestUser Lee { get; private set; } = null!;

    public TestUser Sam { get; private set; } = null!;

    public TestUser Vic { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Slack = await SlackApp.StartAsync();
        Lee = await Slack.PersonAsync("Lee Lead", AppRole.Responder, "U0LEE");
        Sam = await Slack.PersonAsync("Sam Okafor", AppRole.Responder, "U0SAM");
        Vic = await Slack.PersonAsync("Vic Viewer", AppRole.Viewer, "U0VIC");
        Slack.Slack.AddUser("U0SLACK", "Sam Slack", "sam@elsewhere.example");
        Slack.Slack.AddUser("U0GUEST", "Gus Guest", "gus@elsewhere.example", guest: true);
    }

    public async ValueTask DisposeAsync() => await Slack.DisposeAsync();
}
