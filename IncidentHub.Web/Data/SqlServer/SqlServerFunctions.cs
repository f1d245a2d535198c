using System.Linq.Expressions;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace IncidentHub.Web.Data.SqlServer;

/// <summary>Core's database-only functions (<see cref="SqlTime"/>) in SQL Server's SQL.</summary>
internal static class SqlServerFunctions
{
    private static readonly RelationalTypeMapping Float = new DoubleTypeMapping("float");
    private static readonly RelationalTypeMapping BigInt = new LongTypeMapping("bigint");

    public static void Configure(ModelBuilder builder)
    {
        // DATEDIFF_BIG(millisecond, from, to) / 1000.0: milliseconds do not overflow for any span IncidentHub stores.
        builder.HasDbFunction(SqlTime.SecondsBetweenMethod).HasTranslation(args =>
            new SqlBinaryExpression(
                ExpressionType.Divide,
                new SqlFunctionExpression(
                    "DATEDIFF_BIG",
                    [new SqlFragmentExpression("millisecond"), args[0], args[1]],
                    nullable: true,
                    argumentsPropagateNullability: [false, true, true],
                    typeof(long),
                    BigInt),
                new SqlConstantExpression(1000.0, typeof(double), Float),
                typeof(double),
                Float));
    }
}
