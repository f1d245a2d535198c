using Bunit;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.PostIncident;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Components.Pages.PostIncident;
using IncidentHub.Web.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Components;

/// <summary>The incident page's post-incident tasks card: shown once resolved, ticked exactly when Core would accept it.</summary>
public sealed class PostIncidentTasksCardTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private ComponentHarness _ui = null!;
    private Actor _lead = null!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _ui = ComponentHarness.Create(database);
        await _ui.Core.Get<IncidentHub.Core.Events.EventDispatcher>().EnsureReadyAsync(Ct);
        _lead = await _ui.Core.CreateResponderAsync("Lena Lead");
    }

    private async Task<IRenderedComponent<PostIncidentTasksCard>> RenderAsync(Actor viewer, int number, DateTimeOffset now)
    {
        _ui.SignInAs(viewer);
        var detail = (await _ui.Core.IncidentQueries.GetDetailAsync(viewer, number, Ct))!;
        return _ui.Context.Render<CascadingValue<ViewerClock>>(p => p
                .Add(c => c.Value, new ViewerClock(now, TimeZoneInfo.Utc))
                .AddChildContent<PostIncidentTasksCard>(b => b.Add(c => c.Incident, detail)))
            .FindComponent<PostIncidentTasksCard>();
    }

    [Fact]
    public async Task Render_ForAnActiveIncident_ShowsNothing()
    {
        var incident = await _ui.Core.DeclareAsync(_lead, "Checkout failing", "Major");

        var card = await RenderAsync(_lead, incident.Number, _ui.Core.Time.GetUtcNow());

        Assert.Empty(card.FindAll("[data-testid=post-incident-tasks-card]"));
    }

    [Fact]
    public async Task Render_ForAResolvedMinorIncident_SaysThereAreNone_AndWhy()
    {
        var incident = await _ui.Core.DeclareAsync(_lead, "Typo", "Minor");
        await _ui.Core.MoveToAsync(_lead, incident.Id, IncidentStatus.Resolved);

        var card = await RenderAsync(_lead, incident.Number, _ui.Core.Time.GetUtcNow());

        card.WaitForAssertion(() => Assert.Equal("No post-incident tasks: admins set none for Minor incidents.", card.Find("[data-testid=post-incident-tasks-empty]").TextContent.Trim()));
    }

    [Fact]
    public async Task Render_WhenOverdue_SaysByHowMuch_AndTickingMarksItDone_OnTheTimeline()
    {
        var incident = await _ui.Core.DeclareAsync(_lead, "Checkout failing", "Major");
        await _ui.Core.MoveToAsync(_lead, incident.Id, IncidentStatus.Resolved);
        var now = _ui.Core.Time.GetUtcNow() + TimeSpan.FromDays(2) + TimeSpan.FromHours(3);

        var card = await RenderAsync(_lead, incident.Number, now);

        card.WaitForAssertion(() => Assert.Equal(4, card.FindAll("[data-testid=post-incident-task]").Count));
        Assert.Equal("overdue by 3 h 00 min", card.Find("[data-testid=post-incident-task-overdue]").TextContent.Trim());
        Assert.Equal("0 of 4 done, 1 overdue", card.Find("[data-testid=post-incident-tasks-summary]").TextContent.Trim());
        Assert.Contains("Lena Lead (Incident Lead)", card.FindAll("[data-testid=post-incident-task]")[0].TextContent, StringComparison.Ordinal);

        card.FindAll("[data-testid=post-incident-task] input[type=checkbox]")[0].Change(true);

        card.WaitForAssertion(() => Assert.Equal("true", card.FindAll("[data-testid=post-incident-task]")[0].GetAttribute("data-done")));
        Assert.True((await _ui.Core.Get<PostIncidentTaskService>().ForIncidentAsync(_lead, incident.Id, Ct))[0].IsDone);
        Assert.Equal("Lena Lead completed the post-incident task \"Write the review\".",
            await _ui.Core.QueryAsync(db => db.TimelineEntries.Where(e => e.IncidentId == incident.Id).OrderByDescending(e => e.Id).Select(e => e.Text).FirstAsync(Ct)));
    }

    [Fact]
    public async Task Render_ForAViewerNotOnTheIncident_OffersNoTick_AndSaysWhoMay()
    {
        var viewer = await _ui.Core.CreateViewerAsync("Vic Viewer");
        var incident = await _ui.Core.DeclareAsync(_lead, "Checkout failing", "Major");
        await _ui.Core.MoveToAsync(_lead, incident.Id, IncidentStatus.Resolved);

        var card = await RenderAsync(viewer, incident.Number, _ui.Core.Time.GetUtcNow());

        card.WaitForAssertion(() => Assert.Equal(4, card.FindAll("[data-testid=post-incident-task]").Count));
        var boxes = card.FindAll("[data-testid=post-incident-task] input[type=checkbox]");
        Assert.Equal(4, boxes.Count);
        Assert.All(boxes, input => Assert.True(input.HasAttribute("disabled")));
        Assert.Equal("The people on this incident, responders and admins tick these; you can follow them here.",
            card.Find("[data-testid=post-incident-tasks-who]").TextContent.Trim());
    }

    public async ValueTask DisposeAsync() => await _ui.DisposeAsync();
}
