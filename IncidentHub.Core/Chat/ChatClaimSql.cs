using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace IncidentHub.Core.Chat;

/// <summary>
/// The chat inbox's and outbox's claims where the database offers more than a conditional update: on PostgreSQL one
/// <c>UPDATE ... WHERE Id IN (SELECT ... FOR UPDATE SKIP LOCKED)</c>, so a second worker sweeping at the same moment
/// takes the next rows instead of waiting for the first one's row locks and then finding them taken. The lease
/// condition is stated in the same statement, so a row is still claimed once. SQLite (one writer) and SQL Server keep
/// the portable select-then-conditional-update of <see cref="ChatInboxService"/> and <see cref="ChatOutboxService"/>.
/// Names come from the model through EF's <see cref="ISqlGenerationHelper"/>; values are parameters.
/// </summary>
internal static class ChatClaimSql
{
    public static bool SkipsLockedRows(IncidentHubDbContext db) => db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Parameters: {0} token, {1} lease until (ticks), {2} the Pending status, {3} now (ticks), {4} how many.</summary>
    public static string InboxClaim(IncidentHubDbContext db)
    {
        var (table, column) = Names<ChatInboxItem>(db);
        string C(string property) => column(property);
        return $"UPDATE {table} SET {C(nameof(ChatInboxItem.LeaseToken))} = {{0}}, {C(nameof(ChatInboxItem.LeaseUntilTicks))} = {{1}}, "
            + $"{C(nameof(ChatInboxItem.Attempts))} = {C(nameof(ChatInboxItem.Attempts))} + 1 "
            + $"WHERE {C(nameof(ChatInboxItem.Id))} IN (SELECT {C(nameof(ChatInboxItem.Id))} FROM {table} "
            + $"WHERE {C(nameof(ChatInboxItem.Status))} = {{2}} AND {C(nameof(ChatInboxItem.NextAttemptAtTicks))} <= {{3}} AND {C(nameof(ChatInboxItem.LeaseUntilTicks))} <= {{3}} "
            + $"ORDER BY {C(nameof(ChatInboxItem.Id))} LIMIT {{4}} FOR UPDATE SKIP LOCKED)";
    }

    /// <summary>
    /// The heads of lanes (no earlier pending row of the same incident, or of the workspace lane when it has none),
    /// due and not leased. Parameters as <see cref="InboxClaim"/>.
    /// </summary>
    public static string OutboxClaim(IncidentHubDbContext db)
    {
        var (table, column) = Names<ChatOutboxItem>(db);
        string C(string property) => column(property);
        var id = C(nameof(ChatOutboxItem.Id));
        var status = C(nameof(ChatOutboxItem.Status));
        var incident = C(nameof(ChatOutboxItem.IncidentId));
        return $"UPDATE {table} SET {C(nameof(ChatOutboxItem.LeaseToken))} = {{0}}, {C(nameof(ChatOutboxItem.LeaseUntilTicks))} = {{1}} "
            + $"WHERE {id} IN (SELECT o.{id} FROM {table} o "
            + $"WHERE o.{status} = {{2}} AND o.{C(nameof(ChatOutboxItem.NextAttemptAtTicks))} <= {{3}} AND o.{C(nameof(ChatOutboxItem.LeaseUntilTicks))} <= {{3}} "
            + $"AND NOT EXISTS (SELECT 1 FROM {table} p WHERE p.{status} = {{2}} AND p.{incident} IS NOT DISTINCT FROM o.{incident} AND p.{id} < o.{id}) "
            + $"ORDER BY o.{id} LIMIT {{4}} FOR UPDATE OF o SKIP LOCKED)";
    }

    private static (string Table, Func<string, string> Column) Names<T>(IncidentHubDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var type = db.Model.FindEntityType(typeof(T))!;
        var store = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        return (sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema()),
            property => sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(store)!));
    }
}
