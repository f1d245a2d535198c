using Microsoft.EntityFrameworkCore;

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

/// <summary>The steps every admin list shares when saving: find the item, refuse a stale edit, refuse a taken name.</summary>
public static class AdminEdits
{
    /// <summary>The item, or "That {noun} no longer exists."</summary>
    public static async Task<T> FindAsync<T>(IQueryable<T> items, int id, string noun, CancellationToken cancellationToken)
        where T : class, IAdminEditable =>
        await items.SingleOrDefaultAsync(item => item.Id == id, cancellationToken)
        ?? throw new NotFoundException($"That {noun} no longer exists.");

    /// <summary>The item to change, unless another admin changed it since <paramref name="seenVersion"/>.</summary>
    public static async Task<T> FindForEditAsync<T>(IQueryable<T> items, int id, Guid? seenVersion, string noun, CancellationToken cancellationToken)
        where T : class, IAdminEditable
    {
        var item = await FindAsync(items, id, noun, cancellationToken);
        if (seenVersion is { } seen && seen != item.Version)
        {
            throw new ConflictException($"Another admin changed {item.Name} while you were editing. Nothing was saved: look at the list and try again.");
        }

        return item;
    }

    /// <summary>Refuses a name another item already has (among the items still in use, unless archived ones count too).</summary>
    public static async Task EnsureNameFreeAsync<T>(
        IQueryable<T> items, int? id, string name, string noun, bool archivedCount, CancellationToken cancellationToken)
        where T : class, IAdminEditable
    {
        if (await items.AnyAsync(item => item.Id != id && item.Name == name && (archivedCount || !item.IsArchived), cancellationToken))
        {
            throw ValidationFailedException.For("Name", $"There is already a {noun} called {name}.");
        }
    }
}
