using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Common;

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

    /// <summary>Refuses to bring back a retired item whose name another item in use now has.</summary>
    public static async Task EnsureCanRestoreAsync<T>(IQueryable<T> items, T item, string noun, CancellationToken cancellationToken)
        where T : class, IAdminEditable
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.IsArchived && await items.AnyAsync(other => other.Id != item.Id && other.Name == item.Name && !other.IsArchived, cancellationToken))
        {
            throw new DomainException($"There is already a {noun} called {item.Name}. Rename this one, then restore it.");
        }
    }

    /// <summary>Refuses a name another item already has (among the items still in use, unless archived ones count too).</summary>
    public static async Task EnsureNameFreeAsync<T>(
        IQueryable<T> items, int? id, string name, string noun, bool archivedCount, CancellationToken cancellationToken)
        where T : class, IAdminEditable
    {
        var rivals = archivedCount ? items : items.Where(item => !item.IsArchived);
        if (await rivals.AnyAsync(item => item.Id != id && item.Name == name, cancellationToken))
        {
            throw ValidationFailedException.For("Name", $"There is already a {noun} called {name}.");
        }
    }
}
