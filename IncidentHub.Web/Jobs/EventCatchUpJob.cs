using Hangfire;
using IncidentHub.Core.Events;

namespace IncidentHub.Web.Jobs;

/// <summary>
/// Brings every event consumer to the end of the log: events whose dispatch was cut short (a crash between a commit
/// and its dispatch, a consumer that failed), and events other replicas wrote. Thin: the work is
/// <see cref="EventDispatcher.CatchUpAsync"/>.
/// </summary>
public sealed class EventCatchUpJob(EventDispatcher dispatcher)
{
    public const string RecurringJobId = "event-catch-up";

    [AutomaticRetry(Attempts = 0, LogEvents = false, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [JobDisplayName("Event log catch-up")]
    public Task RunAsync(CancellationToken cancellationToken) => dispatcher.CatchUpAsync(cancellationToken);
}

/// <summary>Catches the consumers up once as the app starts, without holding up the start.</summary>
public sealed partial class EventCatchUpAtStart(EventDispatcher dispatcher, ILogger<EventCatchUpAtStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var handled = await dispatcher.CatchUpAsync(stoppingToken);
            LogCaughtUp(logger, handled);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The recurring catch-up tries again in a few seconds.
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event consumers caught up at start: {Handled} events handed on")]
    private static partial void LogCaughtUp(ILogger logger, int handled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event consumers could not catch up at start; the recurring job will")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
