using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.Live;

/// <summary>
/// Port: runs inside the same unit of work as a change to an incident, just before it is saved. What an interceptor
/// adds to <paramref name="db"/> (an outbox row for a chat channel, say) is saved with the change or not at all.
/// The incident's <see cref="Incident.Timeline"/> holds only the entries this change added (the timeline is never
/// loaded for a change), which tells an interceptor what happened in words.
/// Interceptors must not call out over the network; they only add rows.
/// </summary>
public interface IIncidentChangeInterceptor
{
    Task OnSavingAsync(IncidentHubDbContext db, Incident incident, IncidentChange change, CancellationToken cancellationToken);
}
