using Hangfire;
using IncidentHub.Core.PostIncident;

namespace IncidentHub.Web.Jobs;

/// <summary>
/// The recurring sweep that nudges owners of late post-incident tasks and follow-ups. Thin: the rules and their
/// state live in <see cref="PostIncidentNudgeSweeper"/> and IncidentHub's database. A failed sweep is the next one's work.
/// </summary>
public sealed class PostIncidentNudgeJob(PostIncidentNudgeSweeper sweeper)
{
    public const string RecurringJobId = "post-incident-nudges";

    [AutomaticRetry(Attempts = 0, LogEvents = false, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [JobDisplayName("Post-incident task and follow-up nudge sweep")]
    public Task RunAsync(CancellationToken cancellationToken) => sweeper.SweepAsync(cancellationToken);
}
