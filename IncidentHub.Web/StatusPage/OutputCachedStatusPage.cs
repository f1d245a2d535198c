using IncidentHub.Core.StatusPage;
using Microsoft.AspNetCore.OutputCaching;

namespace IncidentHub.Web.StatusPage;

/// <summary>The status page's cache: a publication evicts it, so customers see it within seconds.</summary>
public sealed class OutputCachedStatusPage(IOutputCacheStore store) : IStatusPageCache
{
    public const string Tag = "status";
    public const string Policy = "status";

    /// <summary>For an answer built from the request's host (the feed without a configured public address).</summary>
    public const string PerHostPolicy = "status-per-host";

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public async Task InvalidateAsync(CancellationToken cancellationToken) => await store.EvictByTagAsync(Tag, cancellationToken);
}
