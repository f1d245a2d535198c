using Hangfire;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Live;
using IncidentHub.Core.Reminders;
using IncidentHub.Web.Attachments;
using IncidentHub.Web.Live;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Slack;

/// <summary>
/// Slack's place in the app. The settings and the admin page are always there; everything that talks to Slack (the
/// outbox written with every change, nudges in channels, the inbox writer, the jobs) only when Slack is configured.
/// The endpoints are always mapped and answer 404 while Slack is off.
/// </summary>
public static class SlackSetup
{
    public static IServiceCollection AddIncidentHubSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.SectionName))
            // Links back to IncidentHub: Slack's own setting, or else the installation's public address.
            .PostConfigure<IOptions<IncidentHubOptions>>((o, hub) => o.PublicUrl = string.IsNullOrWhiteSpace(o.PublicUrl) ? hub.Value.PublicRoot : o.PublicUrl)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.AddIncidentHubChat();
        services.AddSingleton<SlackAdmin>();
        // Copies of images already shared stay viewable even after Slack is disconnected.
        services.AddSingleton<AttachmentLinks>();

        var slack = configuration.GetSection(SlackOptions.SectionName).Get<SlackOptions>() ?? new SlackOptions();
        if (!slack.IsConfigured)
        {
            return services;
        }

        services.AddChatOutbox(SlackOptions.Provider);
        services.AddSingleton<INudgeChannel, SlackNudgeChannel>();
        services.AddHttpClient(SlackApiClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackUsers>();
        services.AddSingleton<SlackPacer>();
        services.AddSingleton<SlackFileCopier>();
        services.AddSingleton<SlackInboxProcessor>();
        services.AddSingleton<SlackOutboxDrainer>();
        services.AddSingleton<SlackWorkTrigger>();
        services.AddSingleton<SlackDeclareModal>();
        services.AddSingleton<SlackCommands>();
        services.AddSingleton<SlackInboxWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackInboxWriter>());
        services.AddHostedService<SlackOutboxWatcher>();
        services.AddTransient<SlackInboxJob>();
        services.AddTransient<SlackOutboxJob>();
        return services;
    }

    public static WebApplication UseIncidentHubSlack(this WebApplication app)
    {
        app.MapSlackEndpoints();
        app.MapAttachmentEndpoints();
        var options = app.Services.GetRequiredService<IOptions<SlackOptions>>().Value;
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        if (options.IsConfigured)
        {
            var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
            recurring.AddOrUpdate<SlackInboxJob>(SlackInboxJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), options.SweepCron, utc);
            recurring.AddOrUpdate<SlackOutboxJob>(SlackOutboxJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), options.SweepCron, utc);
        }
        else
        {
            // A shared job store may remember them from a time Slack was configured.
            recurring.RemoveIfExists(SlackInboxJob.RecurringJobId);
            recurring.RemoveIfExists(SlackOutboxJob.RecurringJobId);
        }

        return app;
    }
}

/// <summary>Queues the Slack outbox as soon as a change is committed (the change wrote its calls in its transaction).</summary>
public sealed class SlackOutboxWatcher(LiveIncidentFeed feed, SlackWorkTrigger trigger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(null, change =>
        {
            if (change.Kind != IncidentChangeKind.TimelineChanged || change.ActorId is not null)
            {
                trigger.RequestOutbox();
            }

            return Task.CompletedTask;
        });

        // Work left from before a restart goes out now rather than at the next sweep.
        trigger.RequestInbox();
        trigger.RequestOutbox();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Update nudges in the incident's channel (Core writes them to the outbox), sent straight away.</summary>
public sealed class SlackNudgeChannel(ChatNudgeChannel chat, SlackWorkTrigger trigger) : INudgeChannel
{
    public async Task DeliverAsync(IReadOnlyList<UpdateNudge> nudges, CancellationToken cancellationToken)
    {
        await chat.DeliverAsync(nudges, cancellationToken);
        trigger.RequestOutbox();
    }
}
