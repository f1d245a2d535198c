using Bunit;
using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Components.Pages.Incidents;

namespace IncidentHub.Tests.Components;

/// <summary>The similar-incidents card: "Not related" hides a suggestion and says so out loud, with an undo.</summary>
public sealed class SimilarIncidentsCardTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private ComponentHarness _ui = null!;
    private Actor _riley = null!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _ui = ComponentHarness.Create(database);
        _riley = await _ui.Core.CreateResponderAsync("Riley Chen");
        _ui.SignInAs(_riley);
    }

    [Fact]
    public async Task NotRelated_HidesTheSuggestion_SaysWhoHidIt_AndUndoBringsItBack()
    {
        var past = await _ui.Core.DeclareAsync(_riley, "Card authorisation timeouts at checkout");
        var now = await _ui.Core.DeclareAsync(_riley, "Card authorisation timeouts again");
        var detail = (await _ui.Core.IncidentQueries.GetDetailAsync(_riley, now.Number, Ct))!;
        var card = _ui.Context.Render<SimilarIncidentsCard>(p => p.Add(c => c.Incident, detail));
        card.WaitForElement("[data-testid=similar-incident]", ComponentHarness.Wait);
        var button = card.Find("[data-testid=similar-not-related]");
        Assert.Equal($"Mark {past.Reference} as not related to {now.Reference}", button.GetAttribute("aria-label"));

        await button.ClickAsync(new());

        card.WaitForAssertion(() =>
        {
            Assert.Empty(card.FindAll("[data-testid=similar-incident]"));
            var hidden = card.Find("[data-testid=similar-hidden]").TextContent;
            Assert.Contains($"Hidden: {past.Reference}", hidden, StringComparison.Ordinal);
            Assert.Contains("marked not related by Riley Chen", hidden, StringComparison.Ordinal);
        }, ComponentHarness.Wait);

        await card.Find("[data-testid=similar-undo]").ClickAsync(new());

        card.WaitForAssertion(() =>
        {
            Assert.Single(card.FindAll("[data-testid=similar-incident]"));
            Assert.Empty(card.FindAll("[data-testid=similar-hidden]"));
        }, ComponentHarness.Wait);
    }

    [Fact]
    public async Task AViewerWithoutARole_SeesTheSuggestions_AndWhatIsHidden_ButNoButtons()
    {
        var past = await _ui.Core.DeclareAsync(_riley, "Queue consumer stuck on poison message");
        await _ui.Core.DeclareAsync(_riley, "Queue consumer stuck behind a poison message");
        var now = await _ui.Core.DeclareAsync(_riley, "Queue consumer stuck again");
        await _ui.Core.Get<IncidentHub.Core.Similar.NotRelatedService>().MarkAsync(_riley, now.Id, past.Number, Ct);
        var viewer = await _ui.Core.CreateViewerAsync("Vic Viewer");
        _ui.SignInAs(viewer);
        var detail = (await _ui.Core.IncidentQueries.GetDetailAsync(viewer, now.Number, Ct))!;

        var card = _ui.Context.Render<SimilarIncidentsCard>(p => p.Add(c => c.Incident, detail));

        card.WaitForElement("[data-testid=similar-incident]", ComponentHarness.Wait);
        Assert.Contains("marked not related by Riley Chen", card.Find("[data-testid=similar-hidden]").TextContent, StringComparison.Ordinal);
        Assert.Empty(card.FindAll("[data-testid=similar-not-related]"));
        Assert.Empty(card.FindAll("[data-testid=similar-undo]"));
    }

    public async ValueTask DisposeAsync() => await _ui.DisposeAsync();
}
