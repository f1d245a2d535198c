namespace IncidentHub.Core.Data;

/// <summary>
/// Time arithmetic that only the database does, so that insights group and rank durations where the rows are instead of
/// loading them. Each provider's context maps these to its own SQL (SQLite's <c>julianday</c>, SQL Server's
/// <c>DATEDIFF_BIG</c>, PostgreSQL's <c>EXTRACT(EPOCH ...)</c>); calling them outside a query throws.
/// </summary>
public static class SqlTime
{
    /// <summary>Seconds from <paramref name="from"/> to <paramref name="to"/> (negative when <paramref name="to"/> is earlier); null when either is null.</summary>
    public static double? SecondsBetween(DateTimeOffset? from, DateTimeOffset? to) =>
        throw new NotSupportedException($"{nameof(SecondsBetween)} runs in the database only: use it inside a LINQ query.");

    public static System.Reflection.MethodInfo SecondsBetweenMethod { get; } =
        typeof(SqlTime).GetMethod(nameof(SecondsBetween)) ?? throw new InvalidOperationException("SqlTime.SecondsBetween is missing.");
}
