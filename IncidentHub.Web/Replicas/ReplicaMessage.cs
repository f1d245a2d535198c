using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentHub.Core.Live;
using IncidentHub.Core.Notifications;

namespace IncidentHub.Web.Replicas;

/// <summary>
/// What one replica tells the others, as JSON on the shared channel: a change to an incident (ids only), a
/// notification just saved for someone (so their browsers on any replica show it), or "clear the status page's cache".
/// <see cref="Origin"/> lets a replica ignore its own messages; <see cref="Sequence"/> is the change's position in the
/// event log, so a change that also reaches a replica through its catch-up is shown once.
/// </summary>
public sealed record ReplicaMessage(
    string Origin,
    ReplicaMessageType Type,
    DateTimeOffset SentAt,
    long Sequence = 0,
    IncidentChange? Change = null,
    NotificationNotice? Notice = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <returns>Null for anything that is not a well-formed message of a known type.</returns>
    public static ReplicaMessage? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            var message = JsonSerializer.Deserialize<ReplicaMessage>(json, Json);
            return message switch
            {
                { Origin.Length: > 0, Type: ReplicaMessageType.Change, Change: not null } => message,
                { Origin.Length: > 0, Type: ReplicaMessageType.Notice, Notice.UserId.Length: > 0 } => message,
                { Origin.Length: > 0, Type: ReplicaMessageType.StatusPageChanged or ReplicaMessageType.Resync } => message,
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public enum ReplicaMessageType
{
    Change,
    Notice,
    StatusPageChanged,

    /// <summary>"I was cut off from the channel and am back": what I said meanwhile was not heard, so re-read everything.</summary>
    Resync,
}
