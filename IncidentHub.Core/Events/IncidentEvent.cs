using System.Text.Json.Serialization;

namespace IncidentHub.Core.Events;

/// <summary>
/// Something that happened to an incident, stated by the code that made it happen (an aggregate method, the nudge
/// sweep, the chat mirror). Events are plain data: they are written to the event log as JSON in the same transaction
/// as the change, and every handler reads them from there (see <c>docs/architecture.md</c>, "How to add an event").
/// </summary>
/// <remarks>
/// The payload holds only what the incident's members may see on its page: never an access request's reason, a chat
/// file's address or anything else kept from the people on the incident.
/// </remarks>
public abstract record IncidentEvent
{
    /// <summary>
    /// The version of this event's payload, written as <c>"v"</c>. Adding a field with a default keeps the version;
    /// renaming or removing one needs a new version (and a reader that still understands the old one).
    /// </summary>
    [JsonPropertyName("v")]
    [JsonPropertyOrder(-1)]
    public virtual int SchemaVersion => 1;
}

/// <summary>
/// The name an event is stored under in the log (<c>EventLog.Kind</c>). Stable for good: consumers outside
/// IncidentHub (webhooks, workflows) match on it, so never rename one.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventKindAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;
}

/// <summary>An event of a kind this version does not know (written by a newer one): consumers pass it by.</summary>
public sealed record UnrecognisedEvent(string Kind) : IncidentEvent;
