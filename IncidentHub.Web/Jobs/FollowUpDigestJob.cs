using Hangfire;
using IncidentHub.Core.FollowUps.Digest;

namespace IncidentHub.Web.Jobs;

/// <summary>
/// The recurring look at whether the weekly follow-up digest is due. Thin: the schedule (an admin setting), the claim
/// of the week and what the digest says live in <see cref="FollowUpDigestSweeper"/> and IncidentHub's database, so a
/// restart or a second host never sends a week twice. A failed run is the next one's work.
/// </summary>
public sealed class FollowUpDigestJob(FollowUpDigestSweeper sweeper)
{
    public const string RecurringJobId = "follow-up-digest";

    [AutomaticRetry(Attempts = 0, LogEvents = false, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [JobDisplayName("Weekly follow-up digest")]
    public Task RunAsync(CancellationToken cancellationToken) => sweeper.SweepAsync(cancellationToken);
}
