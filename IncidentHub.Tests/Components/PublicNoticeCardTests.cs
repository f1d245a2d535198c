using Bunit;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Components.Pages.Incidents;

namespace IncidentHub.Tests.Components;

public sealed class PublicNoticeCardTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private ComponentHarness _ui = null!;
    private Actor _lead = null!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _ui = ComponentHarness.Create(database);
        _lead = await _ui.Core.CreateResponderAsync("Lena Lead");
        _ui.SignInAs(_lead);
    }

    [Fact]
    public async Task Render_InMonitoring_AfterAnInvestigatingNotice_OffersMonitoring()
    {
        var incident = await _ui.Core.DeclareAsync(_lead, "Card payments failing");
        await _ui.Core.Publication.PublishAsync(_lead, incident.Id, new PublicNoticeForm { Title = "Payments failing", Message = "We are looking into it." }, Ct);
        await _ui.Core.MoveToAsync(_lead, incident.Id, IncidentStatus.Monitoring);
        var detail = (await _ui.Core.IncidentQueries.GetDetailAsync(_lead, incident.Number, Ct))!;

        var card = _ui.Context.Render<PublicNoticeCard>(p => p.Add(c => c.Incident, detail));

        card.WaitForAssertion(() => Assert.Equal("Monitoring", card.Find("[data-testid=notice-status]").TextContent.Trim()));
        Assert.Contains("Customers see", card.Markup, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _ui.DisposeAsync();
}
