using IncidentHub.Core.Common;

namespace IncidentHub.Core.StatusPage;

/// <summary>
/// One of the organisation's services: a part of the product customers recognise (API, Dashboard, Payments), listed
/// on the public status page, or an internal one (Ledger, Build pipeline) that only incidents name.
/// </summary>
public sealed class StatusComponent : IAdminEditable
{
    public const int NameMax = 100;
    public const int DescriptionMax = 500;
    public const int OwnerTeamMax = 100;
    public const int LinkMax = 500;

    private StatusComponent()
    {
    }

    public StatusComponent(string name, string? description, int sortOrder, bool isPublic = true, string? ownerTeam = null, string? link = null)
    {
        Change(name, description, isPublic, ownerTeam, link);
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public int SortOrder { get; private set; }

    public bool IsArchived { get; private set; }

    /// <summary>On the public status page (and offered in the publish form); internal services only name incidents.</summary>
    public bool IsPublic { get; private set; } = true;

    /// <summary>The team that owns it, by name ("" when nobody said).</summary>
    public string OwnerTeam { get; private set; } = "";

    /// <summary>An http(s) address: its dashboard, runbook or repository ("" for none).</summary>
    public string Link { get; private set; } = "";

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void Change(string name, string? description, bool isPublic = true, string? ownerTeam = null, string? link = null)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMax)
        {
            throw ValidationFailedException.For(nameof(Name), "A service needs a name of 1 to 100 characters.");
        }

        if ((description ?? "").Trim().Length > DescriptionMax)
        {
            throw ValidationFailedException.For(nameof(Description), "Keep the description to 500 characters or fewer.");
        }

        if ((ownerTeam ?? "").Trim().Length > OwnerTeamMax)
        {
            throw ValidationFailedException.For(nameof(OwnerTeam), "Keep the owner team's name to 100 characters or fewer.");
        }

        var trimmedLink = (link ?? "").Trim();
        if (trimmedLink.Length > LinkMax)
        {
            throw ValidationFailedException.For(nameof(Link), "Keep the link to 500 characters or fewer.");
        }

        if (trimmedLink.Length > 0 && !IsWebAddress(trimmedLink))
        {
            throw ValidationFailedException.For(nameof(Link), "The link must be a full web address starting with https:// or http://.");
        }

        Name = name.Trim();
        Description = description?.Trim() ?? "";
        IsPublic = isPublic;
        OwnerTeam = ownerTeam?.Trim() ?? "";
        Link = trimmedLink;
        Version = Guid.NewGuid();
    }

    public void MoveTo(int sortOrder) => SortOrder = sortOrder;

    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(uri.Host);
}
