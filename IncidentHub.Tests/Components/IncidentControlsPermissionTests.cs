using Bunit;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Components.Pages.Incidents;
using IncidentHub.Web.Time;
using Microsoft.AspNetCore.Components;

namespace IncidentHub.Tests.Components;

/// <summary>The incident page's reminder controls follow the one permission rule: shown exactly when Core would accept.</summary>
public sealed class IncidentControlsPermissionTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Cadence = TimeSpan.FromMinutes(30);
    private ComponentHarness _ui = null!;
    private Actor _lead = null!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _ui = ComponentHarness.Create(database);
        _lead = await _ui.Core.CreateResponderAsync("Lena Lead");
    }

    private IRenderedComponent<UpdateDueBanner> RenderBanner(IncidentDetail detail, DateTimeOffset now) =>
        _ui.Context.Render<CascadingValue<ViewerClock>>(p => p
            .Add(c => c.Value, new ViewerClock(now, TimeZoneInfo.Utc))
            .AddChildContent<UpdateDueBanner>(b => b.Add(c => c.Incident, detail)))
        .FindComponent<UpdateDueBanner>();

    [Fact]
    public async Task Banner_AtTheDueInstant_ShowsForTheLead_AsUpdateReminderSaysOverdue()
    {
        var incident = await _ui.Core.DeclareAsync(_lead);
        var detail = (await _ui.Core.IncidentQueries.GetDetailAsync(_lead, incident.Number, Ct))!;
        var due = detail.Cadence.DueAt!.Value;

        Assert.Empty(RenderBanner(detail, due - TimeSpan.FromTicks(1)).FindAll("[data-testid=update-due-banner]"));
        Assert.Single(RenderBanner(detail, due).FindAll("[data-testid=update-due-banner]"));
    }

    [Fact]
    public async Task Banner_ForALeadWhoIsOnlyAViewerNow_IsShown_BecauseTheLeadRoleLetsThemAct()
    {
        var incident = await _ui.Core.DeclareAsync(_lead);
        var viewerLead = _lead with { Role = AppRole.Viewer };
        var detail = (await _ui.Core.IncidentQueries.GetDetailAsync(viewerLead, incident.Number, Ct))!;
        _ui.Core.Time.Advance(Cadence);

        var banner = RenderBanner(detail, detail.Cadence.DueAt!.Value + TimeSpan.FromMinutes(5));

        Assert.Single(banner.FindAll("[data-testid=update-due-banner]"));
        await _ui.Core.Reminders.SnoozeAsync(viewerLead, incident.Id, 10, Ct);
    }

    [Fact]
    public async Task CadenceControl_ForALeadWhoIsRestrictedNow_OffersNoChange_AsCoreRefusesIt()
    {
        var incident = await _ui.Core.DeclareAsync(_lead);
        var restricted = _lead with { Role = AppRole.Viewer, IsRestricted = true };
        var asRestricted = (await _ui.Core.IncidentQueries.GetDetailAsync(restricted, incident.Number, Ct))!;
        var asLead = (await _ui.Core.IncidentQueries.GetDetailAsync(_lead, incident.Number, Ct))!;

        var restrictedSees = _ui.Context.Render<CadenceControl>(p => p.Add(c => c.Incident, asRestricted));
        var leadSees = _ui.Context.Render<CadenceControl>(p => p.Add(c => c.Incident, asLead));

        Assert.Empty(restrictedSees.FindAll("[data-testid=change-cadence]"));
        Assert.Single(leadSees.FindAll("[data-testid=change-cadence]"));
        await Assert.ThrowsAsync<ForbiddenException>(() => _ui.Core.Reminders.ChangeCadenceAsync(restricted, incident.Id, 10, Ct));
    }

    public async ValueTask DisposeAsync() => await _ui.DisposeAsync();
}
