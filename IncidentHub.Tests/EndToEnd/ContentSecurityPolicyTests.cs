using IncidentHub.Core.Common;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>
/// The app under its Content-Security-Policy in Chromium: every main page, with its live connection, dialogs and
/// menus open, and not one violation (Chromium reports each in the console and as a securitypolicyviolation event).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
        """;

    private static readonly string[] LivePages =
    [
        "/", "/incidents", "/incidents/1", "/incidents/1/review", "/board", "/board/wall", "/notifications", "/welcome",
        "/admin/users", "/admin/severities", "/admin/roles", "/admin/status-services", "/admin/slack",
    ];

    private readonly AppFactory _app = new(realServer: true);
    private readonly List<string> _console = [];

    [Fact]
    public async Task TheMainPages_RunWithNoPolicyViolation()
    {
        await using var fresh = await OpenAsync(_app);
        await fresh.Page.GotoAsync(fresh.Url("/setup"));
        await Expect(fresh.Page.GetByLabel("Set-up code")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(fresh, "/setup");

        var admin = await _app.CompleteSetupAsync();
        var lead = await _app.CreateUserAsync("Lena Lead", AppRole.Responder);
        await _app.Get<StatusComponentService>().SaveAsync(admin.Actor, new ComponentForm { Name = "Payments" }, TestContext.Current.CancellationToken);
        var incident = await _app.DeclareAsync(lead, "Checkout is failing", lead: lead);
        await _app.PostUpdateAsync(lead, incident, "Rolling back the deploy.", IncidentHub.Core.Incidents.IncidentStatus.Investigating);

        await using var me = await OpenAsync(_app);
        await me.Page.GotoAsync(me.Url("/account/login"));
        await AssertNoViolationsAsync(me, "/account/login");
        await me.SignInAsync(admin);
        foreach (var path in LivePages)
        {
            await me.GotoAsync(path);
            await AssertNoViolationsAsync(me, path);
        }

        // Dialogs, menus and popovers render their own markup and styles.
        await me.GotoAsync("/incidents/1");
        await me.TestId("change-status").ClickAsync();
        await Expect(me.TestId("status-Fixing")).ToBeVisibleAsync();
        await me.Page.Keyboard.PressAsync("Escape");
        await me.TestId("declare-incident").ClickAsync();
        await Expect(me.TestId("declare-name")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(me, "/incidents/1 with the declare dialog open");

        await me.Page.GotoAsync(me.Url("/jobs"));
        await Expect(me.Page.Locator("body")).ToContainTextAsync("Recurring");
        await AssertNoViolationsAsync(me, "/jobs");

        await me.Page.GotoAsync(me.Url("/status"));
        await Expect(me.TestId("status-headline")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(me, "/status");
        await me.ScreenshotAsync("csp-walk-status");
    }

    private async Task<BrowserSession> OpenAsync(AppFactory app)
    {
        var session = await BrowserSession.OpenAsync(browser, app);
        await session.Page.Context.AddInitScriptAsync(RecordViolations);
        session.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (_console)
                {
                    _console.Add(message.Text);
                }
            }
        };
        return session;
    }

    private async Task AssertNoViolationsAsync(BrowserSession session, string where)
    {
        var events = await session.Page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        string[] console;
        lock (_console)
        {
            console = [.. _console];
        }

        Assert.True(events.Length == 0 && console.Length == 0,
            $"Policy violations on {where}:\n" + string.Join("\n", events.Concat(console)));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
