using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Core.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>The event log's writer (<see cref="IncidentEventPipeline"/>) and its <see cref="EventDispatcher"/>.</summary>
    public static IServiceCollection AddIncidentEvents(this IServiceCollection services)
    {
        services.AddSingleton<EventDispatcher>();
        services.AddSingleton<IncidentEventPipeline>();
        return services;
    }

    /// <summary>Adds a consumer of the event log (see <see cref="IEventConsumer"/>).</summary>
    public static IServiceCollection AddEventConsumer<T>(this IServiceCollection services)
        where T : class, IEventConsumer =>
        services.AddSingleton<IEventConsumer, T>();

    public static IServiceCollection AddEventConsumer(this IServiceCollection services, Func<IServiceProvider, IEventConsumer> create) =>
        services.AddSingleton(create);
}
