using System.Net;
using Hangfire;
using Hangfire.PostgreSql;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Tests.Web.Data;

/// <summary>
/// The whole app on PostgreSQL (<c>Database:Provider=PostgreSql</c>): it starts on a migrated database, says it is
/// healthy, keeps Hangfire's queue in the same server (schema <c>hangfire</c>) and its data-protection keys in the
/// database, as on the other providers.
/// </summary>
public sealed class PostgreSqlAppTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private AppFactory _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        database.SkipIfUnavailable();
        await database.ResetAsync();
        _app = new AppFactory(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:IncidentHub"] = database.ConnectionString,
        });
    }

    [Fact]
    public async Task TheApp_RunsOnPostgreSql_WithHangfireAndTheKeyRingInTheSameDatabase()
    {
        var client = _app.AnonymousClient();

        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
        var setup = await client.GetAsync(new Uri("/setup", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"database\":\"Healthy\"", await health.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.IsType<PostgreSqlStorage>(_app.Services.GetRequiredService<JobStorage>());
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        var schemas = await db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name = 'job'").SingleAsync(Ct);
        var keys = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM \"DataProtectionKeys\"").SingleAsync(Ct);
        Assert.Equal(1, schemas);
        Assert.True(keys > 0, "The key ring was not written to PostgreSQL.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
