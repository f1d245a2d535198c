using IncidentHub.Core.Common;
using IncidentHub.Core.FollowUps.Digest;
using IncidentHub.Web.Auth;
using IncidentHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace IncidentHub.Web.Components.Pages.Admin;

/// <summary>/admin/follow-up-digest: when the weekly digest goes out. Rules live in <see cref="FollowUpDigestService"/>.</summary>
public sealed partial class FollowUpDigest
{
    private static readonly DayOfWeek[] Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly IReadOnlyList<string> Zones = [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append("UTC").Distinct().Order(StringComparer.Ordinal)];

    private FollowUpDigestView? _view;
    private FollowUpDigestForm _form = new();
    private bool _busy;

    [Inject]
    public required FollowUpDigestService Service { get; init; }

    [Inject]
    public required CurrentUser CurrentUser { get; init; }

    [Inject]
    public required UiFeedback Feedback { get; init; }

    private string NextText => _view switch
    {
        { IsEnabled: false } => "The digest is off: nobody gets it until it is turned on again.",
        { NextAt: { } next } => $"Next digest: {TimeDisplay.Full(next, TimeDisplay.FindZone(_view.TimeZoneId))}.",
        _ => "",
    };

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _view = await Service.GetAsync();
        _form = new FollowUpDigestForm { IsEnabled = _view.IsEnabled, Day = _view.Day, Hour = _view.Hour, TimeZoneId = _view.TimeZoneId, Version = _view.Version };
    }

    private Task<IEnumerable<string>> SearchZones(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? Zones.AsEnumerable()
            : Zones.Where(z => z.Contains(text.Trim().Replace(' ', '_'), StringComparison.OrdinalIgnoreCase)));

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            var actor = await CurrentUser.GetActorAsync();
            var form = _form;
            if (await Feedback.RunAsync(() => Service.SaveAsync(actor, form), "Digest schedule saved.", onConflict: ReloadKeepingChoiceAsync))
            {
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>After a conflict: the other admin's schedule is shown as "next", this admin's choice stays in the fields.</summary>
    private async Task ReloadKeepingChoiceAsync()
    {
        var mine = _form;
        _view = await Service.GetAsync();
        _form = new FollowUpDigestForm { IsEnabled = mine.IsEnabled, Day = mine.Day, Hour = mine.Hour, TimeZoneId = mine.TimeZoneId, Version = _view.Version };
    }
}
