using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentHub.Core.Events;

/// <summary>
/// Every event type and the kind it is stored under, found by reflection (an event is an <see cref="IncidentEvent"/>
/// record with an <see cref="EventKindAttribute"/>), and the one JSON format of their payloads.
/// </summary>
public static class IncidentEventCatalog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new XmlSafeStringConverter() },
    };

    private static readonly FrozenDictionary<Type, string> KindsByType = typeof(IncidentEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(IncidentEvent)) && !t.IsAbstract && t != typeof(UnrecognisedEvent))
        .ToFrozenDictionary(
            t => t,
            t => t.GetCustomAttribute<EventKindAttribute>()?.Kind
                ?? throw new InvalidOperationException($"The event {t.Name} has no [EventKind]: give it a stable name."));

    private static readonly FrozenDictionary<string, Type> TypesByKind = KindsByType.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every event type IncidentHub records.</summary>
    public static IReadOnlyCollection<Type> Types => KindsByType.Keys;

    /// <summary>The stored kind of <paramref name="type"/>, e.g. <c>update.posted</c>.</summary>
    public static string KindOf(Type type) =>
        KindsByType.TryGetValue(type, out var kind) ? kind : throw new ArgumentException($"{type.Name} is not a recorded event.", nameof(type));

    public static string KindOf(IncidentEvent incidentEvent)
    {
        ArgumentNullException.ThrowIfNull(incidentEvent);
        return incidentEvent is UnrecognisedEvent unknown ? unknown.Kind : KindOf(incidentEvent.GetType());
    }

    public static string Serialize(IncidentEvent incidentEvent)
    {
        ArgumentNullException.ThrowIfNull(incidentEvent);
        return JsonSerializer.Serialize(incidentEvent, incidentEvent.GetType(), Json);
    }

    /// <summary>Reads a stored payload back; a kind this version does not know is an <see cref="UnrecognisedEvent"/>.</summary>
    public static IncidentEvent Deserialize(string kind, string payload) =>
        TypesByKind.TryGetValue(kind, out var type)
            ? (IncidentEvent)(JsonSerializer.Deserialize(payload, type, Json) ?? throw new InvalidOperationException($"An empty {kind} payload."))
            : new UnrecognisedEvent(kind);
}

/// <summary>
/// Payload text is cleaned like every other text IncidentHub stores (<see cref="Common.XmlSafeText"/>), so an event
/// says exactly what its rows say.
/// </summary>
internal sealed class XmlSafeStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Common.XmlSafeText.IsClean(value) ? value : Common.XmlSafeText.Clean(value));
    }
}
