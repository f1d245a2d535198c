using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IncidentHub.Core.Data;

/// <summary>Stores an instant as a UTC <see cref="DateTime"/> and reads it back with a zero offset.</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
    value => value.UtcDateTime,
    stored => new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)));
