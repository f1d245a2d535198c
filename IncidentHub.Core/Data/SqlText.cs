using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Data;

/// <summary>How the database compares text, where the providers differ.</summary>
public static class SqlText
{
    /// <summary>
    /// True on PostgreSQL, whose <c>LIKE</c> heeds case: callers lower both sides there. SQLite's <c>LIKE</c> ignores
    /// ASCII case and SQL Server's usual <c>*_CI_AS</c> collation ignores case, so there the text is compared as stored.
    /// </summary>
    public static bool LikeHeedsCase(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return string.Equals(db.Database.ProviderName, "Npgsql.EntityFrameworkCore.PostgreSQL", StringComparison.Ordinal);
    }
}
