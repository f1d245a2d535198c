namespace IncidentHub.Core.Common;

/// <summary>A setting admins keep in a list (a severity, a role, a status-page service): named, archivable, versioned.</summary>
public interface IAdminEditable
{
    int Id { get; }

    string Name { get; }

    bool IsArchived { get; }

    /// <summary>Changes on every edit; an editor who started from an older one is told, not overwritten.</summary>
    Guid Version { get; }
}
