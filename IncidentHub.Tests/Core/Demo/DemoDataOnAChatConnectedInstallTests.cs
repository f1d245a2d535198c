using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Demo;
using IncidentHub.Core.Users;
using IncidentHub.Tests.Core.Chat;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Tests.Core.Demo;

/// <summary>The demo data goes through the same pipeline as everything else, and never reaches the chat system unless asked.</summary>
public abstract class DemoDataOnAChatConnectedInstallTests(TestDatabase database) : DatabaseTest(database)
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddChatOutbox();

    private Task<Actor> FirstAdminAsync() => Harness.Accounts.CreateFirstAdminAsync(new FirstRunForm
    {
        SetupCode = ServiceHarness.SetupCode,
        DisplayName = "Ada Admin",
        Email = "ada@example.com",
        Password = ServiceHarness.Password,
        ConfirmPassword = ServiceHarness.Password,
    }, ServiceHarness.SetupCode, Ct);

    [Fact]
    public async Task Seed_MakesNoChannels_AndQueuesNothingForTheChatSystem()
    {
        var admin = await FirstAdminAsync();

        await Harness.DemoData.SeedAsync(admin, Ct);

        Assert.Equal(0, await Harness.QueryAsync(db => db.ChatChannels.CountAsync(Ct)));
        Assert.Equal(0, await Harness.QueryAsync(db => db.ChatOutbox.CountAsync(Ct)));
    }

    [Fact]
    public async Task Seed_IsInTheEventLog_AtTheTimesItHappened()
    {
        var admin = await FirstAdminAsync();

        await Harness.DemoData.SeedAsync(admin, Ct);

        var log = await Harness.QueryAsync(db => db.EventLog.OrderBy(e => e.Sequence).ToListAsync(Ct));
        Assert.Equal(7, log.Count(e => e.Kind == "incident.declared"));
        Assert.Contains(log, e => e.Kind == "status_page.published");
        Assert.All(log, e => Assert.True(e.OccurredAt < ServiceHarness.Start));
        Assert.All(log, e => Assert.Equal(ServiceHarness.Start, e.RecordedAt));
    }

    [Fact]
    public async Task Seed_AskedToOpenChannels_GivesEveryDemoIncidentOne()
    {
        var admin = await FirstAdminAsync();

        await Harness.DemoData.SeedAsync(admin, new DemoDataOptions(OpenChatChannels: true), Ct);

        Assert.Equal(7, await Harness.QueryAsync(db => db.ChatChannels.CountAsync(Ct)));
        Assert.Equal(7, await Harness.QueryAsync(db => db.ChatOutbox.CountAsync(o => o.Kind == ChatOperationKind.CreateChannel, Ct)));
    }
}

public sealed class DemoDataOnAChatConnectedInstallTests_Sqlite(SqliteTestDatabase database)
    : DemoDataOnAChatConnectedInstallTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class DemoDataOnAChatConnectedInstallTests_SqlServer(SqlServerTestDatabase database)
    : DemoDataOnAChatConnectedInstallTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class DemoDataOnAChatConnectedInstallTests_PostgreSql(PostgreSqlTestDatabase database)
    : DemoDataOnAChatConnectedInstallTests(database), IClassFixture<PostgreSqlTestDatabase>;
