using IncidentHub.Core.Common;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>
/// Two responders draft the customer-facing notice at once. The draft follows the rule of every other edit: whoever
/// saves second is told, sees the other draft and keeps their own text; nothing is replaced without a word.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NoticeDraftTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly AppFactory _app = new(realServer: true);
    private TestUser _fay = null!;
    private TestUser _sam = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        _fay = await _app.CreateUserAsync("Fay First", AppRole.Responder);
        _sam = await _app.CreateUserAsync("Sam Second", AppRole.Responder);
    }

    [Fact]
    public async Task TheSecondToSave_IsTold_SeesTheOtherDraft_AndKeepsTheirOwnText()
    {
        var incident = await _app.DeclareAsync(_fay, "Card payments failing");
        await using var fay = await BrowserSession.OpenAsync(browser, _app);
        await using var sam = await BrowserSession.OpenAsync(browser, _app);
        await fay.SignInAsync(_fay, $"/incidents/{incident.Number}");
        await sam.SignInAsync(_sam, $"/incidents/{incident.Number}");

        await fay.TestId("notice-title").FillAsync("Card payments failing");
        await fay.TestId("notice-message").FillAsync("Fay: some card payments fail at checkout.");
        await sam.TestId("notice-title").FillAsync("Payments are slow");
        await sam.TestId("notice-message").FillAsync("Sam: payments take longer than usual.");

        await fay.TestId("save-draft").ClickAsync();
        await Expect(fay.Page.Locator(".mud-snackbar").Filter(new() { HasText = "Draft saved." })).ToBeVisibleAsync();

        // Sam, still writing, sees Fay's draft arrive beside his own text, which nothing replaced.
        await Expect(sam.TestId("notice-theirs")).ToContainTextAsync("Fay First saved a draft");
        await Expect(sam.TestId("notice-theirs-message")).ToHaveTextAsync("Fay: some card payments fail at checkout.");
        await Expect(sam.TestId("notice-message")).ToHaveValueAsync("Sam: payments take longer than usual.");

        await sam.TestId("save-draft").ClickAsync();
        await Expect(sam.Page.Locator(".mud-snackbar").Filter(new() { HasText = "Fay First saved a draft of the notice while you were writing" })).ToBeVisibleAsync();
        await Expect(sam.TestId("notice-message")).ToHaveValueAsync("Sam: payments take longer than usual.");
        await Expect(sam.TestId("notice-theirs")).ToContainTextAsync("Save again to replace theirs with yours");
        await sam.ScreenshotAsync("notice-draft-second-saver");
        Assert.Equal("Fay: some card payments fail at checkout.", (await DraftAsync(incident.Id)).DraftMessage);

        // Having seen Fay's, Sam chooses his own; Fay's page shows whose draft it is now.
        await sam.TestId("save-draft").ClickAsync();
        await Expect(sam.Page.Locator(".mud-snackbar").Filter(new() { HasText = "Draft saved." })).ToBeVisibleAsync();
        await Expect(sam.TestId("notice-theirs")).ToHaveCountAsync(0);
        await Expect(fay.TestId("draft-info")).ToContainTextAsync("Draft saved by Sam Second");
        await Expect(fay.TestId("notice-message")).ToHaveValueAsync("Sam: payments take longer than usual.");
        Assert.Equal("Sam: payments take longer than usual.", (await DraftAsync(incident.Id)).DraftMessage);
        await fay.ScreenshotAsync("notice-draft-first-saver-after");
    }

    [Fact]
    public async Task UsingTheOtherDraft_TakesItIntoTheForm()
    {
        var incident = await _app.DeclareAsync(_fay, "Card payments failing");
        await using var fay = await BrowserSession.OpenAsync(browser, _app);
        await using var sam = await BrowserSession.OpenAsync(browser, _app);
        await fay.SignInAsync(_fay, $"/incidents/{incident.Number}");
        await sam.SignInAsync(_sam, $"/incidents/{incident.Number}");
        await sam.TestId("notice-message").FillAsync("Sam: a first thought.");

        await fay.TestId("notice-title").FillAsync("Card payments failing");
        await fay.TestId("notice-message").FillAsync("Fay: some card payments fail at checkout.");
        await fay.TestId("save-draft").ClickAsync();
        await Expect(sam.TestId("notice-theirs")).ToBeVisibleAsync();

        await sam.TestId("use-their-draft").ClickAsync();

        await Expect(sam.TestId("notice-message")).ToHaveValueAsync("Fay: some card payments fail at checkout.");
        await Expect(sam.TestId("notice-title")).ToHaveValueAsync("Card payments failing");
        await Expect(sam.TestId("notice-theirs")).ToHaveCountAsync(0);
    }

    private async Task<NoticeEditorView> DraftAsync(int incidentId) =>
        (await _app.Get<PublicationQueries>().GetNoticeAsync(_fay.Actor, incidentId, TestContext.Current.CancellationToken))!;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
