using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>The public status page, the support board and private incidents, as people use them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StatusAndPrivacyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly AppFactory _app = new(realServer: true);
    private TestUser _admin = null!;
    private TestUser _lead = null!;
    private TestUser _other = null!;
    private TestUser _viewer = null!;

    public async ValueTask InitializeAsync()
    {
        _admin = await _app.CompleteSetupAsync();
        _lead = await _app.CreateUserAsync("Lena Lead", AppRole.Responder);
        _other = await _app.CreateUserAsync("Otto Other", AppRole.Responder);
        _viewer = await _app.CreateUserAsync("Vera Viewer", AppRole.Viewer);
        await _app.Get<StatusComponentService>().SaveAsync(_admin.Actor, new ComponentForm { Name = "Payments" });
    }

    [Fact]
    public async Task TheLeadPublishes_AndAnAnonymousVisitorSeesItOnTheStatusPage()
    {
        var incident = await _app.DeclareAsync(_lead, "Gateway 502s on card payments");
        await using var customer = await BrowserSession.OpenAsync(browser, _app);
        await customer.Page.GotoAsync(customer.Url("/status"));
        await Expect(customer.TestId("status-headline")).ToHaveTextAsync("All systems operational");

        await using var lead = await BrowserSession.OpenAsync(browser, _app);
        await lead.SignInAsync(_lead, $"/incidents/{incident.Number}");
        await lead.TestId("notice-title").FillAsync("Some card payments are failing");
        await lead.TestId("notice-message").FillAsync("Some card payments fail at checkout. Retrying usually works; a fix is on its way.");
        await lead.SelectAsync(lead.TestId("impact-Payments"), "Partial outage");
        await lead.TestId("publish").ClickAsync();
        await lead.Page.Locator(".mud-dialog").GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(lead.TestId("public-state")).ToContainTextAsync("Some card payments are failing");
        await Expect(lead.Page.Locator("[data-testid=timeline-entry][data-kind=Published]")).ToContainTextAsync("Lena Lead published to the status page");

        await customer.Page.ReloadAsync();
        await Expect(customer.TestId("status-headline")).ToHaveTextAsync("Partial outage");
        await Expect(customer.TestId("status-incident")).ToContainTextAsync("Some card payments are failing");
        await Expect(customer.TestId("status-incident")).ToContainTextAsync("Retrying usually works");
        await Expect(customer.Page.Locator("body")).Not.ToContainTextAsync("Gateway 502s");
        await Expect(customer.Page.Locator("body")).Not.ToContainTextAsync("Lena Lead");
        await customer.ScreenshotAsync("status-01-public");
    }

    [Fact]
    public async Task ANoticeWithAControlCharacter_PublishedThroughTheForm_LeavesTheFeedValid()
    {
        var incident = await _app.DeclareAsync(_lead, "Pasted from a word processor");
        await using var lead = await BrowserSession.OpenAsync(browser, _app);
        await lead.SignInAsync(_lead, $"/incidents/{incident.Number}");
        await lead.TestId("notice-title").FillAsync("Exports are\u000b delayed");
        await lead.TestId("notice-message").FillAsync("Exports are late.\u000bWe are on it.\u0007");
        await lead.SelectAsync(lead.TestId("impact-Payments"), "Degraded performance");
        await lead.TestId("publish").ClickAsync();
        await lead.Page.Locator(".mud-dialog").GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(lead.TestId("public-state")).ToContainTextAsync("delayed");

        using var http = new HttpClient { BaseAddress = _app.ServerAddress };
        var response = await http.GetAsync(new Uri("/status/feed.atom", UriKind.Relative), TestContext.Current.CancellationToken);
        var xml = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var content = System.Xml.Linq.XDocument.Parse(xml).Descendants(System.Xml.Linq.XName.Get("content", "http://www.w3.org/2005/Atom")).Single().Value;
        Assert.Equal("Exports are late.\nWe are on it.", content);
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task TheLead_TakesAwayAFormerScribesAccess_AndTheyCanNoLongerOpenIt(int width, int height)
    {
        var incident = await _app.DeclareAsync(_lead, "Salary spreadsheet shared too widely", isPrivate: true);
        var roles = _app.Get<IncidentHub.Core.Roles.RoleAssignmentService>();
        var scribe = (await _app.Get<IncidentQueries>().GetDetailAsync(incident.Number, TestContext.Current.CancellationToken))!
            .Roles.Single(r => r.Kind == IncidentHub.Core.Roles.IncidentRoleKind.Scribe).RoleDefinitionId;
        await roles.AssignAsync(_lead.Actor, incident.Id, scribe, _other.Actor.UserId, null, TestContext.Current.CancellationToken);
        await roles.UnassignAsync(_lead.Actor, incident.Id, scribe, _other.Actor.UserId, TestContext.Current.CancellationToken);
        await using var other = await BrowserSession.OpenAsync(browser, _app, width, height);
        await other.SignInAsync(_other, $"/incidents/{incident.Number}");
        await Expect(other.TestId("incident-name")).ToContainTextAsync("Salary spreadsheet");

        await using var lead = await BrowserSession.OpenAsync(browser, _app, width, height);
        await lead.SignInAsync(_lead, $"/incidents/{incident.Number}");
        var row = lead.Page.Locator("[data-testid=access-person][data-user='Otto Other']");
        await Expect(row).ToContainTextAsync("was Scribe");
        await Expect(lead.Page.Locator("[data-testid=access-person][data-user='Lena Lead'] [data-testid=access-kept]")).ToContainTextAsync("keeps access while holding a role");
        await Expect(lead.Page.Locator("[data-testid=access-person][data-user='Lena Lead'] [data-testid=remove-access]")).ToHaveCountAsync(0);
        await lead.TestId("access-card").ScrollIntoViewIfNeededAsync();
        await lead.TestId("access-card").ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", $"private-02-access-card-{width}.png") });
        await lead.ScreenshotAsync($"private-02-remove-access-{width}");
        await row.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Take away Otto Other's access" }).ClickAsync();

        await Expect(lead.Page.GetByText("Otto Other can no longer see the incident.")).ToBeVisibleAsync();
        await Expect(row).ToHaveCountAsync(0);
        await lead.TestId("access-log").ClickAsync();
        await Expect(lead.TestId("access-log")).ToContainTextAsync("Lena Lead took away Otto Other's access");
        await lead.ScreenshotAsync($"private-03-access-removed-{width}");
        await other.GotoAsync($"/incidents/{incident.Number}");
        await Expect(other.TestId("incident-not-found")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AViewersBoard_ShowsAnIncidentDeclaredInAnotherBrowser_WithoutReload()
    {
        await using var support = await BrowserSession.OpenAsync(browser, _app);
        await support.SignInAsync(_viewer, "/board");
        await Expect(support.TestId("board-quiet")).ToBeVisibleAsync();
        await support.Page.EvaluateAsync("() => window.__noReload = 'still here'");

        await using var lead = await BrowserSession.OpenAsync(browser, _app);
        await lead.SignInAsync(_lead, "/");
        await lead.TestId("declare-incident").ClickAsync();
        await lead.TestId("declare-name").FillAsync("Exports stuck in the queue");
        await lead.Page.GetByText("Major", new() { Exact = true }).ClickAsync();
        await lead.TestId("declare-impact").FillAsync("Customers' scheduled exports arrive hours late.");
        await lead.TestId("declare-submit").ClickAsync();

        var item = support.Page.Locator("[data-testid=board-item][data-reference='INC-1']");
        await Expect(item).ToContainTextAsync("Exports stuck in the queue");
        await Expect(item).ToContainTextAsync("Customers' scheduled exports arrive hours late.");
        await Expect(item).ToContainTextAsync("Nothing public yet");
        // Support is told whom to check with by name: no communications lead yet, so the incident lead.
        await Expect(item.GetByTestId("board-nothing-public")).ToContainTextAsync($"check with {_lead.Name} (incident lead) before saying more");
        Assert.Equal("still here", await support.Page.EvaluateAsync<string>("() => window.__noReload"));
        await support.ScreenshotAsync("board-01-live");
    }

    [Fact]
    public async Task APrivateIncident_IsInvisibleToOthers_UntilTheLeadLetsThemIn()
    {
        const string Secret = "ZEPHYRQUOKKA";
        var severity = (await _app.Get<IncidentQueries>().GetSeveritiesAsync(cancellationToken: TestContext.Current.CancellationToken))[0].Id;
        var incident = await _app.Get<IncidentService>().DeclareAsync(_lead.Actor,
            new DeclareIncidentRequest { Name = $"Payroll export leaked {Secret}", SeverityId = severity, IsPrivate = true }, TestContext.Current.CancellationToken);

        await using var other = await BrowserSession.OpenAsync(browser, _app);
        await other.SignInAsync(_other, "/");
        await Expect(other.TestId("dashboard-empty")).ToBeVisibleAsync();
        await _app.PostUpdateAsync(_lead, incident, $"Still contained {Secret}");
        await other.GotoAsync("/incidents");
        await other.TestId("search").FillAsync(Secret);
        await Expect(other.TestId("list-empty")).ToBeVisibleAsync();
        Assert.DoesNotContain(Secret, await other.Page.ContentAsync(), StringComparison.Ordinal);

        await other.GotoAsync($"/incidents/{incident.Number}");
        await Expect(other.TestId("incident-not-found")).ToContainTextAsync($"There is no incident {incident.Reference} that you can see");
        await other.GotoAsync($"/incidents/{incident.Number}/review");
        await Expect(other.Page.GetByText($"There is no incident {incident.Reference}")).ToBeVisibleAsync();
        Assert.DoesNotContain(Secret, await other.Page.ContentAsync(), StringComparison.Ordinal);
        await other.GotoAsync($"/incidents/{incident.Number}");
        await other.TestId("access-reason").FillAsync("I run payroll support.");
        await other.TestId("ask-access").ClickAsync();
        await Expect(other.TestId("access-asked")).ToBeVisibleAsync();

        await using var lead = await BrowserSession.OpenAsync(browser, _app);
        await lead.SignInAsync(_lead, $"/incidents/{incident.Number}");
        await Expect(lead.TestId("private-chip")).ToBeVisibleAsync();
        await Expect(lead.TestId("access-request")).ToContainTextAsync("I run payroll support.");
        await lead.ScreenshotAsync("private-01-lead");
        await lead.TestId("grant-request").ClickAsync();
        await Expect(lead.Page.Locator("[data-testid=access-person][data-user='Otto Other']")).ToContainTextAsync("let in");

        await other.GotoAsync($"/incidents/{incident.Number}");
        await Expect(other.TestId("incident-name")).ToContainTextAsync(Secret);

        // Reading its review is a view too, and goes in the access log the lead reads.
        var access = _app.Get<IncidentAccessService>();
        async Task<int> ViewsAsync() => (await access.GetAccessAsync(_lead.Actor, incident.Id, TestContext.Current.CancellationToken))!.Log
            .Count(e => e.Kind == AccessLogKind.Viewed && e.UserName == "Otto Other");
        var views = await ViewsAsync();
        await other.GotoAsync($"/incidents/{incident.Number}/review");
        await Expect(other.Page.GetByText($"Review: Payroll export leaked {Secret}")).ToBeVisibleAsync();
        await Eventually.TrueAsync(async () => await ViewsAsync() == views + 1, TimeSpan.FromSeconds(15), "the review's view is in the access log");
        Assert.Equal(views + 1, await ViewsAsync());
    }

    [Fact]
    public async Task MarkupInIncidentText_IsShownAsText_AndNeverRuns()
    {
        const string Payload = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script> **bold**";
        var incident = await _app.DeclareAsync(_lead, Payload);
        await _app.PostUpdateAsync(_lead, incident, Payload);
        await using var me = await BrowserSession.OpenAsync(browser, _app);
        var dialogs = 0;
        me.Page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await me.SignInAsync(_lead, "/");
        await Expect(me.TestId("incident-link")).ToHaveTextAsync(Payload);
        await me.GotoAsync($"/incidents/{incident.Number}");
        await Expect(me.TestId("incident-name")).ToHaveTextAsync(Payload);
        await Expect(me.TestId("timeline-text").Filter(new() { HasText = "**bold**" }).First).ToBeVisibleAsync();
        await me.GotoAsync("/board");
        await Expect(me.Page.Locator("[data-testid=board-item]")).ToContainTextAsync(Payload);

        Assert.Equal(0, dialogs);
        Assert.True(await me.Page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
