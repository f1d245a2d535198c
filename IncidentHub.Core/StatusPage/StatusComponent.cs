using IncidentHub.Core.Common;

namespace IncidentHub.Core.StatusPage;

/// <summary>A part of the product customers recognise (API, Dashboard, Payments), listed on the public status page.</summary>
public sealed class StatusComponent : IAdminEditable
{
    public const int NameMax = 100;
    public const int DescriptionMax = 500;

    private StatusComponent()
    {
    }

    public StatusComponent(string name, string? description, int sortOrder)
    {
        Change(name, description);
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public int SortOrder { get; private set; }

    public bool IsArchived { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void Change(string name, string? description)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMax)
        {
            throw ValidationFailedException.For(nameof(Name), "A service needs a name of 1 to 100 characters.");
        }

        if ((description ?? "").Trim().Length > DescriptionMax)
        {
            throw ValidationFailedException.For(nameof(Description), "Keep the description to 500 characters or fewer.");
        }

        Name = name.Trim();
        Description = description?.Trim() ?? "";
        Version = Guid.NewGuid();
    }

    public void MoveTo(int sortOrder) => SortOrder = sortOrder;

    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;
}
