namespace IncidentHub.Core.Reminders;

/// <summary>How often an incident's lead is expected to post an update.</summary>
public static class UpdateCadence
{
    public const int DefaultMinutes = 30;
    public const int MinMinutes = 5;
    public const int MaxMinutes = 24 * 60;

    /// <summary>The one refusal for a cadence out of range or not a number, wherever it is entered.</summary>
    public const string RangeMessage = "The update cadence is a whole number of minutes from 5 to 1,440 (24 hours).";

    /// <summary>The snooze lengths the banner offers.</summary>
    public static IReadOnlyList<int> SnoozeMinutes { get; } = [10, 30, 60];

    /// <summary>Cadences offered when a lead changes it for one incident.</summary>
    public static IReadOnlyList<int> Presets { get; } = [10, 15, 20, 30, 45, 60, 120, 240];

    public static string Describe(int minutes) => minutes switch
    {
        < 60 => $"every {minutes} min",
        60 => "every hour",
        _ when minutes % 60 == 0 => $"every {minutes / 60} hours",
        _ => $"every {minutes / 60} h {minutes % 60:00} min",
    };
}
