namespace IncidentHub.Core.Roles;

/// <summary>
/// The lead offered to someone, waiting for them to say "I have it". Until they do, the current lead stays the lead
/// (and keeps getting the update reminders); the note tells the incoming lead where things stand.
/// </summary>
public sealed class LeadHandover
{
    private LeadHandover()
    {
    }

    internal LeadHandover(string fromUserId, string fromName, string toUserId, string toName, string note, string offeredById, string offeredByName, DateTimeOffset offeredAt)
    {
        FromUserId = fromUserId;
        FromName = fromName;
        ToUserId = toUserId;
        ToName = toName;
        Note = note;
        OfferedById = offeredById;
        OfferedByName = offeredByName;
        OfferedAt = offeredAt;
    }

    /// <summary>The lead when the offer was made.</summary>
    public string FromUserId { get; private set; } = "";

    public string FromName { get; private set; } = "";

    /// <summary>Who is asked to take the lead.</summary>
    public string ToUserId { get; private set; } = "";

    public string ToName { get; private set; } = "";

    /// <summary>The state of things and what is in flight, in the outgoing lead's words.</summary>
    public string Note { get; private set; } = "";

    /// <summary>Who made the offer: the lead, or an admin on their behalf.</summary>
    public string OfferedById { get; private set; } = "";

    public string OfferedByName { get; private set; } = "";

    public DateTimeOffset OfferedAt { get; private set; }
}
