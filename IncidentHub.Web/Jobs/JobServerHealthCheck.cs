using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentHub.Web.Jobs;

/// <summary>
/// Healthy while some job server (this replica's or another's) has reported in to the shared job storage within
/// <see cref="MaxSilence"/>; degraded otherwise: pages work, but nudges, Slack calls and catch-ups wait.
/// </summary>
public sealed class JobServerHealthCheck(JobStorage storage, TimeProvider time) : IHealthCheck
{
    /// <summary>Hangfire's servers report every 30 seconds; two missed reports count as gone.</summary>
    public static readonly TimeSpan MaxSilence = TimeSpan.FromSeconds(90);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Hangfire's monitoring API is synchronous: keep it off the request's thread.
            var servers = await Task.Run(() => storage.GetMonitoringApi().Servers(), cancellationToken);
            var since = time.GetUtcNow().UtcDateTime - MaxSilence;
            return servers.Any(s => (s.Heartbeat ?? s.StartedAt) >= since)
                ? HealthCheckResult.Healthy("A job server is running.")
                : HealthCheckResult.Degraded("No job server is running: nudges and Slack calls wait.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded("The job storage is not reachable.", ex);
        }
    }
}
