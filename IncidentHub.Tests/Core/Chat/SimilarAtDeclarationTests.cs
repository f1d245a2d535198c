using IncidentHub.Core.Actions;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Events;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Tests.Core.Chat;

/// <summary>
/// Once at declaration, the incident's channel hears of similar past incidents: why, how long, open follow-ups;
/// standard incidents only; queued once whatever restarts.
/// </summary>
public abstract class SimilarAtDeclarationTests(TestDatabase database) : DatabaseTest(database)
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddChatOutbox();

    private Task<List<ChatOutboxItem>> RowsAsync(int incidentId) => Harness.QueryAsync(db => db.ChatOutbox
        .Where(o => o.IncidentId == incidentId)
        .OrderBy(o => o.Id)
        .ToListAsync(Ct));

    [Fact]
    public async Task Declaring_QueuesOnePostOfSimilarStandardIncidents_AfterTheFirstPost_NeverAPrivateOne()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var past = await Harness.DeclareAsync(riley, "Card authorisation timeouts at checkout", "Critical", r => r.Summary = "The acquirer times out.");
        await Harness.Actions.AddAsync(riley, past.Id, new AddActionRequest { Title = "Alert on acquirer latency" }, Ct);
        await Harness.MoveToAsync(riley, past.Id, IncidentStatus.Investigating);
        Harness.Time.Advance(TimeSpan.FromMinutes(95));
        await Harness.Updates.PostUpdateAsync(riley, past.Id, new PostUpdateRequest { Message = "Failed over.", NewStatus = IncidentStatus.Resolved }, Ct);
        // Riley leads this private one, so Riley may see it; the channel still never hears of it.
        await Harness.DeclareAsync(riley, "Card authorisation timeouts for the payroll card", "Critical", r => r.IsPrivate = true);

        var now = await Harness.DeclareAsync(riley, "Card authorisation timeouts again", "Critical");

        var rows = await RowsAsync(now.Id);
        Assert.Equal(
            [ChatOperationKind.CreateChannel, ChatOperationKind.SetTopic, ChatOperationKind.Invite, ChatOperationKind.Post, ChatOperationKind.Post, ChatOperationKind.Announce],
            rows.Select(r => r.Kind));
        var post = ChatOperations.Deserialize<PostOperation>(rows[4].Payload);
        Assert.Equal("Similar past incidents", post.Headline);
        var link = Assert.Single(post.Links!);
        Assert.Equal((past.Number, $"{past.Reference}: Card authorisation timeouts at checkout"), (link.Number, link.Title));
        Assert.Equal(
            "Both mention ‘card’, ‘authorisation’ and ‘timeout’; same severity: Critical. Lasted 1 h 35 min (Resolved). Open follow-ups: Alert on acquirer latency.",
            link.Detail);
    }

    [Fact]
    public async Task AfterARestart_TheDeclarationIsNotPostedAgain()
    {
        var riley = await Harness.CreateResponderAsync();
        await Harness.DeclareAsync(riley, "Search cluster red after upgrade");
        var now = await Harness.DeclareAsync(riley, "Search cluster red again");
        var before = (await RowsAsync(now.Id)).Count(r => r.Kind == ChatOperationKind.Post);

        // A second process on the same database: its dispatcher reads the log from the consumer's saved position.
        await using (var restarted = new ServiceHarness(Database, services => services.AddChatOutbox()))
        {
            var dispatcher = restarted.Get<EventDispatcher>();
            await dispatcher.EnsureReadyAsync(Ct);
            await dispatcher.CatchUpAsync(Ct);
        }

        await Harness.Get<EventDispatcher>().CatchUpAsync(Ct);
        Assert.Equal(2, before);
        Assert.Equal(before, (await RowsAsync(now.Id)).Count(r => r.Kind == ChatOperationKind.Post));
    }

    [Fact]
    public async Task WithoutSimilarIncidents_OrWithoutAChannel_NothingMoreIsPosted()
    {
        var riley = await Harness.CreateResponderAsync();
        var first = await Harness.DeclareAsync(riley, "Search cluster red after upgrade");
        var noChannel = await Harness.DeclareAsync(riley, "Search cluster red again", configure: r => r.OpenChatChannel = false);

        Assert.Single(await RowsAsync(first.Id), r => r.Kind == ChatOperationKind.Post);
        Assert.Empty(await RowsAsync(noChannel.Id));
    }
}

public sealed class SimilarAtDeclarationTests_Sqlite(SqliteTestDatabase database)
    : SimilarAtDeclarationTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class SimilarAtDeclarationTests_SqlServer(SqlServerTestDatabase database)
    : SimilarAtDeclarationTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class SimilarAtDeclarationTests_PostgreSql(PostgreSqlTestDatabase database)
    : SimilarAtDeclarationTests(database), IClassFixture<PostgreSqlTestDatabase>;
