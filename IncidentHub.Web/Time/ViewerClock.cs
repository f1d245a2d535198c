using IncidentHub.Core.Common;

namespace IncidentHub.Web.Time;

/// <summary>
/// "Now" and the viewer's time zone, cascaded from the layout and replaced every few seconds so that relative times
/// ("12 min ago") stay true without a reload.
/// </summary>
public sealed record ViewerClock(DateTimeOffset Now, TimeZoneInfo Zone)
{
    public string Absolute(DateTimeOffset instant) => TimeDisplay.Absolute(instant, Zone, Now);

    public string Relative(DateTimeOffset instant) => TimeDisplay.Relative(instant, Now);

    public string Full(DateTimeOffset instant) => TimeDisplay.Full(instant, Zone);

    public string Since(DateTimeOffset instant) => TimeDisplay.Duration(Now - instant);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>A wall-clock time typed by the viewer, read in their zone.</summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }
}
