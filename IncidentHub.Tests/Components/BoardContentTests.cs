using Bunit;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Components.Pages.Board;

namespace IncidentHub.Tests.Components;

/// <summary>The support board words a resolved incident as the status page does, and names whom to check with.</summary>
public sealed class BoardContentTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private ComponentHarness _ui = null!;
    private Actor _lead = null!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _ui = ComponentHarness.Create(database);
        _lead = await _ui.Core.CreateResponderAsync("Lena Lead");
        _ui.SignInAs(await _ui.Core.CreateViewerAsync("Vic Viewer"));
    }

    private Task PublishAsync(int incidentId, PublicStatus status) =>
        _ui.Core.Publication.PublishAsync(_lead, incidentId, new PublicNoticeForm { Title = "Payments failing", Message = "We are on it.", Status = status }, Ct);

    [Fact]
    public async Task AResolvedIncident_IsWordedAsTheStatusPageHasIt()
    {
        var stillPublic = await _ui.Core.DeclareAsync(_lead, "Card payments failing");
        await PublishAsync(stillPublic.Id, PublicStatus.Monitoring);
        await _ui.Core.MoveToAsync(_lead, stillPublic.Id, IncidentStatus.Resolved);
        var publiclyResolved = await _ui.Core.DeclareAsync(_lead, "Search down");
        await PublishAsync(publiclyResolved.Id, PublicStatus.Investigating);
        await PublishAsync(publiclyResolved.Id, PublicStatus.Resolved);
        await _ui.Core.MoveToAsync(_lead, publiclyResolved.Id, IncidentStatus.Resolved);
        var neverPublic = await _ui.Core.DeclareAsync(_lead, "Typo on the login page");
        await _ui.Core.MoveToAsync(_lead, neverPublic.Id, IncidentStatus.Resolved);

        var board = _ui.Context.Render<BoardContent>();

        board.WaitForAssertion(() => Assert.Equal(3, board.FindAll("[data-testid=board-resolved-item]").Count));
        string Item(string standing) => board.Find($"[data-testid=board-resolved-item][data-standing={standing}]").TextContent;
        Assert.Contains("The status page still says Monitoring: tell customers that until Lena Lead (incident lead) resolves it there.", Item("Open"), StringComparison.Ordinal);
        Assert.Contains("Search down", Item("Resolved"), StringComparison.Ordinal);
        Assert.Contains("The status page shows it as resolved too.", Item("Resolved"), StringComparison.Ordinal);
        Assert.Contains("It was never on the status page.", Item("NeverPublic"), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _ui.DisposeAsync();
}
