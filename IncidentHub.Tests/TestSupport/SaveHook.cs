using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// Runs a test's action just before the next <c>SaveChanges</c>, once. Services load, change and save; this is how a
/// test puts "someone else saved in the meantime" exactly between the load and the save, without sleeps or luck.
/// Only asynchronous saves run it (every Core service saves asynchronously).
/// </summary>
public sealed class SaveHook : SaveChangesInterceptor
{
    private Func<Task>? _beforeNextSave;

    /// <summary>Runs <paramref name="action"/> before the next save of any context from the test database.</summary>
    public void BeforeNextSave(Func<Task> action) => _beforeNextSave = action;

    public void Clear() => _beforeNextSave = null;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        // Take it before running it: the action's own save must not trigger it again.
        if (Interlocked.Exchange(ref _beforeNextSave, null) is { } action)
        {
            await action();
        }

        return result;
    }
}
