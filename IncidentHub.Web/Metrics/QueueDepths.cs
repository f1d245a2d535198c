using IncidentHub.Core.Chat;

namespace IncidentHub.Web.Metrics;

/// <summary>
/// The chat inbox's and outbox's depths (events waiting to be applied, calls waiting to be made), counted in the
/// database at most every <see cref="MaxAge"/> and never while the metrics are being collected: a collection reads
/// the last count and, when it is old, starts a new one in the background.
/// </summary>
public sealed partial class QueueDepths(ChatInboxService inbox, ChatOutboxService outbox, TimeProvider time, ILogger<QueueDepths> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private (long Inbox, long Outbox)? _last;
    private DateTimeOffset _countedAt;
    private Task? _counting;

    public long? Inbox => Read()?.Inbox;

    public long? Outbox => Read()?.Outbox;

    private (long Inbox, long Outbox)? Read()
    {
        lock (_lock)
        {
            if ((_last is null || time.GetUtcNow() - _countedAt >= MaxAge) && _counting is not { IsCompleted: false })
            {
                _counting = CountAsync();
            }

            return _last;
        }
    }

    private async Task CountAsync()
    {
        try
        {
            var pendingIn = await inbox.CountPendingAsync();
            var pendingOut = (await outbox.SummaryAsync()).Pending;
            lock (_lock)
            {
                _last = (pendingIn, pendingOut);
                _countedAt = time.GetUtcNow();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCountFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The chat queues' depths could not be counted for the metrics")]
    private static partial void LogCountFailed(ILogger logger, Exception exception);
}
