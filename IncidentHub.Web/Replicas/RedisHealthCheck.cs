using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentHub.Web.Replicas;

/// <summary>
/// Degraded (not unhealthy: this replica still serves its own browsers) while the channel to the other replicas is
/// down, so a load balancer keeps sending people here while an operator sees it.
/// </summary>
public sealed class RedisHealthCheck(ReplicaBus bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bus.IsConnected
            ? HealthCheckResult.Healthy("Live changes reach every replica.")
            : HealthCheckResult.Degraded("Redis is not reachable: live changes reach only this replica's browsers."));
}
