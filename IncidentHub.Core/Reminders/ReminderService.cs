using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;

namespace IncidentHub.Core.Reminders;

/// <summary>What the lead does with an update reminder: skip it (with a reason), snooze it, or change the cadence.</summary>
public sealed class ReminderService(IncidentCommandRunner runner)
{
    public Task SkipAsync(Actor actor, int incidentId, SkipUpdateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        return runner.RunAsync(actor, incidentId, (_, incident, now) => incident.SkipUpdate(actor, request, now), cancellationToken);
    }

    public Task SnoozeAsync(Actor actor, int incidentId, int minutes, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, (_, incident, now) => incident.SnoozeReminder(actor, minutes, now), cancellationToken);

    /// <param name="minutes">The cadence for this incident; null goes back to the severity's default.</param>
    public Task ChangeCadenceAsync(Actor actor, int incidentId, int? minutes, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, (_, incident, now) => incident.ChangeCadence(actor, minutes, now), cancellationToken);
}
