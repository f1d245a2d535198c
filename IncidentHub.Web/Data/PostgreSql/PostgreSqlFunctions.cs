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
        // date_part('epoch', to) - date_part('epoch', from): seconds since 1970 of each instant (double precision, to the
        // microsecond for any date IncidentHub stores), subtracted.
        builder.HasDbFunction(SqlTime.SecondsBetweenMethod).HasTranslation(args =>
            new SqlBinaryExpression(ExpressionType.Subtract, Epoch(args[1]), Epoch(args[0]), typeof(double), Double));
    }

    private static SqlFunctionExpression Epoch(SqlExpression instant) =>
        new("date_part", [new SqlConstantExpression("epoch", typeof(string), Text), instant], nullable: true,
            argumentsPropagateNullability: [false, true], typeof(double), Double);
}
