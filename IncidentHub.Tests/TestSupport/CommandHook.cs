using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// Fails the next SQL commands that match, as a database that went away at that exact statement would: to
/// kill a unit of work half-way (after its change is written, before its events are) and check nothing was kept.
/// </summary>
public sealed class CommandHook : DbCommandInterceptor
{
    private Func<string, bool>? _failNext;
    private int _times;

    /// <summary>The next <paramref name="times"/> commands whose SQL <paramref name="matches"/> throw instead of running.</summary>
    public void FailNext(Func<string, bool> matches, int times = 1)
    {
        _times = times;
        _failNext = matches;
    }

    /// <summary>The next <paramref name="times"/> INSERTs into <paramref name="table"/> (any provider's quoting) throw.</summary>
    public void FailNextInsertInto(string table, int times = 1) =>
        FailNext(sql => sql.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase) && sql.Contains(table, StringComparison.Ordinal), times);

    public void Clear() => _failNext = null;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Check(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_failNext is { } matches && matches(command.CommandText))
        {
            if (Interlocked.Decrement(ref _times) <= 0)
            {
                Interlocked.CompareExchange(ref _failNext, null, matches);
            }

            throw new InvalidOperationException("The database went away (CommandHook).");
        }
    }
}
