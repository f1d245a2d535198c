using IncidentHub.Core.Common;

namespace IncidentHub.Core.Similar;

/// <summary>
/// Someone who may act on an incident said that another one, suggested as similar, is not related. One row per pair
/// of incidents whichever side it was said on (<see cref="LowerIncidentId"/> is the smaller id), so the suggestion
/// is hidden in both directions; undoing it deletes the row (the event log and the timeline keep what happened).
/// </summary>
public sealed class NotRelatedMark
{
    private NotRelatedMark()
    {
    }

    internal NotRelatedMark(int markedOnIncidentId, int otherIncidentId, Actor markedBy, DateTimeOffset now)
    {
        if (markedOnIncidentId == otherIncidentId)
        {
            throw new DomainException("An incident cannot be marked as not related to itself.");
        }

        LowerIncidentId = Math.Min(markedOnIncidentId, otherIncidentId);
        HigherIncidentId = Math.Max(markedOnIncidentId, otherIncidentId);
        MarkedOnIncidentId = markedOnIncidentId;
        MarkedById = markedBy.UserId;
        MarkedByName = markedBy.DisplayName;
        MarkedAt = now;
    }

    public int Id { get; private set; }

    public int LowerIncidentId { get; private set; }

    public int HigherIncidentId { get; private set; }

    /// <summary>The incident whose page (or channel) it was said on.</summary>
    public int MarkedOnIncidentId { get; private set; }

    public string MarkedById { get; private set; } = "";

    public string MarkedByName { get; private set; } = "";

    public DateTimeOffset MarkedAt { get; private set; }

    /// <summary>The other incident of the pair, seen from <paramref name="incidentId"/>.</summary>
    public int OtherThan(int incidentId) => incidentId == LowerIncidentId ? HigherIncidentId : LowerIncidentId;
}
