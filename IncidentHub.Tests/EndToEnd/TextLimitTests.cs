using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>In the browser a limited field counts as the person types, warns once past the limit, and refuses with the limit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TextLimitTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly AppFactory _app = new(realServer: true);
    private TestUser _riley = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        _riley = await _app.CreateUserAsync("Riley Chen", AppRole.Responder);
    }

    [Fact]
    public async Task TypingPastTheLimit_WarnsAtOnce_RefusesWithTheLimit_AndKeepsEveryCharacter()
    {
        await using var session = await BrowserSession.OpenAsync(browser, _app, width: 390, height: 844);
        await session.SignInAsync(_riley);
        var name = "Timeouts on https://api.example.com/v1/payments/authorize?region=eu-west-1&trace=" + new string('7', 130);

        await session.TestId("declare-incident").ClickAsync();
        var field = session.TestId("declare-name");
        await Expect(session.Page.GetByRole(Microsoft.Playwright.AriaRole.Dialog)).ToContainTextAsync("0 / 200");
        await field.PressSequentiallyAsync(name);

        var dialog = session.Page.GetByRole(Microsoft.Playwright.AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync($"{name.Length} / 200 · {name.Length - 200} too many");
        await session.Page.Keyboard.PressAsync("Tab");
        await Expect(dialog).ToContainTextAsync($"The name can be at most 200 characters; this one has {name.Length} ({name.Length - 200} too many).");
        await session.TestId("severity-Major").CheckAsync();
        await session.TestId("declare-submit").ClickAsync();

        await Expect(dialog).ToBeVisibleAsync();
        await Expect(field).ToHaveValueAsync(name);
        await session.ScreenshotAsync("limit-declare-name-refused");
        Assert.Equal(0, (await _app.Get<IncidentQueries>().SearchAsync(new IncidentSearch(), TestContext.Current.CancellationToken)).TotalCount);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
