using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Insights;

/// <summary>
/// Percentiles computed where the values are: the database sorts them and sends back only the one or two values the
/// percentile lies between. Linear interpolation between the closest ranks (as PERCENTILE_CONT and spreadsheets'
/// PERCENTILE.INC do): the median of 1, 2, 3, 10 is 2.5; its 90th percentile is 7.9.
/// </summary>
public static class Percentiles
{
    /// <summary>The <paramref name="p"/> percentile (0 to 1) of <paramref name="count"/> values; null when there are none.</summary>
    public static async Task<double?> OfAsync(IQueryable<double> values, int count, double p, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (count <= 0)
        {
            return null;
        }

        var (lower, upper, fraction) = Ranks(count, p);
        var rows = await values.OrderBy(v => v).Skip(lower).Take(upper - lower + 1).ToListAsync(cancellationToken);
        return Interpolate(rows, fraction);
    }

    /// <summary>The same rule over values already in memory (for tests and small lists).</summary>
    public static double? Of(IReadOnlyCollection<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var (lower, upper, fraction) = Ranks(values.Count, p);
        return Interpolate([.. values.Order().Skip(lower).Take(upper - lower + 1)], fraction);
    }

    /// <summary>
    /// Which sorted values (from <c>Skip</c>, <c>Take</c> of them) the <paramref name="p"/> percentile of
    /// <paramref name="count"/> values lies between, for a query that fetches them with others in one statement.
    /// </summary>
    public static (int Skip, int Take) Window(int count, double p)
    {
        var (lower, upper, _) = Ranks(count, p);
        return (lower, upper - lower + 1);
    }

    /// <summary>The percentile from the values <see cref="Window"/> named (in any order); null when there are none.</summary>
    public static double? FromWindow(IEnumerable<double> window, int count, double p)
    {
        ArgumentNullException.ThrowIfNull(window);
        return count <= 0 ? null : Interpolate([.. window.Order()], Ranks(count, p).Fraction);
    }

    private static (int Lower, int Upper, double Fraction) Ranks(int count, double p)
    {
        var position = Math.Clamp(p, 0, 1) * (count - 1);
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return (lower, upper, position - lower);
    }

    private static double? Interpolate(IReadOnlyList<double> rows, double fraction) => rows.Count switch
    {
        0 => null,
        1 => rows[0],
        _ => rows[0] + ((rows[1] - rows[0]) * fraction),
    };
}
