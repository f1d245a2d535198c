using Hangfire.Common;
using Hangfire.Server;

namespace IncidentHub.Web.Metrics;

/// <summary>Counts background jobs that end with an error (Hangfire picks up job filters from the container).</summary>
public sealed class JobFailureFilter(IncidentHubMetrics metrics) : JobFilterAttribute, IServerFilter
{
    public void OnPerforming(PerformingContext context)
    {
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Exception is not null && !context.ExceptionHandled)
        {
            metrics.JobFailed(context.BackgroundJob.Job?.Type.Name ?? "unknown");
        }
    }
}
