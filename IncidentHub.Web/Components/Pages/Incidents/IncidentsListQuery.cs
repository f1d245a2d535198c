using System.Globalization;
using IncidentHub.Core.Incidents;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentHub.Web.Components.Pages.Incidents;

/// <summary>
/// The incidents list's filters as they appear in its address (<c>/incidents?status=Resolved&amp;from=2026-11-02</c>), so
/// that a filtered list can be shared, and a chart on the insights page can open exactly the incidents behind a bar.
/// Dates are local days in the viewer's time zone.
/// </summary>
public sealed record IncidentsListQuery
{
    public const string DateFormat = "yyyy-MM-dd";

    public string? Text { get; init; }

    public IReadOnlyList<IncidentStatus> Statuses { get; init; } = [];

    public IReadOnlyList<int> SeverityIds { get; init; } = [];

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>true: private only; false: standard only; null: both.</summary>
    public bool? IsPrivate { get; init; }

    public string? LedById { get; init; }

    /// <summary>Only incidents affecting one of these services.</summary>
    public IReadOnlyList<int> ServiceIds { get; init; } = [];

    /// <summary>Only incidents of one of these types.</summary>
    public IReadOnlyList<int> TypeIds { get; init; } = [];

    public static IncidentsListQuery Parse(string? q, string[]? status, int[]? severity, string? from, string? to, string? visibility, string? led, int[]? service = null, int[]? type = null) => new()
    {
        TypeIds = [.. (type ?? []).Where(id => id > 0).Distinct()],
        ServiceIds = [.. (service ?? []).Where(id => id > 0).Distinct()],
        Text = string.IsNullOrWhiteSpace(q) ? null : q,
        Statuses = [.. (status ?? []).Select(s => Enum.TryParse<IncidentStatus>(s, ignoreCase: true, out var v) ? v : (IncidentStatus?)null).OfType<IncidentStatus>().Distinct()],
        SeverityIds = [.. (severity ?? []).Distinct()],
        From = Date(from),
        To = Date(to),
        IsPrivate = visibility?.ToLowerInvariant() switch
        {
            "private" => true,
            "standard" => false,
            _ => null,
        },
        LedById = string.IsNullOrWhiteSpace(led) ? null : led,
    };

    public string ToUrl()
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (Text is not null)
        {
            query.Add(new("q", Text));
        }

        query.AddRange(Statuses.Select(s => new KeyValuePair<string, string?>("status", s.ToString())));
        query.AddRange(SeverityIds.Select(id => new KeyValuePair<string, string?>("severity", id.ToString(CultureInfo.InvariantCulture))));
        if (From is { } from)
        {
            query.Add(new("from", from.ToString(DateFormat, CultureInfo.InvariantCulture)));
        }

        if (To is { } to)
        {
            query.Add(new("to", to.ToString(DateFormat, CultureInfo.InvariantCulture)));
        }

        if (IsPrivate is { } isPrivate)
        {
            query.Add(new("visibility", isPrivate ? "private" : "standard"));
        }

        if (LedById is not null)
        {
            query.Add(new("led", LedById));
        }

        query.AddRange(ServiceIds.Select(id => new KeyValuePair<string, string?>("service", id.ToString(CultureInfo.InvariantCulture))));
        query.AddRange(TypeIds.Select(id => new KeyValuePair<string, string?>("type", id.ToString(CultureInfo.InvariantCulture))));

        return QueryHelpers.AddQueryString("/incidents", query);
    }

    /// <summary>Two queries are the same when they give the same address (the lists compare by their items, not by reference).</summary>
    public bool Equals(IncidentsListQuery? other) => other is not null && ToUrl() == other.ToUrl();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToUrl());

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
