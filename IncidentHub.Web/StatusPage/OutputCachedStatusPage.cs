using IncidentHub.Core.StatusPage;
using Microsoft.AspNetCore.OutputCaching;

namespace IncidentHub.Web.StatusPage;

/// <summary>The status page's cache: a publication evicts it, so customers see it within seconds.</summary>
public sealed class OutputCachedStatusPage(IOutputCacheStore store) : IStatusPageCache
{
    public const string Tag = "status";
    public const string Policy = "status";

    public async Task InvalidateAsync(CancellationToken cancellationToken) => await store.EvictByTagAsync(Tag, cancellationToken);
}
