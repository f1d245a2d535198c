using System.Globalization;
using IncidentHub.Core.Common;
using IncidentHub.Core.Reminders;

namespace IncidentHub.Core.IncidentTypes;

/// <summary>
/// A kind of incident the organisation runs its own way (Platform, Security, Payments), with the defaults a
/// declaration of it starts from: private or not, a severity, an update cadence, the roles it expects and the prefix
/// of its chat channel's name. One type is the default; archived types stay on the incidents that have them.
/// </summary>
public sealed class IncidentType : IAdminEditable
{
    public const int NameMax = 60;
    public const int DescriptionMax = 500;
    public const int ChannelPrefixMax = 20;
    public const int MaxExpectedRoles = 20;

    private string _expectedRoleIds = "";

    private IncidentType()
    {
    }

    public IncidentType(IncidentTypeDefaults defaults, int sortOrder)
    {
        Change(defaults);
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Shown when choosing it: when to pick this type.</summary>
    public string Description { get; private set; } = "";

    /// <summary>Incidents of this type are private from the first minute.</summary>
    public bool IsPrivate { get; private set; }

    /// <summary>The severity a declaration starts from when the declarer picks none; null for no default.</summary>
    public int? DefaultSeverityId { get; private set; }

    /// <summary>Minutes between updates for incidents of this type; null to follow the severity's cadence.</summary>
    public int? UpdateCadenceMinutes { get; private set; }

    /// <summary>The chat channel's name starts with this instead of "inc" ("" for the usual "inc").</summary>
    public string ChannelPrefix { get; private set; } = "";

    /// <summary>The roles an incident of this type is expected to have filled (ids of role definitions).</summary>
    public IReadOnlyList<int> ExpectedRoleIds =>
        _expectedRoleIds.Length == 0 ? [] : [.. _expectedRoleIds.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    public bool IsDefault { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsArchived { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void Change(IncidentTypeDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var name = (defaults.Name ?? "").Trim();
        if (name.Length == 0 || name.Length > NameMax)
        {
            throw ValidationFailedException.For(nameof(Name), $"A type needs a name of 1 to {NameMax} characters.");
        }

        var description = (defaults.Description ?? "").Trim();
        if (description.Length > DescriptionMax)
        {
            throw ValidationFailedException.For(nameof(Description), $"Keep the description to {DescriptionMax} characters or fewer.");
        }

        if (defaults.UpdateCadenceMinutes is { } cadence && (cadence < UpdateCadence.MinMinutes || cadence > UpdateCadence.MaxMinutes))
        {
            throw ValidationFailedException.For(nameof(UpdateCadenceMinutes), UpdateCadence.RangeMessage);
        }

        var prefix = (defaults.ChannelPrefix ?? "").Trim();
        if (prefix.Length > ChannelPrefixMax || !prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || prefix.StartsWith('-') || prefix.EndsWith('-'))
        {
            throw ValidationFailedException.For(nameof(ChannelPrefix),
                $"A channel prefix is up to {ChannelPrefixMax} lower-case letters, digits and inner hyphens, e.g. sec or pay-ops.");
        }

        var roles = (defaults.ExpectedRoleIds ?? []).Distinct().ToList();
        if (roles.Count > MaxExpectedRoles)
        {
            throw ValidationFailedException.For(nameof(ExpectedRoleIds), $"A type can expect up to {MaxExpectedRoles} roles.");
        }

        Name = name;
        Description = description;
        IsPrivate = defaults.IsPrivate;
        DefaultSeverityId = defaults.DefaultSeverityId;
        UpdateCadenceMinutes = defaults.UpdateCadenceMinutes;
        ChannelPrefix = prefix;
        _expectedRoleIds = string.Join(',', roles.Select(r => r.ToString(CultureInfo.InvariantCulture)));
        Version = Guid.NewGuid();
    }

    internal void SetDefault(bool isDefault)
    {
        IsDefault = isDefault;
        Version = Guid.NewGuid();
    }

    public void MoveTo(int sortOrder) => SortOrder = sortOrder;

    internal void Archive()
    {
        IsArchived = true;
        Version = Guid.NewGuid();
    }

    internal void Restore()
    {
        IsArchived = false;
        Version = Guid.NewGuid();
    }
}

/// <summary>What an admin sets on a type (its name, description and the defaults a declaration of it starts from).</summary>
public sealed record IncidentTypeDefaults(
    string Name,
    string? Description = null,
    bool IsPrivate = false,
    int? DefaultSeverityId = null,
    int? UpdateCadenceMinutes = null,
    IReadOnlyCollection<int>? ExpectedRoleIds = null,
    string? ChannelPrefix = null);
