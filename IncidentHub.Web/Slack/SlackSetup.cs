using Hangfire;
using IncidentHub.Core.Chat;
using IncidentHub.Web.Attachments;
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

        services.AddChatOutbox();
        services.AddHttpClient(SlackApiClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackUsers>();
        services.AddSingleton<SlackPacer>();
        services.AddSingleton<SlackFileCopier>();
        services.AddSingleton<SlackInboxProcessor>();
        services.AddSingleton<Outbox.SlackOutboxCalls>();
        services.AddSingleton<Outbox.SlackChannelCalls>();
        services.AddSingleton<Outbox.SlackPoster>();
        services.AddSingleton<Outbox.SlackAnnouncements>();
        services.AddSingleton<Core.Chat.Outbox.IChatOutboxHandler, Outbox.SlackOutboxHandler>();
        services.AddSingleton<Core.Chat.Outbox.ChatOutboxPump>();
        services.AddSingleton<SlackWorkTrigger>();
        services.AddSingleton<IChatOutboxSignal>(sp => sp.GetRequiredService<SlackWorkTrigger>());
        services.AddSingleton<SlackDeclareModal>();
        services.AddSingleton<SlackClosingModal>();
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

/// <summary>
/// Sends what was left in the Slack inbox and outbox before a restart now rather than at the next sweep. (Calls
/// queued while running wake the outbox through <see cref="IChatOutboxSignal"/>.)
/// </summary>
public sealed class SlackOutboxWatcher(SlackWorkTrigger trigger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        trigger.RequestInbox();
        trigger.RequestOutbox();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
