using System.Threading.Channels;
using IncidentHub.Core.Chat;

namespace IncidentHub.Web.Slack;

/// <summary>
/// Stores received events with group commit: requests hand their event to one writer, which saves whatever has
/// queued up in a single transaction and then lets every request answer. An event is acknowledged only once it is
/// in the database, and under load many share one commit instead of each paying for its own.
/// </summary>
public sealed partial class SlackInboxWriter(ChatInboxService inbox, SlackWorkTrigger trigger, ILogger<SlackInboxWriter> logger) : BackgroundService
{
    private const int MaxBatch = 500;

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(20_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Stores the event. True: new; false: a copy was stored before. Throws when it could not be stored.</summary>
    public async Task<bool> WriteAsync(ChatInboxItem item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Stored.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                await SaveAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever is still queued was not stored, and its requests say so (Slack retries them).
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var pending))
            {
                pending.Stored.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task SaveAsync(List<Pending> batch)
    {
        try
        {
            var results = await inbox.AddAsync(batch.Select(p => p.Item).ToList(), CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Stored.TrySetResult(results[i]);
            }

            if (results.Any(r => r))
            {
                trigger.RequestInbox();
            }
        }
        catch (Exception ex)
        {
            LogSaveFailed(logger, ex, batch.Count);
            batch.ForEach(p => p.Stored.TrySetException(ex));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store {Count} Slack events; they were not acknowledged")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, int count);

    private sealed record Pending(ChatInboxItem Item, TaskCompletionSource<bool> Stored);
}
