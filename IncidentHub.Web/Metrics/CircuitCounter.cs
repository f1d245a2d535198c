using Microsoft.AspNetCore.Components.Server.Circuits;

namespace IncidentHub.Web.Metrics;

/// <summary>Counts the interactive pages (circuits) open on this replica.</summary>
public sealed class CircuitCounter(IncidentHubMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
