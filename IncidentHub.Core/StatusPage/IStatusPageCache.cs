namespace IncidentHub.Core.StatusPage;

/// <summary>Port: the public status page is cached; a publication (or a change to its services) clears it at once.</summary>
public interface IStatusPageCache
{
    Task InvalidateAsync(CancellationToken cancellationToken);
}
