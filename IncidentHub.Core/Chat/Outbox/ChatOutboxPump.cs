using Microsoft.Extensions.Logging;

namespace IncidentHub.Core.Chat.Outbox;

/// <summary>
/// Drains the outbox, without Slack's protocol: claims the heads of up to four lanes (one incident's calls in order), hands
/// each to the adapter's <see cref="IChatOutboxHandler"/>, records what it decided, and keeps going for a time
/// budget. One drain runs at a time in a process (the database lease keeps processes apart). If handling a call or
/// recording its outcome throws, the call goes back with its outcome unknown (<see cref="ChatOutboxPolicy.AfterCrash"/>),
/// so a post the chat system already accepted is looked for before it is made again.
/// </summary>
public sealed partial class ChatOutboxPump(ChatOutboxService outbox, IChatOutboxHandler handler, TimeProvider time, ILogger<ChatOutboxPump> logger)
{
    private const int Lanes = 4;

    /// <summary>A lane whose head waits this long or less keeps the drain running; longer, and the sweep comes back.</summary>
    private static readonly TimeSpan WaitInRun = TimeSpan.FromSeconds(3);

    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>Drains for up to <paramref name="budget"/>.</summary>
    /// <returns>True when calls are left that are due soon (the caller should come back).</returns>
    public async Task<bool> DrainAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        if (!await _running.WaitAsync(0, cancellationToken))
        {
            return false;
        }

        try
        {
            var until = time.GetUtcNow() + budget;
            while (time.GetUtcNow() < until)
            {
                var claimed = await outbox.ClaimAsync(Lanes, handler.Lease, cancellationToken);
                if (claimed.Count > 0)
                {
                    await Task.WhenAll(claimed.Select(work => RunAsync(work, cancellationToken)));
                    continue;
                }

                var next = await outbox.NextDueAsync(cancellationToken);
                var wait = next - time.GetUtcNow();
                if (next is null || wait > WaitInRun)
                {
                    return false;
                }

                await Task.Delay(wait > TimeSpan.FromMilliseconds(20) ? wait.Value : TimeSpan.FromMilliseconds(20), time, cancellationToken);
            }

            return true;
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task RunAsync(ChatOutboxWork work, CancellationToken cancellationToken)
    {
        try
        {
            var decision = await handler.HandleAsync(work, cancellationToken);
            await outbox.RecordAsync(work, decision, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCallCrashed(logger, ex, work.Id, work.Kind);
            try
            {
                await outbox.RecordAsync(work, ChatOutboxPolicy.AfterCrash(ex.GetType().Name, time.GetUtcNow(), handler.Retry), cancellationToken);
            }
            catch (Exception again) when (again is not OperationCanceledException)
            {
                // The database is away too: the lease runs out and the in-flight marker stays, so the next claim checks first.
                LogRecordFailed(logger, again, work.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox call {Id} ({Kind}) failed unexpectedly; it will be tried again, checking first whether it went through")]
    private static partial void LogCallCrashed(ILogger logger, Exception exception, long id, ChatOperationKind kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox call {Id}: could not record the outcome; the lease will run out and it will be checked and tried again")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, long id);
}
