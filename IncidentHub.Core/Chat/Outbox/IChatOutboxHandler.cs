namespace IncidentHub.Core.Chat.Outbox;

/// <summary>
/// The chat adapter's side of the outbox: makes one claimed call (protocol and mapping only) and says what became of
/// it, using <see cref="ChatOutboxPolicy"/>. The pump records the decision; the handler never records an outcome itself.
/// </summary>
public interface IChatOutboxHandler
{
    /// <summary>How long a claimed call is held before another worker may take it.</summary>
    TimeSpan Lease { get; }

    /// <summary>Retry delays, from the adapter's settings.</summary>
    ChatRetrySettings Retry { get; }

    Task<ChatOutboxDecision> HandleAsync(ChatOutboxWork work, CancellationToken cancellationToken);
}
