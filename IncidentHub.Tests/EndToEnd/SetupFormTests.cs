using IncidentHub.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>The first-run form says what is missing, and stops saying it once the person has filled it in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SetupFormTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly AppFactory _app = new(realServer: true);

    [Fact]
    public async Task AMessageUnderAField_GoesWhenThePersonFillsTheFieldIn()
    {
        await using var session = await BrowserSession.OpenAsync(browser, _app);
        var page = session.Page;
        await page.GotoAsync(session.Url("/setup"));

        await page.ClickAsync("button[type=submit]");
        var nameMessage = page.GetByText("Enter your name.");
        await Expect(nameMessage).ToBeVisibleAsync();
        await Expect(page.GetByText("Choose a password.")).ToBeVisibleAsync();

        await page.FillAsync("#name", "Ada Admin");

        await Expect(nameMessage).ToBeHiddenAsync();
        await Expect(page.Locator("#name")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\binvalid\b"));
        // The other fields' messages still stand: they are still empty.
        await Expect(page.GetByText("Choose a password.")).ToBeVisibleAsync();
        await session.ScreenshotAsync("setup-message-gone-once-filled");
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
