using IncidentHub.Core.Data;
using IncidentHub.Core.Live;
using IncidentHub.Core.Reminders;
using Microsoft.EntityFrameworkCore;
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
    /// Connects incidents to a chat system: every change writes its chat calls in its own transaction. Register only
    /// when the chat system is configured. (Nudges reach the channel through <see cref="ChatNudgeChannel"/>, which the
    /// host registers as an <see cref="INudgeChannel"/>.)
    /// </summary>
    public static IServiceCollection AddChatOutbox(this IServiceCollection services, string provider)
    {
        services.AddSingleton<IIncidentChangeInterceptor>(sp => new ChatOutboxInterceptor(provider, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ChatNudgeChannel(
            provider,
            sp.GetRequiredService<IDbContextFactory<IncidentHubDbContext>>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
