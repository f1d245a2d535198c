using IncidentHub.Core.Chat;
using Hangfire;

namespace IncidentHub.Web.Slack;

/// <summary>
/// Starts the Slack jobs as soon as there is work, rather than at the next sweep: at most one run of each is queued
/// at a time (a run that starts takes the flag down, so work arriving during it queues the next run).
/// </summary>
public sealed partial class SlackWorkTrigger(IBackgroundJobClient jobs, ILogger<SlackWorkTrigger> logger) : IChatOutboxSignal
{
    private int _inboxQueued;
    private int _outboxQueued;

    public void RequestInbox()
    {
        if (Interlocked.Exchange(ref _inboxQueued, 1) == 0)
        {
            Enqueue<SlackInboxJob>(j => j.RunAsync(CancellationToken.None), ref _inboxQueued);
        }
    }

    public void RequestOutbox()
    {
        if (Interlocked.Exchange(ref _outboxQueued, 1) == 0)
        {
            Enqueue<SlackOutboxJob>(j => j.RunAsync(CancellationToken.None), ref _outboxQueued);
        }
    }

    /// <summary>The chat outbox consumer committed new calls.</summary>
    public void CallsQueued() => RequestOutbox();

    internal void InboxStarted() => Volatile.Write(ref _inboxQueued, 0);

    internal void OutboxStarted() => Volatile.Write(ref _outboxQueued, 0);

    private void Enqueue<T>(System.Linq.Expressions.Expression<Func<T, Task>> job, ref int flag)
    {
        try
        {
            jobs.Enqueue(job);
        }
        catch (Exception ex)
        {
            // The recurring sweep picks the work up anyway.
            Volatile.Write(ref flag, 0);
            LogEnqueueFailed(logger, ex, typeof(T).Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not queue {Job}; the recurring sweep will do the work")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception, string job);
}

/// <summary>
/// Applies stored Slack events. Thin on purpose: the rules live in Core's chat services, the protocol in
/// <see cref="SlackInboxProcessor"/>, the state in IncidentHub's database. No automatic retries: what a run leaves
/// is the next run's work.
/// </summary>
public sealed class SlackInboxJob(SlackInboxProcessor processor, SlackWorkTrigger trigger)
{
    public const string RecurringJobId = "slack-inbox";

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    [AutomaticRetry(Attempts = 0, LogEvents = false, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [JobDisplayName("Slack inbox")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        trigger.InboxStarted();
        if (await processor.ProcessAsync(Budget, cancellationToken))
        {
            trigger.RequestInbox();
        }
    }
}

/// <summary>Makes the calls waiting in the Slack outbox. Thin like <see cref="SlackInboxJob"/>.</summary>
public sealed class SlackOutboxJob(Core.Chat.Outbox.ChatOutboxPump pump, SlackWorkTrigger trigger)
{
    public const string RecurringJobId = "slack-outbox";

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    [AutomaticRetry(Attempts = 0, LogEvents = false, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [JobDisplayName("Slack outbox")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        trigger.OutboxStarted();
        if (await pump.DrainAsync(Budget, cancellationToken))
        {
            trigger.RequestOutbox();
        }
    }
}
