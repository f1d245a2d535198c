namespace IncidentHub.Web.Replicas;

/// <summary>
/// <c>Redis:*</c>: the pub/sub server that carries live changes, notifications and status-page evictions between
/// replicas. Empty <see cref="Configuration"/> (the default) keeps everything in this process, exactly as one replica
/// needs.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=...</c>. Empty: no Redis.</summary>
    public string? Configuration { get; set; }

    /// <summary>The channel every replica of one installation shares (change it to run two installations on one Redis).</summary>
    public string Channel { get; set; } = "incidenthub:replicas";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
