using System.Linq.Expressions;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace IncidentHub.Web.Data.PostgreSql;

/// <summary>Core's database-only functions (<see cref="SqlTime"/>) in PostgreSQL's SQL.</summary>
internal static class PostgreSqlFunctions
{
    private static readonly RelationalTypeMapping Double = new DoubleTypeMapping("double precision");
    private static readonly RelationalTypeMapping Text = new StringTypeMapping("text", System.Data.DbType.String);

    public static void Configure(ModelBuilder builder)
    {
        // date_part('epoch', to - from): the interval's seconds, to the microsecond, as double precision.
        builder.HasDbFunction(SqlTime.SecondsBetweenMethod).HasTranslation(args =>
            new SqlFunctionExpression(
                "date_part",
                [new SqlConstantExpression("epoch", typeof(string), Text), new SqlBinaryExpression(ExpressionType.Subtract, args[1], args[0], typeof(TimeSpan), null)],
                nullable: true,
                argumentsPropagateNullability: [false, true],
                typeof(double),
                Double));
    }
}
