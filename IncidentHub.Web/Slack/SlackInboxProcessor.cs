using System.Text.Json;
using IncidentHub.Core.Chat;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Slack;

/// <summary>
/// Applies stored Slack events: claims a batch from the inbox, reads each into a chat event, makes sure the authors'
/// profiles are known, hands the batch to Core's <see cref="ChatMirrorService"/> (which applies each event once, by
/// what it describes) and records the outcome. Then copies the images the batch shared. One batch at a time per
/// process; several processes share the inbox through its leases.
/// </summary>
public sealed partial class SlackInboxProcessor(
    ChatInboxService inbox,
    ChatMirrorService mirror,
    SlackUsers users,
    SlackFileCopier files,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackInboxProcessor> logger)
{
    public const int BatchSize = 200;

    private readonly SemaphoreSlim _running = new(1, 1);
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    /// <summary>Works through the inbox for up to <paramref name="budget"/>.</summary>
    /// <returns>True when work was left (the caller should come back soon).</returns>
    public async Task<bool> ProcessAsync(TimeSpan budget, CancellationToken cancellationToken)
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
                var batch = await inbox.ClaimAsync(BatchSize, options.Value.Lease, cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                await ApplyAsync(batch, cancellationToken);
                if (batch.Count < BatchSize)
                {
                    break;
                }
            }

            var more = time.GetUtcNow() >= until;
            more |= await files.CopyPendingAsync(cancellationToken);
            await PurgeNowAndThenAsync(cancellationToken);
            return more;
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task ApplyAsync(IReadOnlyList<ChatInboxWork> batch, CancellationToken cancellationToken)
    {
        var bot = await users.BotAsync(cancellationToken);
        var reaction = options.Value.Reaction;
        var results = new List<ChatInboxResult>(batch.Count);
        var events = new List<(ChatInboxWork Work, ChatEvent Event)>();
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var work in batch)
        {
            MappedEvent mapped;
            try
            {
                using var document = JsonDocument.Parse(work.Payload);
                mapped = SlackEventMapper.Map(document.RootElement.Clone(), reaction, bot);
            }
            catch (JsonException)
            {
                mapped = MappedEvent.Ignore("not JSON");
            }

            if (mapped.Event is null)
            {
                results.Add(new ChatInboxResult(work.Id, ChatInboxStatus.Ignored, mapped.Ignored));
                continue;
            }

            events.Add((work, mapped.Event));
            people.UnionWith(mapped.People);
        }

        if (events.Count > 0)
        {
            try
            {
                await users.RefreshAsync(people, cancellationToken);
                var outcomes = await mirror.ApplyAsync(events.Select(e => e.Event).ToList(), cancellationToken);
                for (var i = 0; i < events.Count; i++)
                {
                    results.Add(outcomes[i] switch
                    {
                        ChatApplyOutcome.NotAnIncidentChannel => new ChatInboxResult(events[i].Work.Id, ChatInboxStatus.Ignored, "not an incident channel"),
                        ChatApplyOutcome.Duplicate => new ChatInboxResult(events[i].Work.Id, ChatInboxStatus.Done, "duplicate"),
                        _ => new ChatInboxResult(events[i].Work.Id, ChatInboxStatus.Done),
                    });
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogBatchFailed(logger, ex, events.Count);
                var retryAt = time.GetUtcNow() + TimeSpan.FromSeconds(30);
                results.AddRange(events.Select(e => new ChatInboxResult(e.Work.Id, ChatInboxStatus.Pending, ex.GetType().Name, retryAt)));
            }
        }

        var token = batch[0].LeaseToken;
        await inbox.CompleteAsync(token, results, cancellationToken);
        LogBatch(logger, batch.Count, events.Count);
    }

    private async Task PurgeNowAndThenAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _lastPurge < TimeSpan.FromHours(1))
        {
            return;
        }

        _lastPurge = now;
        await inbox.PurgeAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack inbox: {Count} events claimed, {Applied} for the mirror")]
    private static partial void LogBatch(ILogger logger, int count, int applied);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack inbox: a batch of {Count} events could not be applied; it will be tried again")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
