using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.AffectedServices;

/// <summary>The incidents list's service filter reads IncidentServices through an index on SQLite, never a scan (the plan says so).</summary>
public sealed class ServiceFilterPlanTests(SqliteTestDatabase database) : DatabaseTest(database), IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task FilteringByAService_SearchesIncidentServicesByIndex()
    {
        var alias = "";
        var plan = await Harness.QueryAsync(async db =>
        {
            var ids = new List<int> { 3, 7 };
            var query = db.Incidents.Where(i => db.AffectedServices.Any(a => a.IncidentId == i.Id && ids.Contains(a.ServiceId))).Select(i => i.Id);
            await db.Database.OpenConnectionAsync(Ct);
            await using var command = query.CreateDbCommand();
            alias = System.Text.RegularExpressions.Regex.Match(command.CommandText, "\"IncidentServices\" AS \"(\\w+)\"").Groups[1].Value;
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            var details = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                details.Add(reader.GetString(3));
            }

            return details;
        });

        Assert.NotEqual("", alias);
        var services = plan.Where(d => d.Contains($" {alias} ", StringComparison.Ordinal) || d.EndsWith($" {alias}", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(services);
        // e.g. "SEARCH i0 EXISTS USING COVERING INDEX sqlite_autoindex_IncidentServices_1 (IncidentId=? AND ServiceId=?)".
        Assert.StartsWith($"SEARCH {alias} ", line, StringComparison.Ordinal);
        Assert.Contains("USING COVERING INDEX", line, StringComparison.Ordinal);
    }
}
