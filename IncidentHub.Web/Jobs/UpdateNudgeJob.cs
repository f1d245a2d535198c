using Hangfire;
using IncidentHub.Core.Reminders;

namespace IncidentHub.Web.Jobs;

/// <summary>
/// The recurring update-nudge sweep. Thin on purpose: the rules live in <see cref="UpdateNudgeSweeper"/>, whose state
/// lives in IncidentHub's database. No automatic retries: a failed sweep is simply the next sweep's work, seconds later.
/// </summary>
public sealed class UpdateNudgeJob(UpdateNudgeSweeper sweeper, NudgeSweepMonitor monitor)
{
    public const string RecurringJobId = "update-nudges";

    [AutomaticRetry(Attempts = 0, LogEvents = false, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [JobDisplayName("Update nudge sweep")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var result = await sweeper.SweepAsync(cancellationToken);
        monitor.Record(result);
    }
}
