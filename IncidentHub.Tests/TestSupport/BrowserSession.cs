using Microsoft.Playwright;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// One person's browser (its own cookies) pointed at an app. Navigation waits until the live app is interactive, so
/// tests never click markup that is not wired up yet, and never sleep.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public static readonly float Timeout = 15_000;

    private readonly IBrowserContext _context;
    private readonly Uri _root;

    private BrowserSession(IBrowserContext context, IPage page, Uri root)
    {
        _context = context;
        Page = page;
        _root = root;
    }

    public IPage Page { get; }

    public static async Task<BrowserSession> OpenAsync(BrowserFixture browser, AppFactory app, int width = 1400, int height = 1000)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = "Europe/London",
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, app.ServerAddress);
    }

    public string Url(string path) => new Uri(_root, path).ToString();

    /// <summary>Opens a page of the live app and waits until it is interactive.</summary>
    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(Url(path));
        await WaitInteractiveAsync();
    }

    public Task WaitInteractiveAsync() =>
        Page.Locator("body[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public async Task SignInAsync(TestUser user, string then = "/")
    {
        await Page.GotoAsync(Url("/account/login?ReturnUrl=" + Uri.EscapeDataString(then)));
        await Page.FillAsync("#email", user.Email);
        await Page.FillAsync("#password", user.Password);
        await Page.ClickAsync("button[type=submit]");
        await WaitInteractiveAsync();
    }

    public ILocator TestId(string id) => Page.GetByTestId(id);

    /// <summary>Picks an option in a MudSelect: opens it and clicks the option with this text.</summary>
    public async Task SelectAsync(ILocator select, string optionText)
    {
        await select.ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = optionText }).First.ClickAsync();
        // The circuit closes the list once it has taken the value: until then a click elsewhere can race the choice.
        await Microsoft.Playwright.Assertions.Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>A screenshot under TestResults/screenshots, for people to look at.</summary>
    /// <param name="fullPage">False for what the viewport shows (a dialog is fixed to it, so a full-page shot misplaces it).</param>
    public async Task ScreenshotAsync(string name, bool fullPage = true)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
