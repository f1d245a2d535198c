namespace IncidentHub.Core.Chat;

/// <summary>
/// Port: told when calls were committed to the chat outbox, so the adapter can send them now rather than at its next
/// sweep. Must return at once and never throw.
/// </summary>
public interface IChatOutboxSignal
{
    void CallsQueued();
}
