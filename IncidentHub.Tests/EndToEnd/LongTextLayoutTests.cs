using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Severities;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>
/// Every page holds any text a person can type: a URL as an incident name, 200-character tokens without a space, the
/// longest names, at 390 px (a phone) and 1,366 px (a laptop). Nothing is wider than the viewport and the top bar's
/// controls stay on screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LongTextLayoutTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string UrlName = "Timeouts on https://api.example.com/v1/payments/authorize?region=eu-west-1";

    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private AppFactory _app = null!;
    private TestUser _admin = null!;
    private int _overdue;
    private int _onTime;
    private int _reviewed;

    /// <summary>A token without a single space, like a pasted JWT or log line.</summary>
    private static string Token(int length, string seed = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9") =>
        string.Concat(Enumerable.Repeat(seed, length / seed.Length + 1))[..length];

    public async ValueTask InitializeAsync()
    {
        _app = new AppFactory(realServer: true, time: _clock);
        _admin = await _app.CompleteSetupAsync(Token(TextLimits.PersonName, "Wolfeschlegelsteinhausenbergerdorff"));
        var responder = await _app.CreateUserAsync(Token(TextLimits.PersonName, "Konstantinopoulou"), AppRole.Responder);
        var admin = _admin.Actor;

        var severity = await _app.Get<SeverityService>().SaveAsync(admin, new SeverityForm
        {
            Name = Token(50, "Catastrophic"),
            Rank = 9,
            Guidance = Token(1_000),
        });
        var role = await _app.Get<RoleDefinitionService>().SaveAsync(admin, new RoleDefinitionForm { Name = Token(RoleDefinition.NameMax, "Liaison"), Instructions = Token(RoleDefinition.InstructionsMax) });
        var component = await _app.Get<StatusComponentService>().SaveAsync(admin, new ComponentForm
        {
            Name = Token(StatusComponent.NameMax, "PaymentsGateway"),
            Description = Token(StatusComponent.DescriptionMax),
        });

        // A default incident type with the longest name and description: every incident below carries it, so its chip
        // shows on the cards, the board, the list and the incident page.
        await _app.Get<IncidentHub.Core.IncidentTypes.IncidentTypeService>().SaveAsync(admin, new IncidentHub.Core.IncidentTypes.IncidentTypeForm
        {
            Name = Token(IncidentHub.Core.IncidentTypes.IncidentType.NameMax, "CustomerDataBreach"),
            Description = Token(IncidentHub.Core.IncidentTypes.IncidentType.DescriptionMax),
            ChannelPrefix = "sec",
        });

        var incidents = _app.Get<IncidentService>();
        var overdue = await incidents.DeclareAsync(admin, new DeclareIncidentRequest
        {
            Name = UrlName,
            SeverityId = severity,
            Summary = Token(3_000),
            CustomerImpact = Token(2_000),
        });
        _overdue = overdue.Number;

        _clock.Advance(TimeSpan.FromMinutes(47));
        var onTime = await incidents.DeclareAsync(admin, new DeclareIncidentRequest
        {
            Name = Token(TextLimits.Name),
            SeverityId = severity,
            Summary = Token(TextLimits.LongText),
            CustomerImpact = Token(3_000),
            LeadId = responder.Actor.UserId,
        });
        _onTime = onTime.Number;
        await _app.Get<IncidentHub.Core.Updates.UpdateService>().PostUpdateAsync(responder.Actor, onTime.Id,
            new IncidentHub.Core.Updates.PostUpdateRequest { Message = Token(TextLimits.LongText), NewStatus = IncidentStatus.Investigating });
        await _app.Get<TimelineService>().AddNoteAsync(admin, onTime.Id, new AddNoteRequest { Text = Token(5_000), Highlight = true });
        await _app.Get<ActionService>().AddAsync(admin, onTime.Id, new AddActionRequest { Title = Token(TextLimits.Name), OwnerId = responder.Actor.UserId });
        await _app.Get<RoleAssignmentService>().AssignAsync(admin, onTime.Id, role, responder.Actor.UserId, null);
        await _app.Get<PublicationService>().PublishAsync(admin, onTime.Id, new PublicNoticeForm
        {
            Title = Token(TextLimits.Name),
            Message = Token(PublicNoticeForm.MessageMax),
            Impacts = new Dictionary<int, ComponentState> { [component] = ComponentState.PartialOutage },
        });

        // A resolved incident with a published review whose sections are unbroken text, and long follow-ups.
        var reviewed = await incidents.DeclareAsync(admin, new DeclareIncidentRequest { Name = Token(TextLimits.Name, "ReviewedIncident"), SeverityId = severity });
        _reviewed = reviewed.Number;
        await incidents.ChangeStatusAsync(admin, reviewed.Id, IncidentStatus.Triage, IncidentStatus.Investigating);
        await incidents.ChangeStatusAsync(admin, reviewed.Id, IncidentStatus.Investigating, IncidentStatus.Resolved);
        var followUps = _app.Get<IncidentHub.Core.FollowUps.FollowUpService>();
        await followUps.AddAsync(admin, reviewed.Id, new IncidentHub.Core.FollowUps.AddFollowUpRequest
        {
            Title = Token(TextLimits.Name),
            OwnerId = responder.Actor.UserId,
            DueAt = _clock.GetUtcNow().AddDays(-3),
            TrackerUrl = "https://tracker.example.com/browse/" + Token(400, "PAYMENTS"),
        });
        var reviews = _app.Get<IncidentHub.Core.Reviews.ReviewService>();
        await reviews.StartAsync(admin, reviewed.Id);
        var document = (await _app.Get<IncidentHub.Core.Reviews.ReviewQueries>().GetDocumentAsync(admin, reviewed.Id))!;
        foreach (var section in document.Sections)
        {
            await reviews.SaveSectionAsync(admin, reviewed.Id, new IncidentHub.Core.Reviews.SaveReviewSectionRequest
            {
                SectionId = section.Id,
                SeenVersion = section.Version,
                Body = $"{Token(3_000)}\n\n| {Token(300)} | b |\n|---|---|\n| {Token(300)} | d |\n\n`{Token(500)}`",
            });
        }

        document = (await _app.Get<IncidentHub.Core.Reviews.ReviewQueries>().GetDocumentAsync(admin, reviewed.Id))!;
        await reviews.RequestReviewAsync(admin, reviewed.Id, document.Version, [responder.Actor.UserId]);
        await reviews.AnswerAsync(responder.Actor, reviewed.Id, new IncidentHub.Core.Reviews.AnswerReviewRequest { Verdict = IncidentHub.Core.Reviews.ReviewVerdict.Approved, Comment = Token(1_000) });
        document = (await _app.Get<IncidentHub.Core.Reviews.ReviewQueries>().GetDocumentAsync(admin, reviewed.Id))!;
        await reviews.PublishAsync(admin, reviewed.Id, document.Version);
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1366)]
    public async Task EveryPage_HoldsLongNamesAndUnbrokenText(int width)
    {
        await using var session = await BrowserSession.OpenAsync(browser, _app, width: width, height: 900);
        await session.SignInAsync(_admin);

        var pages = new (string Name, string Path, string Ready)[]
        {
            ("dashboard", "/", "incident-card"),
            ("incidents", "/incidents", "list-incident-link"),
            ("incident-overdue", $"/incidents/{_overdue}", "update-due-banner"),
            ("incident", $"/incidents/{_onTime}", "public-notice-card"),
            ("review", $"/incidents/{_onTime}/review", "review-times"),
            ("written-review", $"/incidents/{_reviewed}/review", "review-section"),
            ("learnings", "/learnings", "learning"),
            ("follow-ups", $"/follow-ups?incident={_reviewed}", "follow-up-row"),
            ("board", "/board", "board-item"),
            ("notifications", "/notifications", "user-menu"),
            ("users", "/admin/users", "user-row"),
            ("severities", "/admin/severities", "severity-row"),
            ("roles", "/admin/roles", "role-row"),
            ("status-services", "/admin/status-services", "component-row"),
            ("slack", "/admin/slack", "slack-urls"),
            ("types", "/admin/types", "type-row"),
            ("follow-up-digest", "/admin/follow-up-digest", "digest-next"),
            ("sign-in-settings", "/admin/sign-in", "sso-not-configured"),
        };
        var problems = new List<string?>();
        foreach (var (name, path, ready) in pages)
        {
            await session.GotoAsync(path);
            await Expect(session.TestId(ready).First).ToBeVisibleAsync();
            await session.ScreenshotAsync($"layout-{width}-{name}");
            await session.Page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", $"layout-{width}-{name}-top.png") });
            problems.Add(await LayoutProbe.ProblemAsync(session.Page, $"{name} at {width} px"));
            foreach (var control in new[] { "declare-incident", "open-notifications", "user-menu" })
            {
                problems.Add(await LayoutProbe.OffScreenAsync(session.TestId(control), $"{control} on {name} at {width} px"));
            }
        }

        await session.GotoAsync("/board/wall");
        await Expect(session.TestId("board-item").First).ToBeVisibleAsync();
        await session.ScreenshotAsync($"layout-{width}-wall");
        problems.Add(await LayoutProbe.ProblemAsync(session.Page, $"the wall screen at {width} px"));

        await session.Page.GotoAsync(session.Url("/status"));
        await Expect(session.TestId("status-incident").First).ToBeVisibleAsync();
        await session.ScreenshotAsync($"layout-{width}-status");
        problems.Add(await LayoutProbe.ProblemAsync(session.Page, $"the status page at {width} px"));

        var found = problems.OfType<string>().ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public async Task TheBellsUnreadBadge_SitsInsideTheTopBar()
    {
        // A role given to the admin on someone else's incident leaves an unread notification.
        var responder = await _app.CreateUserAsync("Rae Responder", AppRole.Responder);
        var incident = await _app.DeclareAsync(responder, "Search is slow");
        var scribe = (await _app.Get<RoleDefinitionService>().GetAllAsync(cancellationToken: TestContext.Current.CancellationToken)).Single(r => r.Kind == IncidentRoleKind.Scribe);
        await _app.Get<RoleAssignmentService>().AssignAsync(responder.Actor, incident.Id, scribe.Id, _admin.Actor.UserId, null, TestContext.Current.CancellationToken);
        await using var session = await BrowserSession.OpenAsync(browser, _app, width: 390, height: 800);
        await session.SignInAsync(_admin);

        // At least the role's notification; the overdue incident the admin leads may add its nudge at any moment (the
        // sweep runs on its own schedule), and where the badge sits is the point here, not the count.
        var badge = session.TestId("notification-count").Locator(".mud-badge");
        await Expect(badge).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        await session.ScreenshotAsync("layout-390-bell-badge");
        var bar = await session.Page.Locator(".mud-appbar").BoundingBoxAsync();
        var box = await badge.BoundingBoxAsync();
        Assert.True(box!.Y >= bar!.Y && box.Y + box.Height <= bar.Y + bar.Height, $"The badge spans {box.Y:0} to {box.Y + box.Height:0} px; the bar {bar.Y:0} to {bar.Y + bar.Height:0} px.");
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1366)]
    public async Task TheTopBar_ShowsDeclareAndTheSearchBoxWhole(int width)
    {
        await using var session = await BrowserSession.OpenAsync(browser, _app, width: width, height: 800);
        await session.SignInAsync(_admin);
        await Expect(session.TestId("declare-incident")).ToBeVisibleAsync();
        await session.Page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", $"layout-{width}-top-bar.png"), Clip = new() { X = 0, Y = 0, Width = width, Height = 64 } });

        // A squeezed button or box clips its words ("Declar", "Sear"): its content is wider than the room it was given.
        var clipped = await session.Page.EvaluateAsync<string>("""
            () => {
              const found = [];
              const button = document.querySelector('[data-testid=declare-incident]');
              if (button.scrollWidth > button.clientWidth + 1) found.push(`Declare button: ${button.scrollWidth} px of content in ${button.clientWidth} px`);
              const input = document.querySelector('[data-testid=top-search]');
              const style = getComputedStyle(input);
              const probe = document.createElement('span');
              probe.textContent = input.placeholder;
              probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${style.font};letter-spacing:${style.letterSpacing}`;
              document.body.appendChild(probe);
              const needed = probe.getBoundingClientRect().width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 2;
              probe.remove();
              if (needed > input.clientWidth) found.push(`search box: its placeholder needs ${Math.ceil(needed)} px, it has ${input.clientWidth} px`);
              return found.join('; ');
            }
            """);
        Assert.True(clipped.Length == 0, $"At {width} px the top bar clips: {clipped}");
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1366)]
    public async Task TheIncidentPage_NeverBreaksAOneWordHeading(int width)
    {
        await using var session = await BrowserSession.OpenAsync(browser, _app, width: width, height: 800);
        await session.SignInAsync(_admin, $"/incidents/{_onTime}");
        await Expect(session.TestId("key-events-only")).ToBeVisibleAsync();

        // A heading squeezed by the controls beside it breaks inside its word ("Timelin" / "e"): its one word then
        // takes more than one line box.
        var broken = await session.Page.EvaluateAsync<string>("""
            () => Array.from(document.querySelectorAll('main h2, main h3'))
              .filter(h => h.textContent.trim().length > 0 && !/\s/.test(h.textContent.trim()))
              .filter(h => { const r = document.createRange(); r.selectNodeContents(h); return new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top))).size > 1; })
              .map(h => h.textContent.trim())
              .join(', ')
            """);
        Assert.True(broken.Length == 0, $"At {width} px these one-word headings break inside the word: {broken}");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
