using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.PostIncident;
using IncidentHub.Core.Roles;
using IncidentHub.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>
/// Post-incident tasks as people use them: an admin defines one (a bad due time is refused with the allowed range,
/// nothing typed is lost), the resolved incident shows its tasks, a responder ticks one and the timeline says so; at
/// 390 and 1,366 px with the longest names and unbroken text.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PostIncidentTasksTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private AppFactory _app = null!;
    private TestUser _admin = null!;
    private int _number;

    private static string Token(int length, string seed) => string.Concat(Enumerable.Repeat(seed, length / seed.Length + 1))[..length];

    public async ValueTask InitializeAsync()
    {
        _app = new AppFactory(realServer: true, time: _clock);
        _admin = await _app.CompleteSetupAsync(Token(TextLimits.PersonName, "Wolfeschlegelsteinhausenbergerdorff"));
        var tasks = _app.Get<PostIncidentTaskService>();
        var lead = (await _app.Get<RoleDefinitionService>().GetAllAsync()).Single(r => r.Kind == IncidentRoleKind.Lead);
        var severities = await _app.Get<IncidentQueries>().GetSeveritiesAsync();
        await tasks.SaveDefinitionAsync(_admin.Actor, new PostIncidentTaskForm
        {
            Name = Token(TextLimits.Name, "Reconcileledgerentries"),
            Guidance = Token(TextLimits.Reason, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"),
            OwnerRoleDefinitionId = lead.Id,
            DueAfter = 1,
            DueAfterUnit = DueAfterUnit.Hours,
            SeverityIds = severities.Select(s => s.Id).ToHashSet(),
        });
        var incident = await _app.Get<IncidentService>().DeclareAsync(_admin.Actor, new DeclareIncidentRequest
        {
            Name = "Timeouts on https://api.example.com/v1/payments/authorize?region=eu-west-1",
            SeverityId = severities.Single(s => s.Name == "Major").Id,
        });
        _number = incident.Number;
        await _app.Get<IncidentService>().ChangeStatusAsync(_admin.Actor, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating);
        await _app.Get<IncidentService>().ChangeStatusAsync(_admin.Actor, incident.Id, IncidentStatus.Investigating, IncidentStatus.Resolved);
        _clock.Advance(TimeSpan.FromHours(2));
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1366)]
    public async Task TheAdminPage_AndTheIncidentsTasks_HoldLongText_AndATickIsOnTheTimeline(int width)
    {
        await using var session = await BrowserSession.OpenAsync(browser, _app, width: width, height: 900);
        await session.SignInAsync(_admin);
        var problems = new List<string?>();

        await session.GotoAsync("/admin/post-incident-tasks");
        await Expect(session.TestId("task-definition")).ToHaveCountAsync(5);
        await Expect(session.TestId("task-definition-rule").Last).ToContainTextAsync("due 1 hour after the resolution · Minor, Major and Critical incidents");
        await session.ScreenshotAsync($"post-incident-tasks-admin-{width}");
        problems.Add(await LayoutProbe.ProblemAsync(session.Page, $"the post-incident tasks admin page at {width} px"));

        // Bad input: a due time out of range is refused with the range, and the dialog keeps what was typed.
        await session.TestId("add-task").ClickAsync();
        // The dialog focuses its first field once it has rendered (AutoFocus). Filling before that lets the late focus
        // take the next field's typing into the name ("Tell finance400", seen in CI), so wait for it first.
        await Expect(session.TestId("task-name")).ToBeFocusedAsync();
        await session.TestId("task-name").FillAsync("Tell finance");
        await session.TestId("task-due-after").FillAsync("400");
        await session.TestId("task-submit").ClickAsync();
        await Expect(session.Page.GetByText("Due after is a whole number of days from 1 to 90.")).ToBeVisibleAsync();
        await Expect(session.TestId("task-name")).ToHaveValueAsync("Tell finance");
        await session.ScreenshotAsync($"post-incident-tasks-admin-refused-{width}");
        await session.TestId("task-due-after").FillAsync("3");
        await session.TestId("task-submit").ClickAsync();
        await Expect(session.TestId("task-definition")).ToHaveCountAsync(6);

        await session.GotoAsync($"/incidents/{_number}");
        var card = session.TestId("post-incident-tasks-card");
        await Expect(card.GetByTestId("post-incident-task")).ToHaveCountAsync(5);
        await Expect(card.GetByTestId("post-incident-task-overdue")).ToHaveTextAsync("overdue by 1 h 00 min");
        await card.ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync($"post-incident-tasks-incident-{width}");
        problems.Add(await LayoutProbe.ProblemAsync(session.Page, $"the incident page with tasks at {width} px"));

        var first = card.GetByTestId("post-incident-task").First;
        await first.Locator("input[type=checkbox]").ClickAsync();
        await Expect(first).ToHaveAttributeAsync("data-done", "true");
        await Expect(session.Page.GetByText("completed the post-incident task \"Write the review\".").First).ToBeVisibleAsync();
        await Expect(card.GetByTestId("post-incident-tasks-summary")).ToContainTextAsync("1 of 5 done");
        await session.ScreenshotAsync($"post-incident-tasks-ticked-{width}");

        // Undo for the next width's run.
        await first.Locator("input[type=checkbox]").ClickAsync();
        await Expect(first).ToHaveAttributeAsync("data-done", "false");

        var found = problems.OfType<string>().ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
