namespace IncidentHub.Core.Chat;

/// <summary>
/// Queues direct messages in the chat outbox. Registered only when a chat system is configured
/// (<see cref="ChatServiceCollectionExtensions.AddChatOutbox"/>), so a feature that takes
/// <c>IEnumerable&lt;ChatDirectMessages&gt;</c> sends none without one. The rows are added to the caller's context and
/// saved in its transaction, so a message is queued exactly when the change that causes it commits.
/// </summary>
public sealed class ChatDirectMessages(IEnumerable<IChatOutboxSignal> signals)
{
    /// <summary>Adds the message to <paramref name="db"/>: the workspace lane when <paramref name="incidentId"/> is null.</summary>
    public void Queue(Data.IncidentHubDbContext db, int? incidentId, DirectMessageOperation message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        db.ChatOutbox.Add(new ChatOutboxItem(null, incidentId, ChatOperationKind.DirectMessage, ChatOperations.Serialize(message), now));
    }

    /// <summary>After the commit: lets the adapter send them now rather than at its next sweep.</summary>
    public void Signal()
    {
        foreach (var signal in signals)
        {
            signal.CallsQueued();
        }
    }
}
