using System.Text.RegularExpressions;
using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>
/// The keyboard alone runs an incident: declare, post an update, hand over the lead. Every page has a skip link, one
/// h1 and a main landmark; every control shows where focus is and has a name that says what it acts on.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class KeyboardTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly AppFactory _app = new(realServer: true);
    private TestUser _admin = null!;
    private TestUser _riley = null!;
    private TestUser _sam = null!;

    public async ValueTask InitializeAsync()
    {
        _admin = await _app.CompleteSetupAsync();
        _riley = await _app.CreateUserAsync("Riley Chen", AppRole.Responder);
        _sam = await _app.CreateUserAsync("Sam Okafor", AppRole.Responder);
    }

    [Fact]
    public async Task TheKeyboardAlone_DeclaresPostsAnUpdateAndHandsOverTheLead()
    {
        await using var session = await BrowserSession.OpenAsync(browser, _app);
        await session.SignInAsync(_riley);
        var page = session.Page;

        // After navigation focus is on the page's heading; Declare is in the top bar before it.
        await KeyboardNavigation.TabToAsync(page, "[data-testid=declare-incident]", backwards: true);
        await session.ScreenshotAsync("keyboard-01-declare-focused");
        await page.Keyboard.PressAsync("Enter");
        await Expect(session.TestId("declare-name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Checkout payments failing");
        // The severities are one radio group: one Tab stop, arrows choose (most severe first).
        await KeyboardNavigation.TabToAsync(page, "[data-testid=declare-severity]");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(session.TestId("severity-Major")).ToBeCheckedAsync();
        var dialogNames = await page.GetByRole(AriaRole.Dialog).AriaSnapshotAsync();
        Assert.DoesNotMatch(UnnamedButton(), dialogNames);
        await KeyboardNavigation.TabToAsync(page, "[data-testid=declare-submit]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(session.TestId("incident-name")).ToHaveTextAsync("Checkout payments failing");
        await Expect(page).ToHaveURLAsync(new Regex("/incidents/1$"));
        var toUpdate = await KeyboardNavigation.TabToAsync(page, "[data-testid=update-message]");
        Assert.True(toUpdate <= 6, $"It took {toUpdate} presses of Tab to reach the update box after declaring.");
        await page.Keyboard.TypeAsync("Card payments fail for EU cards; rolling back the gateway change.");
        await KeyboardNavigation.TabToAsync(page, "[data-testid=post-update]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(session.TestId("timeline-text").Filter(new() { HasText = "rolling back the gateway change" })).ToBeVisibleAsync();
        await Expect(session.TestId("update-message")).ToHaveValueAsync("");
        await Expect(session.Page.GetByText("Write the update: what is happening")).ToHaveCountAsync(0);

        await KeyboardNavigation.TabToAsync(page, "[data-role='Incident Lead'] [data-testid=assign-role]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        // The hand-over dialog opens on the person to pick.
        await KeyboardNavigation.WaitForFocusAsync(page, "[data-testid=assign-person]");
        await page.Keyboard.PressAsync("ArrowDown");
        var sam = page.Locator(".mud-popover-open [role=option]").Filter(new() { HasText = _sam.Name });
        await Expect(sam).ToBeVisibleAsync();
        await KeyboardNavigation.ArrowDownToOptionAsync(page, sam);
        await Expect(sam).ToHaveClassAsync(new Regex("mud-selected-item"));
        await session.ScreenshotAsync("keyboard-choosing-the-new-lead");
        // Passing through the emptied update box on the way did not turn it into an error.
        await Expect(session.Page.GetByText("Write the update: what is happening")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Enter");
        await KeyboardNavigation.TabToAsync(page, "[data-testid=handover-note]");
        await page.Keyboard.TypeAsync("Rolled back the gateway; watching EU card errors.");
        await KeyboardNavigation.TabToAsync(page, "[data-testid=assign-submit]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(session.TestId("handover-pending")).ToBeVisibleAsync();

        // Sam takes it, with the keyboard too.
        await using var incoming = await BrowserSession.OpenAsync(browser, _app);
        await incoming.SignInAsync(_sam, then: "/incidents/1");
        await Expect(incoming.TestId("handover-note-text")).ToHaveTextAsync("Rolled back the gateway; watching EU card errors.");
        await KeyboardNavigation.TabToAsync(incoming.Page, "[data-testid=handover-accept]");
        await incoming.Page.Keyboard.PressAsync("Enter");

        await Expect(session.TestId("fact-lead")).ToHaveTextAsync(_sam.Name);
        await session.ScreenshotAsync("keyboard-handed-over");
    }

    [Fact]
    public async Task EveryPage_HasASkipLinkOneHeadingAndAMainLandmark()
    {
        var incident = await _app.DeclareAsync(_riley, "Search is slow");
        await using var session = await BrowserSession.OpenAsync(browser, _app);
        await session.SignInAsync(_admin);
        foreach (var path in new[]
                 {
                     "/", "/incidents", $"/incidents/{incident.Number}", $"/incidents/{incident.Number}/review", "/board", "/board/wall",
                     "/notifications", "/admin/users", "/admin/severities", "/admin/roles", "/admin/status-services", "/admin/slack",
                 })
        {
            await session.GotoAsync(path);
            await Expect(session.Page.Locator("h1")).ToHaveCountAsync(1);
            await Expect(session.Page.Locator("main")).ToHaveCountAsync(1);
            if (path == "/board/wall")
            {
                continue;
            }

            // The skip link comes first in the page's tab order, shows when it has focus, and moves focus to the content.
            Assert.True(await session.Page.EvaluateAsync<bool>(FirstInTabOrderIsTheSkipLink), $"The skip link is not the first stop on {path}.");
            await KeyboardNavigation.TabToAsync(session.Page, "[data-testid=skip-to-main]", backwards: true);
            await Expect(session.TestId("skip-to-main")).ToBeInViewportAsync();
            await session.Page.Keyboard.PressAsync("Enter");
            await Expect(session.Page.Locator("main")).ToBeFocusedAsync();
            Assert.EndsWith(path, new Uri(session.Page.Url).AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheIncidentPage_NamesEveryControlForWhatItActsOn()
    {
        var incident = await _app.DeclareAsync(_riley, "Search is slow");
        await _app.PostUpdateAsync(_riley, incident, "Looking at the index.");
        await using var session = await BrowserSession.OpenAsync(browser, _app);
        await session.SignInAsync(_riley, $"/incidents/{incident.Number}");
        await Expect(session.TestId("role-row").First).ToBeVisibleAsync();

        var snapshot = await session.Page.Locator("main").AriaSnapshotAsync();
        var controls = ControlLine().Matches(snapshot).Select(m => $"{m.Groups["role"].Value} \"{m.Groups["name"].Value}\"").ToList();
        var repeated = controls.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();

        Assert.Contains("button \"Assign Communications Lead\"", controls);
        Assert.Contains("button \"Assign Scribe\"", controls);
        Assert.True(repeated.Count == 0, "Controls that share a name: " + string.Join(", ", repeated) + "\n" + snapshot);
    }

    private const string FirstInTabOrderIsTheSkipLink = """
        () => {
          const first = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
            .find(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0);
          return !!first && first.getAttribute('data-testid') === 'skip-to-main';
        }
        """;

    [GeneratedRegex("""- button(:|\s*\[|$)""", RegexOptions.Multiline)]
    private static partial Regex UnnamedButton();

    [GeneratedRegex("""- (?<role>button|link|combobox|textbox|checkbox|radio|switch|tab|menuitem) "(?<name>[^"]*)"?""")]
    private static partial Regex ControlLine();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
