using Bunit;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Attachments;
using IncidentHub.Web.Components.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Tests.Components;

/// <summary>A message mirrored from Slack on the timeline: its thread, edits, deletion and images.</summary>
public sealed class ChatMessageBodyTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Posted = ServiceHarness.Start - TimeSpan.FromMinutes(12);
    private ComponentHarness _ui = null!;

    public ValueTask InitializeAsync()
    {
        _ui = ComponentHarness.Create(database);
        _ui.Context.Services.AddSingleton(new AttachmentLinks(new EphemeralDataProtectionProvider(), _ui.Core.Time));
        _ui.SignInAs(new Actor("u-viewer", "Vic Viewer", AppRole.Viewer));
        return ValueTask.CompletedTask;
    }

    private static TimelineEntryView Entry(ChatMessageView chat, string text = "Error rate is back to normal.") =>
        new(7, TimelineEntryKind.Message, TimelineSource.Slack, null, "Sam Slack", text, null, Posted, ServiceHarness.Start, false) { Chat = chat };

    private static ChatMessageView Chat(
        string? thread = null,
        long? parent = null,
        DateTimeOffset? edited = null,
        bool deleted = false,
        IReadOnlyList<ChatRevisionView>? history = null,
        IReadOnlyList<ChatAttachmentView>? attachments = null) =>
        new(thread, parent, parent is null ? null : "Lee Lead", parent is null ? null : "Is it the CDN?", edited, deleted, history ?? [], attachments ?? []);

    private IRenderedComponent<TimelineEntryItem> Render(TimelineEntryView entry) =>
        _ui.Context.Render<TimelineEntryItem>(p => p.Add(c => c.Entry, entry));

    [Fact]
    public void AMessage_ShowsItsSlackAuthor_TheTimeItWasWritten_AndItsSource()
    {
        var cut = Render(Entry(Chat()));

        Assert.Contains("Sam Slack", cut.Find(".ih-entry-meta").TextContent, StringComparison.Ordinal);
        Assert.Contains("Slack", cut.Find(".ih-entry-meta .mud-chip").TextContent, StringComparison.Ordinal);
        Assert.Equal("08:48", cut.Find(".ih-entry-meta time").TextContent.Trim());
        Assert.Equal("Error rate is back to normal.", cut.Find("[data-testid=timeline-text]").TextContent);
        Assert.Equal("entry-7", cut.Find("li").Id);
    }

    [Fact]
    public void AReply_LinksToItsParent()
    {
        var cut = Render(Entry(Chat(thread: "1764000000.000100", parent: 3)));

        Assert.Equal("Reply to Lee Lead: “Is it the CDN?”", cut.Find("[data-testid=chat-thread]").TextContent.Trim());
        Assert.Equal("#entry-3", cut.Find("[data-testid=chat-parent]").GetAttribute("href"));
    }

    [Fact]
    public async Task AnEditedMessage_IsMarked_AndOpensItsEarlierVersions()
    {
        var cut = Render(Entry(Chat(edited: Posted + TimeSpan.FromMinutes(2), history: [new ChatRevisionView("Error rate is climbing.", Posted)])));

        Assert.Empty(cut.FindAll("[data-testid=chat-history]"));
        Assert.Equal("Edited 08:50 · show the earlier version", cut.Find("[data-testid=chat-edited]").TextContent.Trim());
        await cut.Find("[data-testid=chat-edited]").ClickAsync(new());

        Assert.Equal("08:48: Error rate is climbing.", cut.Find("[data-testid=chat-history] li").TextContent.Trim());
        Assert.Equal("true", cut.Find("[data-testid=chat-edited]").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void ADeletedMessage_SaysSo_AndShowsNoWords()
    {
        var cut = Render(Entry(Chat(deleted: true, edited: Posted), text: ""));

        Assert.Equal("This message was deleted in Slack.", cut.Find("[data-testid=timeline-text]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=chat-edited]"));
    }

    [Fact]
    public void Images_AreShownFromIncidentHubsCopy_ThroughALinkMadeForTheViewer()
    {
        var cut = Render(Entry(Chat(attachments:
        [
            new ChatAttachmentView(41, "graph.png", ChatAttachmentStatus.Stored, "image/png", null),
            new ChatAttachmentView(42, "big.png", ChatAttachmentStatus.Rejected, null, "The image is larger than 10 MB and was not copied."),
            new ChatAttachmentView(43, "next.png", ChatAttachmentStatus.Pending, null, null),
        ])));

        var image = cut.Find("[data-testid=chat-image]");
        var links = _ui.Context.Services.GetRequiredService<AttachmentLinks>();
        Assert.StartsWith("/attachments/", image.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(41, links.Read(image.GetAttribute("src")!["/attachments/".Length..], "u-viewer"));
        Assert.Null(links.Read(image.GetAttribute("src")!["/attachments/".Length..], "someone-else"));
        Assert.Equal("graph.png", image.GetAttribute("alt"));
        Assert.Equal(
            ["big.png was not copied: The image is larger than 10 MB and was not copied.", "Copying next.png from Slack…"],
            cut.FindAll("[data-testid=chat-attachment]").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public void TextWithMarkup_IsShownAsText()
    {
        var cut = Render(Entry(Chat(), text: "<img src=x onerror=alert(1)> *bold*"));

        Assert.Empty(cut.FindAll("[data-testid=timeline-text] img"));
        Assert.Equal("<img src=x onerror=alert(1)> *bold*", cut.Find("[data-testid=timeline-text]").TextContent);
    }

    public async ValueTask DisposeAsync() => await _ui.DisposeAsync();
}
