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

    /// <summary>
    /// Someone who may only follow incidents, whatever their role or their roles on incidents: a guest of the chat
    /// workspace, a bot, someone the chat system has not vouched for yet, a deactivated account acting through chat.
    /// </summary>
    public bool IsRestricted { get; init; }

    /// <summary>Responders and admins change every incident they may see (a Viewer, only those they hold a role on: <see cref="Incidents.IncidentPermissions"/>).</summary>
    public bool CanRespond => !IsRestricted && Role is (AppRole.Responder or AppRole.Admin);

    /// <summary>Everyone signed in declares, Viewers included ("incidents are for everyone"); restricted people do not.</summary>
    public bool CanDeclare => !IsRestricted;

    public bool IsAdmin => Role == AppRole.Admin;

    public void EnsureCanDeclare()
    {
        if (!CanDeclare)
        {
            throw new ForbiddenException("You can follow incidents but not declare them. Ask someone on an incident, or an admin, to declare it for you.");
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
