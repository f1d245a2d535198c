using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>"Not related" on the incident page: the suggestion goes, the card says who hid it, Undo brings it back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotRelatedInTheBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly AppFactory _app = new(realServer: true);
    private TestUser _rae = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        _rae = await _app.CreateUserAsync("Rae Responder with a rather long name for a narrow screen", AppRole.Responder);
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task NotRelated_HidesTheSuggestion_SaysSo_OnTheTimelineToo_AndUndoBringsItBack(int width)
    {
        var past = await _app.DeclareAsync(_rae, "Card authorisation timeouts at checkout_with_an_unbroken_identifier_that_goes_on_and_on");
        var now = await _app.DeclareAsync(_rae, "Card authorisation timeouts again");
        await using var me = await BrowserSession.OpenAsync(browser, _app, width: width, height: 900);
        await me.SignInAsync(_rae, $"/incidents/{now.Number}");

        var suggestion = me.TestId("similar-incident");
        await Expect(suggestion).ToHaveCountAsync(1);
        await me.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = $"Mark {past.Reference} as not related to {now.Reference}" }).ClickAsync();

        await Expect(suggestion).ToHaveCountAsync(0);
        await Expect(me.TestId("similar-hidden")).ToContainTextAsync($"Hidden: {past.Reference}");
        await Expect(me.TestId("similar-hidden")).ToContainTextAsync("marked not related by Rae Responder");
        await Expect(me.Page.GetByText($"marked {past.Reference} as not related")).ToBeVisibleAsync();
        await me.TestId("similar-incidents").ScrollIntoViewIfNeededAsync();
        await me.ScreenshotAsync($"similar-not-related-{width}");
        await LayoutProbe.AssertFitsAsync(me.Page, $"the incident page with a hidden suggestion at {width} px");

        await me.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = $"Undo: suggest {past.Reference} as similar again" }).ClickAsync();
        await Expect(suggestion).ToHaveCountAsync(1);
        await Expect(me.TestId("similar-hidden")).ToHaveCountAsync(0);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
