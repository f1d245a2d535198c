using IncidentHub.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>
/// The set-up and sign-in pages as a person meets them, on a laptop and on a phone: the set-up code asked for and
/// explained, a wrong one refused with what was typed kept, "Keep me signed in" off, and a throttled sign-in that says
/// how long to wait. Nothing is wider than the screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountPagesTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly AppFactory _app = new(realServer: true);

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task Setup_AsksForTheCode_AndAWrongOneKeepsWhatWasTyped(int width, int height)
    {
        await using var me = await BrowserSession.OpenAsync(browser, _app, width, height);
        var page = me.Page;
        var longName = "Alexandra Wolfeschlegelsteinhausenbergerdorff-" + new string('x', 60);

        await page.GotoAsync(me.Url("/setup"));
        await Expect(page.GetByLabel("Set-up code")).ToBeFocusedAsync();
        await Expect(page.GetByText("Printed in the console where IncidentHub started")).ToBeVisibleAsync();
        await page.FillAsync("#setup-code", "NOT-THE-CODE");
        await page.FillAsync("#name", longName);
        await page.FillAsync("#email", "alexandra@example.test");
        await page.FillAsync("#password", "a-long-password-1");
        await page.FillAsync("#confirm", "a-long-password-1");
        await page.ClickAsync("button[type=submit]");

        await Expect(page.GetByText("is not this installation's set-up code")).ToBeVisibleAsync();
        await Expect(page.Locator("#name")).ToHaveValueAsync(longName);
        await me.ScreenshotAsync($"setup-wrong-code-{width}");
        Assert.True(await FitsAsync(page), "The set-up page is wider than the screen.");
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task SignIn_KeepMeSignedInIsOff_AndRepeatedFailuresSayHowLongToWait(int width, int height)
    {
        var admin = await _app.CompleteSetupAsync();
        await using var me = await BrowserSession.OpenAsync(browser, _app, width, height);
        var page = me.Page;

        await page.GotoAsync(me.Url("/account/login"));
        await Expect(page.GetByLabel("Keep me signed in on this device for 14 days")).Not.ToBeCheckedAsync();
        for (var i = 0; i < 6; i++)
        {
            await page.FillAsync("#email", admin.Email);
            await page.FillAsync("#password", $"wrong-password-{i}");
            await page.ClickAsync("button[type=submit]");
            await Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
        }

        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("Too many failed sign-ins for this email from your network. Try again in");
        await me.ScreenshotAsync($"sign-in-throttled-{width}");
        Assert.True(await FitsAsync(page), "The sign-in page is wider than the screen.");
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task SignIn_OverTheRateLimit_ShowsAPageThatSaysHowLongToWait(int width, int height)
    {
        await using var app = new AppFactory(realServer: true, settings: new Dictionary<string, string?> { ["RateLimits:SignInPerAddressPerMinute"] = "2" });
        var admin = await app.CompleteSetupAsync();
        await using var me = await BrowserSession.OpenAsync(browser, app, width, height);
        var page = me.Page;

        for (var i = 0; i < 3; i++)
        {
            await page.GotoAsync(me.Url("/account/login"));
            await page.FillAsync("#email", admin.Email);
            await page.FillAsync("#password", $"wrong-password-{i}");
            await page.ClickAsync("button[type=submit]");
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Too many sign-in attempts" })).ToBeVisibleAsync();
        await Expect(page.GetByText("This address has tried to sign in too often. Wait")).ToBeVisibleAsync();
        await me.ScreenshotAsync($"sign-in-rate-limited-{width}");
        Assert.True(await FitsAsync(page), "The rate-limit page is wider than the screen.");
        await page.GetByRole(AriaRole.Link, new() { Name = "try again" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(me.Url("/account/login"));
    }

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
