using IncidentHub.Core.Events;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Core.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>The chat feature's services: mirror, inbox, outbox, channels, people and attachments.</summary>
    public static IServiceCollection AddIncidentHubChat(this IServiceCollection services)
    {
        services.AddSingleton<ChatMirrorService>();
        services.AddSingleton<ChatInboxService>();
        services.AddSingleton<ChatOutboxService>();
        services.AddSingleton<ChatChannelService>();
        services.AddSingleton<ChatUserDirectory>();
        services.AddSingleton<ChatAttachmentService>();
        return services;
    }

    /// <summary>
    /// Connects incidents to a chat system: <see cref="ChatOutboxConsumer"/> reads the event log and queues the chat
    /// calls each event calls for (nudges included). Register only when the chat system is configured; the host may
    /// register <see cref="IChatOutboxSignal"/>s to send the calls straight away.
    /// </summary>
    public static IServiceCollection AddChatOutbox(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ChatDirectMessages(sp.GetServices<IChatOutboxSignal>()));
        return services.AddEventConsumer(sp => new ChatOutboxConsumer(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<IChatOutboxSignal>(),
            sp.GetRequiredService<Similar.SimilarIncidentQueries>()));
    }
}
