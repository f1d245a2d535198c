using IncidentHub.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IncidentHub.Core.Data;

/// <summary>
/// Where text enters the database, whatever door it came through (a form, Slack, an import, a job): every string
/// property of every added or changed row is made <see cref="XmlSafeText"/> before it is saved. Keys are left alone
/// (they are made by IncidentHub or by Identity, never typed).
/// </summary>
public sealed class TextCleaningInterceptor : SaveChangesInterceptor
{
    public static TextCleaningInterceptor Instance { get; } = new();

    private TextCleaningInterceptor()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Clean(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Clean(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Clean(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text
                    && !property.Metadata.IsKey()
                    && !property.Metadata.IsForeignKey()
                    && !XmlSafeText.IsClean(text))
                {
                    property.CurrentValue = XmlSafeText.Clean(text);
                }
            }
        }
    }
}
