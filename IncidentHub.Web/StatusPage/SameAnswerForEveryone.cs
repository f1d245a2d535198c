using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace IncidentHub.Web.StatusPage;

/// <summary>
/// One cached answer for everyone: the query string never makes a new cache entry (so a cache-busting client is served
/// from the cache like everyone else), nor does the <c>Host</c> header unless the answer is built from it.
/// </summary>
public class SameAnswerForEveryone : IOutputCachePolicy
{
    protected virtual bool VaryByHost => false;

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CacheVaryByRules.QueryKeys = StringValues.Empty;
        context.CacheVaryByRules.VaryByHost = VaryByHost;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}

/// <summary>The same, but one entry per <c>Host</c>: for an answer whose links are built from the request.</summary>
public sealed class SameAnswerPerHost : SameAnswerForEveryone
{
    protected override bool VaryByHost => true;
}
