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
        await Directory.RecordAsync("U1", "sam", " " + (await EmailOfAsync(sam)).ToUpperInvariant() + " ", ChatUserKind.Member, Ct);

        var actor = await Directory.ActorForAsync("U1", "sam", AppRole.Viewer, Ct);

        Assert.Equal((sam.UserId, "Sam Okafor", AppRole.Responder, TimelineSource.Slack), (actor.UserId, actor.DisplayName, actor.Role, actor.Via));
        Assert.Equal("U1", await Directory.FindExternalIdAsync(sam.UserId, Ct));
    }

    [Fact]
    public async Task APersonWithoutAnAccount_ActsWithTheDefaultRole_UnderTheirSlackName()
    {
        await Directory.RecordAsync("U2", "Pat Contractor", "pat@elsewhere.example", ChatUserKind.Member, Ct);

        var asViewer = await Directory.ActorForAsync("U2", "pat", AppRole.Viewer, Ct);
        var asResponder = await Directory.ActorForAsync("U2", "pat", AppRole.Responder, Ct);
        var unknown = await Directory.ActorForAsync("U3", "someone", AppRole.Viewer, Ct);

        Assert.Equal(("slack:U2", "Pat Contractor", AppRole.Viewer), (asViewer.UserId, asViewer.DisplayName, asViewer.Role));
        Assert.Equal(AppRole.Responder, asResponder.Role);
        Assert.Equal(("slack:U3", "someone"), (unknown.UserId, unknown.DisplayName));
        Assert.True(ChatUserDirectory.TryParseExternalActorId(asViewer.UserId, out var external));
        Assert.Equal("U2", external);
        Assert.Equal("U2", await Directory.FindExternalIdAsync(asViewer.UserId, Ct));
    }

    [Fact]
    public async Task GuestsBotsAndTheUnknown_NeverActAboveViewer_WhateverTheDefaultOrTheirAccount()
    {
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        await Directory.RecordAsync("UGUEST", "Gus Guest", "gus@elsewhere.example", ChatUserKind.Guest, Ct);
        await Directory.RecordAsync("UMATCHED", "sam", await EmailOfAsync(sam), ChatUserKind.Guest, Ct);
        await Directory.RecordAsync("UBOT", "Deploy Bot", null, ChatUserKind.Bot, Ct);
        await Directory.RecordAsync("UMEMBER", "Mia Member", "mia@elsewhere.example", ChatUserKind.Member, Ct);

        var guest = await Directory.ActorForAsync("UGUEST", "gus", AppRole.Responder, Ct);
        var guestWithAccount = await Directory.ActorForAsync("UMATCHED", "sam", AppRole.Responder, Ct);
        var bot = await Directory.ActorForAsync("UBOT", "bot", AppRole.Responder, Ct);
        var neverDescribed = await Directory.ActorForAsync("UNOBODY", "nobody", AppRole.Responder, Ct);
        var member = await Directory.ActorForAsync("UMEMBER", "mia", AppRole.Responder, Ct);

        Assert.Equal(AppRole.Viewer, guest.Role);
        Assert.Equal((sam.UserId, AppRole.Viewer), (guestWithAccount.UserId, guestWithAccount.Role));
        Assert.Equal(AppRole.Viewer, bot.Role);
        Assert.Equal(AppRole.Viewer, neverDescribed.Role);
        Assert.Equal(("slack:UMEMBER", AppRole.Responder), (member.UserId, member.Role));
    }

    [Fact]
    public async Task TheRefusal_SaysWhyAndNamesWhoCanHelp()
    {
        await Harness.CreateAdminAsync("Ada Admin");
        await Harness.CreateAdminAsync("Bo Boss");
        await Directory.RecordAsync("UGUEST", "Gus Guest", null, ChatUserKind.Guest, Ct);
        await Directory.RecordAsync("UVIEW", "Vic", null, ChatUserKind.Member, Ct);
        var guest = await Directory.ActorForAsync("UGUEST", "gus", AppRole.Responder, Ct);
        var viewer = await Directory.ActorForAsync("UVIEW", "vic", AppRole.Viewer, Ct);

        var toGuest = await Directory.RefusalAsync("UGUEST", guest, "declare incidents", Ct);
        var toViewer = await Directory.RefusalAsync("UVIEW", viewer, "change this incident", Ct);
        var toStranger = await Directory.RefusalAsync("UNOBODY", viewer, "declare incidents", Ct);

        Assert.Equal("Guests of this Slack workspace can follow incidents here but cannot declare incidents. Ask someone on the incident, or a full member of the workspace, to do it for you; for anything else, ask Ada Admin or Bo Boss (IncidentHub admins).", toGuest);
        Assert.Equal("You act in IncidentHub as Vic, a Viewer, who cannot change this incident: a Viewer changes only the incidents they declared or hold a role on. Ask the incident's lead for a role, or Ada Admin or Bo Boss (IncidentHub admins) for the Responder role.", toViewer);
        Assert.True(viewer.CanDeclare);
        Assert.False(guest.CanDeclare);
        Assert.StartsWith("IncidentHub could not check your profile with Slack yet", toStranger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProfileOfUnknownKind_IsStale_SoItIsAskedForAgain()
    {
        await Directory.RecordAsync("U1", "Someone", null, ChatUserKind.Unknown, Ct);

        Assert.True(Directory.IsStale(await Directory.GetAsync("U1", Ct)));
    }

    [Fact]
    public async Task ADeactivatedAccount_CannotActFromSlack()
    {
        var admin = await Harness.CreateAdminAsync();
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        await Directory.RecordAsync("U1", "sam", await EmailOfAsync(sam), ChatUserKind.Member, Ct);
        await Harness.Accounts.SetActiveAsync(admin, sam.UserId, active: false, Ct);

        var actor = await Directory.ActorForAsync("U1", "sam", AppRole.Responder, Ct);

        Assert.Equal(sam.UserId, actor.UserId);
        Assert.False(actor.CanRespond);
        Assert.False(actor.CanDeclare);
        Assert.StartsWith("Your IncidentHub account (Sam Okafor) is deactivated, so you can only follow incidents here.",
            await Directory.RefusalAsync("U1", actor, "declare incidents", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProfile_IsStaleAfterADay_AndRecordingItAgainUpdatesIt()
    {
        await Directory.RecordAsync("U1", "Old Name", null, ChatUserKind.Member, Ct);
        Harness.Time.Advance(ChatUserDirectory.ProfileLifetime - TimeSpan.FromSeconds(1));
        var freshBefore = !Directory.IsStale(await Directory.GetAsync("U1", Ct));
        Harness.Time.Advance(TimeSpan.FromSeconds(1));
        var staleAfter = Directory.IsStale(await Directory.GetAsync("U1", Ct));

        await Directory.RecordAsync("U1", "New Name", null, ChatUserKind.Member, Ct);

        Assert.True(freshBefore);
        Assert.True(staleAfter);
        Assert.True(Directory.IsStale(null));
        Assert.Equal("New Name", (await Directory.GetAsync("U1", Ct))!.DisplayName);
        Assert.Equal(1, await Harness.QueryAsync(db => db.ChatUsers.CountAsync(Ct)));
    }
}

public sealed class ChatUserDirectoryTests_Sqlite(SqliteTestDatabase database)
    : ChatUserDirectoryTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ChatUserDirectoryTests_SqlServer(SqlServerTestDatabase database)
    : ChatUserDirectoryTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class ChatUserDirectoryTests_PostgreSql(PostgreSqlTestDatabase database)
    : ChatUserDirectoryTests(database), IClassFixture<PostgreSqlTestDatabase>;
