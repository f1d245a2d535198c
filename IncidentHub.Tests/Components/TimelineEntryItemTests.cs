using Bunit;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Components.Shared;

namespace IncidentHub.Tests.Components;

public sealed class TimelineEntryItemTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private ComponentHarness _ui = null!;

    public ValueTask InitializeAsync()
    {
        _ui = ComponentHarness.Create(database);
        return ValueTask.CompletedTask;
    }

    private TimelineEntryView Entry(string text = "Rolled back the deploy.", bool highlighted = false, TimelineEntryKind kind = TimelineEntryKind.Note) =>
        new(42, kind, TimelineSource.Web, "u1", "Riley Chen", text, "Investigating → Fixing", ServiceHarness.Start - TimeSpan.FromMinutes(12), ServiceHarness.Start, highlighted);

    [Fact]
    public void Render_ShowsWhoWhatAndWhen_InTheViewersZone()
    {
        var cut = _ui.Context.Render<TimelineEntryItem>(p => p.Add(c => c.Entry, Entry()));

        Assert.Contains("Riley Chen", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("Rolled back the deploy.", cut.Find("[data-testid=timeline-text]").TextContent);
        Assert.Contains("Investigating → Fixing", cut.Markup, StringComparison.Ordinal);
        // 08:48 UTC on 24 November is 08:48 in London (GMT); the viewer's "now" is the same day.
        Assert.Equal("08:48", cut.Find("time").TextContent.Trim());
        Assert.Equal("Note", cut.Find("[data-testid=timeline-entry]").GetAttribute("data-kind"));
    }

    [Fact]
    public void Render_TextWithMarkupAndScript_IsShownAsText()
    {
        var cut = _ui.Context.Render<TimelineEntryItem>(p => p.Add(c => c.Entry, Entry("<script>alert('x')</script><b>bold</b> **md**")));

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("[data-testid=timeline-text] b"));
        Assert.Equal("<script>alert('x')</script><b>bold</b> **md**", cut.Find("[data-testid=timeline-text]").TextContent);
    }

    [Fact]
    public void Render_KeyEvent_StandsOut()
    {
        var cut = _ui.Context.Render<TimelineEntryItem>(p => p.Add(c => c.Entry, Entry(highlighted: true)));

        Assert.Contains("ih-highlight", cut.Find("[data-testid=timeline-entry]").ClassName, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[aria-label='Key event']"));
    }

    [Fact]
    public void Render_ForSomeoneWhoCannotHighlight_OffersNoStarButton()
    {
        var cut = _ui.Context.Render<TimelineEntryItem>(p => p.Add(c => c.Entry, Entry()).Add(c => c.CanHighlight, false));

        Assert.Empty(cut.FindAll("[data-testid=toggle-highlight]"));
    }

    [Fact]
    public async Task ClickStar_AsksToToggleThisEntry()
    {
        TimelineEntryView? toggled = null;
        var entry = Entry();
        var cut = _ui.Context.Render<TimelineEntryItem>(p => p
            .Add(c => c.Entry, entry)
            .Add(c => c.CanHighlight, true)
            .Add(c => c.ToggleHighlight, e => toggled = e));

        await cut.Find("[data-testid=toggle-highlight]").ClickAsync(new());

        Assert.Same(entry, toggled);
    }

    public async ValueTask DisposeAsync() => await _ui.DisposeAsync();
}
