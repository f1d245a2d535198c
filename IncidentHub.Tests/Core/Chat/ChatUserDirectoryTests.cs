using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Users;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static IncidentHub.Tests.Core.Chat.ChatTestData;

namespace IncidentHub.Tests.Core.Chat;

public abstract class ChatUserDirectoryTests(TestDatabase database) : DatabaseTest(database)
{
    private ChatUserDirectory Directory => Harness.Get<ChatUserDirectory>();

    private Task<string> EmailOfAsync(Actor actor) =>
        Harness.QueryAsync(db => db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Email!).SingleAsync(Ct));

    [Fact]
    public async Task APersonWhoseEmailHasAnAccount_ActsAsThatAccount_FromSlack()
    {
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        await Directory.RecordAsync(Provider, "U1", "sam", " " + (await EmailOfAsync(sam)).ToUpperInvariant() + " ", Ct);

        var actor = await Directory.ActorForAsync(Provider, "U1", "sam", AppRole.Viewer, Ct);

        Assert.Equal((sam.UserId, "Sam Okafor", AppRole.Responder, TimelineSource.Slack), (actor.UserId, actor.DisplayName, actor.Role, actor.Via));
        Assert.Equal("U1", await Directory.FindExternalIdAsync(Provider, sam.UserId, Ct));
    }

    [Fact]
    public async Task APersonWithoutAnAccount_ActsWithTheDefaultRole_UnderTheirSlackName()
    {
        await Directory.RecordAsync(Provider, "U2", "Pat Contractor", "pat@elsewhere.example", Ct);

        var asViewer = await Directory.ActorForAsync(Provider, "U2", "pat", AppRole.Viewer, Ct);
        var asResponder = await Directory.ActorForAsync(Provider, "U2", "pat", AppRole.Responder, Ct);
        var unknown = await Directory.ActorForAsync(Provider, "U3", "someone", AppRole.Viewer, Ct);

        Assert.Equal(("slack:U2", "Pat Contractor", AppRole.Viewer), (asViewer.UserId, asViewer.DisplayName, asViewer.Role));
        Assert.Equal(AppRole.Responder, asResponder.Role);
        Assert.Equal(("slack:U3", "someone"), (unknown.UserId, unknown.DisplayName));
        Assert.True(ChatUserDirectory.TryParseExternalActorId(Provider, asViewer.UserId, out var external));
        Assert.Equal("U2", external);
        Assert.Equal("U2", await Directory.FindExternalIdAsync(Provider, asViewer.UserId, Ct));
    }

    [Fact]
    public async Task ADeactivatedAccount_CannotActFromSlack()
    {
        var admin = await Harness.CreateAdminAsync();
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        await Directory.RecordAsync(Provider, "U1", "sam", await EmailOfAsync(sam), Ct);
        await Harness.Accounts.SetActiveAsync(admin, sam.UserId, active: false, Ct);

        var actor = await Directory.ActorForAsync(Provider, "U1", "sam", AppRole.Responder, Ct);

        Assert.Equal(sam.UserId, actor.UserId);
        Assert.False(actor.CanRespond);
    }

    [Fact]
    public async Task AProfile_IsStaleAfterADay_AndRecordingItAgainUpdatesIt()
    {
        await Directory.RecordAsync(Provider, "U1", "Old Name", null, Ct);
        Harness.Time.Advance(ChatUserDirectory.ProfileLifetime - TimeSpan.FromSeconds(1));
        var freshBefore = !Directory.IsStale(await Directory.GetAsync(Provider, "U1", Ct));
        Harness.Time.Advance(TimeSpan.FromSeconds(1));
        var staleAfter = Directory.IsStale(await Directory.GetAsync(Provider, "U1", Ct));

        await Directory.RecordAsync(Provider, "U1", "New Name", null, Ct);

        Assert.True(freshBefore);
        Assert.True(staleAfter);
        Assert.True(Directory.IsStale(null));
        Assert.Equal("New Name", (await Directory.GetAsync(Provider, "U1", Ct))!.DisplayName);
        Assert.Equal(1, await Harness.QueryAsync(db => db.ChatUsers.CountAsync(Ct)));
    }
}

public sealed class ChatUserDirectoryTests_Sqlite(SqliteTestDatabase database)
    : ChatUserDirectoryTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ChatUserDirectoryTests_SqlServer(SqlServerTestDatabase database)
    : ChatUserDirectoryTests(database), IClassFixture<SqlServerTestDatabase>;
