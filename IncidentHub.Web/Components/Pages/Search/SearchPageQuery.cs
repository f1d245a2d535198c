using System.Globalization;
using IncidentHub.Core.Incidents;
using IncidentHub.Web.Components.Pages.Incidents;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentHub.Web.Components.Pages.Search;

/// <summary>The search page's words and filters as they appear in its address (<c>/search?q=timeout&amp;status=Resolved</c>).</summary>
public sealed record SearchPageQuery
{
    public string? Text { get; init; }

    public IReadOnlyList<IncidentStatus> Statuses { get; init; } = [];

    public IReadOnlyList<int> SeverityIds { get; init; } = [];

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public int Page { get; init; } = 1;

    public static SearchPageQuery Parse(string? q, string[]? status, int[]? severity, string? from, string? to, int? page)
    {
        var list = IncidentsListQuery.Parse(q, status, severity, from, to, null, null);
        return new SearchPageQuery
        {
            Text = list.Text,
            Statuses = list.Statuses,
            SeverityIds = list.SeverityIds,
            From = list.From,
            To = list.To,
            Page = page is > 0 ? page.Value : 1,
        };
    }

    public string ToUrl()
    {
        var list = new IncidentsListQuery { Text = Text, Statuses = Statuses, SeverityIds = SeverityIds, From = From, To = To }.ToUrl();
        var url = "/search" + list["/incidents".Length..];
        return Page > 1 ? QueryHelpers.AddQueryString(url, "page", Page.ToString(CultureInfo.InvariantCulture)) : url;
    }

    public bool Equals(SearchPageQuery? other) => other is not null && ToUrl() == other.ToUrl();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToUrl());
}
