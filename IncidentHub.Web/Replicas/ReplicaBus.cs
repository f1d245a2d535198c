using IncidentHub.Web.Live;
using IncidentHub.Web.Metrics;
using IncidentHub.Web.StatusPage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IncidentHub.Web.Replicas;

/// <summary>
/// This replica's line to the others: one Redis pub/sub channel (<c>Redis:Channel</c>). What this replica publishes
/// goes to its own pages first and then, best effort, to the channel; what arrives from the others is handed to the
/// local feeds. When Redis goes away, nothing here throws or waits: this replica keeps serving its own browsers, says
/// so in <c>/healthz</c> and the log, and StackExchange.Redis keeps reconnecting. Once the channel is back, every open
/// page re-reads what it shows (<see cref="LiveIncidentFeed.Resync"/>), since changes made elsewhere meanwhile were not
/// heard, and the status page's cache is cleared.
/// </summary>
public sealed partial class ReplicaBus(
    IOptions<RedisOptions> options,
    LiveIncidentFeed changes,
    LiveNotificationFeed notices,
    OutputCachedStatusPage statusPage,
    SeenChanges seen,
    IncidentHubMetrics metrics,
    TimeProvider time,
    ILogger<ReplicaBus> logger) : IHostedService, IAsyncDisposable
{
    private readonly RedisChannel _channel = RedisChannel.Literal(options.Value.Channel);
    private readonly SemaphoreSlim _subscribeGate = new(1, 1);
    private ConnectionMultiplexer? _connection;
    private volatile bool _subscribed;
    private volatile bool _lost;
    private long _received;
    private long _resyncs;

    /// <summary>Tells this replica's own messages apart from the others'.</summary>
    public string ReplicaId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Whether messages go to and come from the other replicas right now.</summary>
    public bool IsConnected => _connection is { } connection && _subscribed && !_lost && connection.GetSubscriber().IsConnected(_channel);

    /// <summary>Messages taken from other replicas since start (for tests and diagnostics).</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>How many times open pages were told to re-read after the channel came back.</summary>
    public long Resyncs => Interlocked.Read(ref _resyncs);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Configuration!);
        // Start and keep trying when Redis is down; a publish while it is down fails at once instead of queueing.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ClientName ??= $"incidenthub-{ReplicaId[..8]}";
        _connection = await ConnectionMultiplexer.ConnectAsync(configuration);
        _connection.ConnectionFailed += OnConnectionFailed;
        _connection.ConnectionRestored += OnConnectionRestored;
        if (!await TrySubscribeAsync())
        {
            _lost = true;
            LogUnreachableAtStart(logger, options.Value.Channel);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            connection.ConnectionFailed -= OnConnectionFailed;
            connection.ConnectionRestored -= OnConnectionRestored;
            await connection.CloseAsync(allowCommandsToComplete: false);
            await connection.DisposeAsync();
        }

        _subscribeGate.Dispose();
    }

    /// <summary>Sends <paramref name="message"/> to the other replicas. Never throws, never waits for Redis.</summary>
    public void Publish(ReplicaMessageType type, long sequence = 0, Core.Live.IncidentChange? change = null, Core.Notifications.NotificationNotice? notice = null)
    {
        if (_connection is not { } connection || _lost)
        {
            metrics.ReplicaMessageNotSent();
            return;
        }

        var message = new ReplicaMessage(ReplicaId, type, time.GetUtcNow(), sequence, change, notice);
        _ = SendAsync(connection, message);
    }

    private async Task SendAsync(ConnectionMultiplexer connection, ReplicaMessage message)
    {
        try
        {
            await connection.GetSubscriber().PublishAsync(_channel, message.ToJson());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            // The other replicas will re-read when the channel is back; this replica's own pages already have it.
            metrics.ReplicaMessageNotSent();
            LogSendFailed(logger, message.Type, message.Sequence);
        }
    }

    private async Task<bool> TrySubscribeAsync()
    {
        if (_connection is not { } connection)
        {
            return false;
        }

        await _subscribeGate.WaitAsync();
        try
        {
            if (_subscribed)
            {
                return true;
            }

            var queue = await connection.GetSubscriber().SubscribeAsync(_channel);
            queue.OnMessage(HandleAsync);
            _subscribed = true;
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return false;
        }
        finally
        {
            _subscribeGate.Release();
        }
    }

    private async Task HandleAsync(ChannelMessage channelMessage)
    {
        var message = ReplicaMessage.FromJson(channelMessage.Message);
        if (message is null)
        {
            LogMalformed(logger, options.Value.Channel);
            return;
        }

        if (message.Origin == ReplicaId)
        {
            return;
        }

        Interlocked.Increment(ref _received);
        metrics.LiveFeedLag(time.GetUtcNow() - message.SentAt);
        switch (message.Type)
        {
            case ReplicaMessageType.Change when seen.TryAdd(message.Sequence):
                changes.Publish(message.Change!);
                break;
            case ReplicaMessageType.Notice:
                notices.Publish(message.Notice!);
                break;
            case ReplicaMessageType.StatusPageChanged:
                await statusPage.InvalidateAsync(CancellationToken.None);
                break;
            case ReplicaMessageType.Resync:
                await ResyncLocallyAsync();
                break;
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType != ConnectionType.Subscription || _lost)
        {
            return;
        }

        _lost = true;
        LogLost(logger, e.EndPoint?.ToString() ?? "?", e.FailureType);
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType != ConnectionType.Subscription)
        {
            return;
        }

        _ = ResumeAsync(e.EndPoint?.ToString() ?? "?");
    }

    private async Task ResumeAsync(string endPoint)
    {
        if (!await TrySubscribeAsync())
        {
            return;
        }

        var wasLost = _lost;
        _lost = false;
        if (!wasLost)
        {
            return;
        }

        // Whatever other replicas said meanwhile was not heard here, and what this replica said was not heard there
        // (another replica may never have lost its own connection): pages everywhere read again.
        var pages = await ResyncLocallyAsync();
        Publish(ReplicaMessageType.Resync);
        LogResumed(logger, endPoint, pages);
    }

    private async Task<int> ResyncLocallyAsync()
    {
        Interlocked.Increment(ref _resyncs);
        var pages = changes.Resync();
        notices.Resync();
        await statusPage.InvalidateAsync(CancellationToken.None);
        return pages;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is not reachable at start (channel {Channel}): live changes reach only this replica's browsers until it is")]
    private static partial void LogUnreachableAtStart(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis connection to {EndPoint} lost ({FailureType}): live changes reach only this replica's browsers until it is back")]
    private static partial void LogLost(ILogger logger, string endPoint, ConnectionFailureType failureType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis connection to {EndPoint} is back: {Pages} open pages re-read what they show")]
    private static partial void LogResumed(ILogger logger, string endPoint, int pages);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A {Type} message (log position {Sequence}) did not reach Redis")]
    private static partial void LogSendFailed(ILogger logger, ReplicaMessageType type, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message on channel {Channel} was not one of IncidentHub's and was ignored")]
    private static partial void LogMalformed(ILogger logger, string channel);
}
