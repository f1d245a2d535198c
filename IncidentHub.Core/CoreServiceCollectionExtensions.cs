using IncidentHub.Core.Access;
using IncidentHub.Core.Actions;
using IncidentHub.Core.Board;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Demo;
using IncidentHub.Core.Events;
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
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentHub.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers IncidentHub's feature services, queries, the event log and its consumers (the live feed,
    /// notifications, the status page's cache). The host registers the database
    /// (<c>IDbContextFactory&lt;IncidentHubDbContext&gt;</c>), Identity, an <see cref="IIncidentChangeFeed"/>, an
    /// <see cref="INotificationFeed"/> and an <see cref="IStatusPageCache"/>, and calls
    /// <see cref="EventDispatcher.CatchUpAsync"/> at start and now and then.
    /// </summary>
    public static IServiceCollection AddIncidentHubCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        // What happened: written with every change, handed to each consumer once.
        services.AddIncidentEvents();
        services.AddEventConsumer<LiveFeedConsumer>();
        services.AddEventConsumer<NotificationConsumer>();
        services.AddEventConsumer<StatusPageCacheConsumer>();
        services.AddEventConsumer<PostIncident.PostIncidentTaskConsumer>();

        // Stateless: every operation creates its own DbContext.
        services.AddSingleton<IncidentCommandRunner>();
        services.AddSingleton<IncidentService>();
        services.AddSingleton<UpdateService>();
        services.AddSingleton<RoleAssignmentService>();
        services.AddSingleton<TimelineService>();
        services.AddSingleton<ActionService>();
        services.AddSingleton<SeverityService>();
        services.AddSingleton<RoleDefinitionService>();
        services.AddSingleton<UserAccountService>();
        services.AddSingleton<PasswordCheck>();
        // Off until the web app configures it (Authentication:Oidc).
        services.TryAddSingleton(Users.SingleSignOn.SsoConfiguration.Off);
        services.AddSingleton<Users.SingleSignOn.SingleSignOnService>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<DemoDataSeeder>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<UpdateNudgeSweeper>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<IncidentAccessService>();
        services.AddSingleton<PublicationService>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<FollowUps.FollowUpService>();
        services.AddSingleton<Resolution.ClosingService>();
        services.AddSingleton<Resolution.ReopeningService>();
        services.AddSingleton<FollowUps.FollowUpQueries>();
        services.AddSingleton<Learnings.LearningsQueries>();
        services.TryAddSingleton(_ => new Markdown.SafeMarkdown());
        services.AddSingleton<ReviewTemplateService>();
        services.AddSingleton<PostIncident.PostIncidentTaskService>();
        services.AddSingleton<PostIncident.PostIncidentNudgeSweeper>();
        services.AddSingleton<FollowUps.Digest.FollowUpDigestService>();
        services.AddSingleton<FollowUps.Digest.FollowUpDigestSweeper>();
        services.AddSingleton<PublicationQueries>();
        services.AddSingleton<StatusComponentService>();
        services.AddSingleton<IncidentTypes.IncidentTypeService>();
        services.AddSingleton<StatusPageQueries>();
        services.AddSingleton<BoardQueries>();

        services.AddSingleton<IncidentQueries>();
        services.AddSingleton<Search.SearchQueries>();
        services.AddSingleton<Similar.SimilarIncidentQueries>();
        services.AddSingleton<Similar.NotRelatedService>();
        services.AddSingleton<ReviewQueries>();
        services.AddSingleton<Insights.InsightsQueries>();
        services.AddSingleton<DirectoryQueries>();
        return services;
    }
}
