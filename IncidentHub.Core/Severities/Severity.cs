using IncidentHub.Core.Common;
using IncidentHub.Core.Reminders;

namespace IncidentHub.Core.Severities;

/// <summary>
/// A configurable severity. A higher <see cref="Rank"/> is more severe.
/// </summary>
public sealed class Severity : IAdminEditable
{
    public const int NameMax = 50;
    public const int GuidanceMax = 1_000;
    public const int RankMin = 1;
    public const int RankMax = 100;

    /// <summary>The one refusal for a rank out of range or not a number.</summary>
    public const string RankMessage = "Rank is a whole number from 1 to 100; higher is more severe.";

    private Severity()
    {
    }

    public Severity(string name, int rank, string guidance, int updateCadenceMinutes = UpdateCadence.DefaultMinutes)
    {
        SetCadence(updateCadenceMinutes);
        Rename(name);
        Rank = rank;
        Guidance = guidance?.Trim() ?? "";
    }

    /// <summary>A severity with a known id, as if loaded from the database. For tests of the aggregate.</summary>
    internal Severity(int id, string name, int rank, string guidance, int updateCadenceMinutes = UpdateCadence.DefaultMinutes)
        : this(name, rank, guidance, updateCadenceMinutes)
    {
        Id = id;
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public int Rank { get; private set; }

    public string Guidance { get; private set; } = "";

    public bool IsArchived { get; private set; }

    /// <summary>Changes on every edit, so two admins editing at once do not overwrite each other.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw ValidationFailedException.For(nameof(Name), "Give the severity a name.");
        }

        if (name.Trim().Length > NameMax)
        {
            throw ValidationFailedException.For(nameof(Name), TextLimits.TooLong("the name", NameMax, name.Trim().Length));
        }

        Name = name.Trim();
    }

    /// <summary>How often incidents of this severity expect an update, unless the lead changes it for one incident.</summary>
    public int UpdateCadenceMinutes { get; private set; } = UpdateCadence.DefaultMinutes;

    public void Change(string name, int rank, string guidance, int updateCadenceMinutes)
    {
        Version = Guid.NewGuid();
        SetCadence(updateCadenceMinutes);
        Rename(name);
        Rank = rank;
        Guidance = guidance?.Trim() ?? "";
    }

    private void SetCadence(int minutes)
    {
        if (minutes is < UpdateCadence.MinMinutes or > UpdateCadence.MaxMinutes)
        {
            throw ValidationFailedException.For(nameof(UpdateCadenceMinutes), UpdateCadence.RangeMessage);
        }

        UpdateCadenceMinutes = minutes;
    }

    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;

    /// <summary>The severities a new installation starts with.</summary>
    public static IReadOnlyList<Severity> Defaults() =>
    [
        new("Minor", 1, "Small or cosmetic impact on a few customers; a workaround exists. Fix in working hours."),
        new("Major", 2, "A significant feature is degraded or unavailable for many customers. Work on it now."),
        new("Critical", 3, "The product is down, data is at risk or security is breached. All hands, page whoever is needed."),
    ];
}
