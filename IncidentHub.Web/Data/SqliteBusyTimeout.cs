using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IncidentHub.Web.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock. Microsoft.Data.Sqlite retries a busy database in steps of 150 ms, so
/// two writers that meet (a page saving while Slack events are stored) cost the second one 150 ms or more; SQLite's
/// own busy handler waits in steps of a few milliseconds. Set on every connection as it opens.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>How long a statement waits for another writer before SQLite reports the database busy.</summary>
    public const int Milliseconds = 30_000;

    private static readonly string Pragma = $"PRAGMA busy_timeout = {Milliseconds};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
