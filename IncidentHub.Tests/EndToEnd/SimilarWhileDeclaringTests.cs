using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>Similar incidents shown while declaring: as the name is typed, past incidents like it appear in the dialog, private ones only to their members.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SimilarWhileDeclaringTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly AppFactory _app = new(realServer: true);
    private TestUser _rae = null!;
    private TestUser _pia = null!;
    private TestUser _vic = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        _rae = await _app.CreateUserAsync("Rae Responder", AppRole.Responder);
        _pia = await _app.CreateUserAsync("Pia Private", AppRole.Responder);
        _vic = await _app.CreateUserAsync("Vic Viewer", AppRole.Viewer);
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task SimilarIncidents_AreShownWhileDeclaring_ButNeverAPrivateOneTheyAreNotOn(int width)
    {
        var past = await _app.DeclareAsync(_rae, "Card authorisation timeouts at checkout");
        await _app.PostUpdateAsync(_rae, past, "Raised the gateway's connection pool; authorisations are back to normal.");
        await _app.DeclareAsync(_pia, "Card authorisation timeouts on the payroll cards", isPrivate: true);
        await _app.DeclareAsync(_rae, "Search is slow");
        await using var me = await BrowserSession.OpenAsync(browser, _app, width: width, height: 900);
        await me.SignInAsync(_vic, "/");

        await me.TestId("declare-incident").ClickAsync();
        await Expect(me.TestId("declare-similar")).ToHaveCountAsync(0);
        await me.TestId("declare-name").FillAsync("Card authorisation timeouts for EU shoppers");

        var found = me.TestId("declare-similar-incident");
        await Expect(found).ToHaveCountAsync(1);
        await Expect(found.First).ToHaveAttributeAsync("data-reference", past.Reference);
        await Expect(found.First).ToContainTextAsync("Card authorisation timeouts at checkout");
        await Expect(found.First).ToContainTextAsync("Raised the gateway's connection pool");
        await Expect(me.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = $"{past.Reference} Card authorisation timeouts at checkout (opens in a new tab)" })).ToBeVisibleAsync();
        await Expect(me.Page.GetByText("payroll")).ToHaveCountAsync(0);
        await me.ScreenshotAsync($"declare-similar-{width}");
        await LayoutProbe.AssertFitsAsync(me.Page, $"the declare dialog with similar incidents at {width} px");

        // Typing on updates the suggestions; words nobody used before leave none.
        await me.TestId("declare-name").FillAsync("Printers on floor 3 print blank pages");
        await Expect(me.TestId("declare-similar")).ToHaveCountAsync(0);
        await Expect(me.TestId("declare-name")).ToHaveValueAsync("Printers on floor 3 print blank pages");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
