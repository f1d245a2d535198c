using System.Linq.Expressions;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace IncidentHub.Web.Data.Sqlite;

/// <summary>Core's database-only functions (<see cref="SqlTime"/>) in SQLite's SQL.</summary>
internal static class SqliteFunctions
{
    private static readonly RelationalTypeMapping Real = new DoubleTypeMapping("REAL");

    public static void Configure(ModelBuilder builder)
    {
        // Instants are stored as UTC text ("2026-11-24 09:00:00.1234567"), which julianday reads to the microsecond.
        builder.HasDbFunction(SqlTime.SecondsBetweenMethod).HasTranslation(args =>
            new SqlBinaryExpression(
                ExpressionType.Multiply,
                new SqlBinaryExpression(ExpressionType.Subtract, JulianDay(args[1]), JulianDay(args[0]), typeof(double), Real),
                new SqlConstantExpression(86_400.0, typeof(double), Real),
                typeof(double),
                Real));
    }

    private static SqlFunctionExpression JulianDay(SqlExpression instant) =>
        new("julianday", [instant], nullable: true, argumentsPropagateNullability: [true], typeof(double), Real);
}
