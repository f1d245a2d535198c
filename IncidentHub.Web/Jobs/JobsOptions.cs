using System.ComponentModel.DataAnnotations;

namespace IncidentHub.Web.Jobs;

/// <summary>
/// Background jobs: <c>Jobs:RunServer</c>, <c>Jobs:WorkerCount</c>, <c>Jobs:NudgeSweepCron</c>,
/// <c>Jobs:EventCatchUpCron</c>, <c>Jobs:PostIncidentNudgeCron</c>, <c>Jobs:FollowUpDigestCron</c>.
/// </summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run a Hangfire server in this process. Turn off on replicas that should only serve pages.</summary>
    public bool RunServer { get; set; } = true;

    [Range(1, 50, ErrorMessage = "Jobs:WorkerCount is between 1 and 50.")]
    public int WorkerCount { get; set; } = Math.Clamp(Environment.ProcessorCount, 2, 5);

    /// <summary>How often the update-nudge sweep runs (Hangfire cron, seconds allowed). Every 15 seconds by default.</summary>
    [Required(ErrorMessage = "Jobs:NudgeSweepCron must be a cron expression, for example */15 * * * * *.")]
    public string NudgeSweepCron { get; set; } = "*/15 * * * * *";

    /// <summary>How often the event consumers catch up with the log (Hangfire cron). Every 15 seconds by default.</summary>
    [Required(ErrorMessage = "Jobs:EventCatchUpCron must be a cron expression, for example */15 * * * * *.")]
    public string EventCatchUpCron { get; set; } = "*/15 * * * * *";

    /// <summary>How often late post-incident tasks and follow-ups are looked for (Hangfire cron). Every minute by default.</summary>
    [Required(ErrorMessage = "Jobs:PostIncidentNudgeCron must be a cron expression, for example * * * * *.")]
    public string PostIncidentNudgeCron { get; set; } = "* * * * *";

    /// <summary>
    /// How often the weekly follow-up digest looks whether its hour has come (Hangfire cron; every five minutes by
    /// default). The day and hour themselves are an admin setting (Admin → Follow-up digest), not this.
    /// </summary>
    [Required(ErrorMessage = "Jobs:FollowUpDigestCron must be a cron expression, for example */5 * * * *.")]
    public string FollowUpDigestCron { get; set; } = "*/5 * * * *";
}
