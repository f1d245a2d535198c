using IncidentHub.Core.Chat;
using IncidentHub.Core.Live;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static IncidentHub.Tests.Core.Chat.ChatTestData;

namespace IncidentHub.Tests.Core.Chat;

public abstract class ChatAttachmentServiceTests(TestDatabase database) : DatabaseTest(database)
{
    private const string Channel = "C0FILES";

    /// <summary>The smallest PNG: its signature and an IHDR chunk.</summary>
    public static readonly byte[] Png = Convert.FromHexString("89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C489");

    private ChatAttachmentService Attachments => Harness.Get<ChatAttachmentService>();

    private async Task<(int IncidentId, long AttachmentId)> SharedPngAsync()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        await Harness.LinkChannelAsync(incident.Id, Channel);
        await Harness.Get<ChatMirrorService>().ApplyAsync(
            [Posted(Channel, 10, "graph", files: new ChatFileRef("F1", "graph.png", "image/png", Png.Length, "https://files.slack.com/f/graph.png"))], Ct);
        Harness.Feed.Clear();
        return (incident.Id, (await Attachments.GetPendingAsync(5, Ct)).Single().Id);
    }

    [Fact]
    public async Task Store_KeepsACheckedCopy_AndServesIt()
    {
        var (incidentId, id) = await SharedPngAsync();

        var status = await Attachments.StoreAsync(id, "image/png", Png, Ct);

        var content = await Attachments.GetContentAsync(IncidentHub.Core.Common.Actor.System, id, Ct);
        Assert.Equal(ChatAttachmentStatus.Stored, status);
        Assert.Equal((incidentId, "graph.png", "image/png"), (content!.IncidentId, content.Name, content.ContentType));
        Assert.Equal(Png, content.Bytes);
        Assert.Empty(await Attachments.GetPendingAsync(5, Ct));
        Assert.Null(await Harness.QueryAsync(db => db.ChatAttachments.Select(a => a.SourceUrl).SingleAsync(Ct)));
        Assert.Equal(IncidentChangeKind.TimelineChanged, Assert.Single(Harness.Feed.Changes).Kind);
    }

    [Fact]
    public async Task Store_RefusesBytesThatAreNotTheImageTheyClaim()
    {
        var (_, id) = await SharedPngAsync();

        var status = await Attachments.StoreAsync(id, "image/png", "<html><body>Sign in to Slack</body></html>"u8.ToArray(), Ct);

        Assert.Equal(ChatAttachmentStatus.Rejected, status);
        Assert.Null(await Attachments.GetContentAsync(IncidentHub.Core.Common.Actor.System, id, Ct));
        Assert.Equal("The file's contents are not the image it claimed to be.", await Harness.QueryAsync(db => db.ChatAttachments.Select(a => a.Problem).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Store_RefusesTooLargeAnImage()
    {
        var (_, id) = await SharedPngAsync();
        var huge = new byte[ChatAttachment.MaxBytes + 1];
        Png.CopyTo(huge, 0);

        Assert.Equal(ChatAttachmentStatus.Rejected, await Attachments.StoreAsync(id, "image/png", huge, Ct));
    }

    [Fact]
    public async Task RetryLater_WaitsItsTime_AndGivesUpAfterTheLastTry()
    {
        var (_, id) = await SharedPngAsync();
        for (var i = 1; i < ChatAttachment.MaxAttempts; i++)
        {
            await Attachments.RetryLaterAsync(id, "Slack could not be reached.", Harness.Time.GetUtcNow() + TimeSpan.FromSeconds(30), Ct);
            Assert.Empty(await Attachments.GetPendingAsync(5, Ct));
            Harness.Time.Advance(TimeSpan.FromSeconds(30));
            Assert.Single(await Attachments.GetPendingAsync(5, Ct));
        }

        await Attachments.RetryLaterAsync(id, "Slack could not be reached.", Harness.Time.GetUtcNow(), Ct);

        Assert.Empty(await Attachments.GetPendingAsync(5, Ct));
        Assert.Equal(ChatAttachmentStatus.Rejected, await Harness.QueryAsync(db => db.ChatAttachments.Select(a => a.Status).SingleAsync(Ct)));
    }

    [Theory]
    [InlineData("89504E470D0A1A0A", "image/png")]
    [InlineData("FFD8FFE0", "image/jpeg")]
    [InlineData("474946383961", "image/gif")]
    [InlineData("524946460000000057454250", "image/webp")]
    [InlineData("3C68746D6C3E", null)]
    [InlineData("", null)]
    public void Sniffer_KnowsTheAllowedImagesByTheirFirstBytes(string hex, string? expected) =>
        Assert.Equal(expected, ImageSniffer.ContentTypeOf(Convert.FromHexString(hex)));
}

public sealed class ChatAttachmentServiceTests_Sqlite(SqliteTestDatabase database)
    : ChatAttachmentServiceTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ChatAttachmentServiceTests_SqlServer(SqlServerTestDatabase database)
    : ChatAttachmentServiceTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class ChatAttachmentServiceTests_PostgreSql(PostgreSqlTestDatabase database)
    : ChatAttachmentServiceTests(database), IClassFixture<PostgreSqlTestDatabase>;
