namespace IncidentHub.Core.Common;

/// <summary>
/// Who is asking a service to do something. Adapters (the browser, Slack, jobs) build it; services check it.
/// </summary>
public sealed record Actor(string UserId, string DisplayName, AppRole Role)
{
    /// <summary>The application itself (background jobs, demo data).</summary>
    public static Actor System { get; } = new("system", "IncidentHub", AppRole.Admin);

    public bool IsSystem => ReferenceEquals(this, System) || UserId == System.UserId;

    /// <summary>Where the person acted (the browser, or a chat command): recorded on the timeline entries they make.</summary>
    public Timeline.TimelineSource Via { get; init; } = Timeline.TimelineSource.Web;

    public bool CanRespond => Role is AppRole.Responder or AppRole.Admin;

    public bool IsAdmin => Role == AppRole.Admin;

    public void EnsureCanRespond()
    {
        if (!CanRespond)
        {
            throw new ForbiddenException("Only responders and admins can change incidents. Ask an admin for the Responder role.");
        }
    }

    public void EnsureAdmin()
    {
        if (!IsAdmin)
        {
            throw new ForbiddenException("Only admins can change this setting.");
        }
    }
}
