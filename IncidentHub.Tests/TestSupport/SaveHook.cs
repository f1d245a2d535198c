using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// Runs a test's action just before the next save, once: before the transaction it saves in begins, or before a
/// <c>SaveChanges</c> that runs in no transaction of its own. Services load, change and save; this is how a test puts
/// "someone else saved in the meantime" exactly between the load and the save, without sleeps or luck. (The event
/// pipeline saves a change and its events in one transaction, which on SQLite holds the write lock: the action must run
/// before it begins, or its own save would wait for ours.) Only asynchronous saves run it (every Core service saves
/// asynchronously).
/// </summary>
public sealed class SaveHook : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private Func<Task>? _beforeNextSave;
    private Type? _onlyWhenAdding;

    /// <summary>Runs <paramref name="action"/> before the next save of any context from the test database.</summary>
    public void BeforeNextSave(Func<Task> action)
    {
        _onlyWhenAdding = null;
        _beforeNextSave = action;
    }

    /// <summary>
    /// Runs <paramref name="action"/> just before the next <c>SaveChanges</c> that inserts a <typeparamref name="T"/>
    /// (inside whatever transaction that save is part of): to fail the second half of a unit of work, say.
    /// </summary>
    public void BeforeSaving<T>(Func<Task> action)
    {
        _onlyWhenAdding = typeof(T);
        _beforeNextSave = action;
    }

    public void Clear() => _beforeNextSave = null;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (_onlyWhenAdding is { } type)
        {
            if (eventData.Context!.ChangeTracker.Entries().Any(e => e.State == EntityState.Added && e.Metadata.ClrType == type))
            {
                await RunAsync();
            }
        }
        else if (eventData.Context?.Database.CurrentTransaction is null)
        {
            await RunAsync();
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection,
        TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        if (_onlyWhenAdding is null)
        {
            await RunAsync();
        }

        return result;
    }

    private async Task RunAsync()
    {
        // Take it before running it: the action's own save must not trigger it again.
        if (Interlocked.Exchange(ref _beforeNextSave, null) is { } action)
        {
            await action();
        }
    }
}
