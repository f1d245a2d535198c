using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>Two people editing the same thing: the second is told, keeps their text, and sees the fresh state.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConflictTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly AppFactory _app = new(realServer: true);
    private TestUser _first = null!;
    private TestUser _second = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        _first = await _app.CreateUserAsync("Fay First", AppRole.Responder);
        _second = await _app.CreateUserAsync("Sid Second", AppRole.Responder);
    }

    [Fact]
    public async Task SecondEditOfTheSameName_IsRefusedWithAMessage_AndKeepsTheText()
    {
        var incident = await _app.DeclareAsync(_first, "Original name");
        await using var first = await BrowserSession.OpenAsync(browser, _app);
        await using var second = await BrowserSession.OpenAsync(browser, _app);
        await first.SignInAsync(_first, $"/incidents/{incident.Number}");
        await second.SignInAsync(_second, $"/incidents/{incident.Number}");

        await first.TestId("edit-details").ClickAsync();
        await second.TestId("edit-details").ClickAsync();
        await first.TestId("edit-name").FillAsync("Name from the first person");
        await second.TestId("edit-name").FillAsync("Name from the second person");

        await first.TestId("save-details").ClickAsync();
        await Expect(first.TestId("incident-name")).ToHaveTextAsync("Name from the first person");
        await Expect(second.TestId("incident-name")).ToHaveTextAsync("Name from the first person");

        await second.TestId("save-details").ClickAsync();
        await Expect(second.Page.GetByText("Someone else edited the name while you were editing")).ToBeVisibleAsync();
        await Expect(second.TestId("edit-name")).ToHaveValueAsync("Name from the second person");
        await second.ScreenshotAsync("conflict-second-editor");

        await Expect(second.TestId("edit-conflict")).ToContainTextAsync("Name from the first person");
        var detail = await _app.Get<IncidentHub.Core.Incidents.IncidentQueries>().GetDetailAsync(incident.Number, TestContext.Current.CancellationToken);
        Assert.Equal("Name from the first person", detail!.Name);

        // Having seen theirs, the second person may still choose theirs over it.
        await second.TestId("save-details").ClickAsync();
        await Expect(first.TestId("incident-name")).ToHaveTextAsync("Name from the second person");
        await Expect(second.TestId("incident-name")).ToHaveTextAsync("Name from the second person");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
