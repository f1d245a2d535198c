using Bunit;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Reminders;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Components.Pages.Admin;
using IncidentHub.Web.Components.Shared;
using MudBlazor;

namespace IncidentHub.Tests.Components;

/// <summary>Every limited field shows its limit before it is reached and refuses more with a message; numbers are never clamped.</summary>
public sealed class LimitedFieldsTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>, IAsyncLifetime
{
    private ComponentHarness _ui = null!;
    private Actor _me = null!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _ui = ComponentHarness.Create(database);
        _me = await _ui.Core.CreateAdminAsync("Ada Admin");
        _ui.SignInAs(_me);
    }

    [Fact]
    public async Task TheDeclareForm_ShowsEveryLimit_BeforeAnythingIsTyped_AndCutsNothing()
    {
        var (provider, _) = await _ui.ShowDialogAsync<DeclareIncidentDialog>("Declare an incident");
        provider.WaitForElement("[data-testid=severity-Major]");

        var name = provider.Find("input[data-testid=declare-name]");
        Assert.Equal("200", name.GetAttribute("data-limit"));
        // Nothing stops typing at the limit (which would cut a pasted text without a word): the browser's default applies.
        Assert.NotEqual("200", name.GetAttribute("maxlength"));
        Assert.Contains("0 / 200", provider.Markup, StringComparison.Ordinal);
        Assert.Contains("Up to 200 characters.", provider.Markup, StringComparison.Ordinal);
        Assert.Contains("What you know so far. Up to 10,000 characters.", provider.Markup, StringComparison.Ordinal);
        Assert.Contains("0 / 10000", provider.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANameOverTheLimit_IsRefusedWithTheLimit_KeptAsTyped_AndNothingIsDeclared()
    {
        var (provider, _) = await _ui.ShowDialogAsync<DeclareIncidentDialog>("Declare an incident");
        provider.WaitForElement("[data-testid=severity-Major]");
        var tooLong = "Timeouts on https://api.example.com/v1/payments/" + new string('x', 180);

        await provider.Find("input[data-testid=declare-name]").ChangeAsync(new() { Value = tooLong });
        await provider.Find("[data-testid=severity-Major]").ClickAsync(new());
        await provider.Find("form").SubmitAsync();

        provider.WaitForAssertion(() => Assert.Contains(
            $"The name can be at most 200 characters; this one has {tooLong.Length} ({tooLong.Length - 200} too many).", provider.Markup, StringComparison.Ordinal));
        Assert.Equal(tooLong, provider.Find("input[data-testid=declare-name]").GetAttribute("value"));
        Assert.Contains($"{tooLong.Length} / 200", provider.Markup, StringComparison.Ordinal);
        Assert.Equal(0, (await _ui.Core.IncidentQueries.SearchAsync(new IncidentSearch(), Ct)).TotalCount);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100000")]
    [InlineData("abc")]
    [InlineData("1.5")]
    public async Task ACadenceOutOfRangeOrNotANumber_IsRefusedWithTheRange_AndNothingIsSaved(string typed)
    {
        var critical = (await _ui.Core.IncidentQueries.GetSeveritiesAsync(cancellationToken: Ct)).Single(s => s.Name == "Critical");
        var (provider, dialog) = await _ui.ShowDialogAsync<SeverityDialog>("Edit Critical", new DialogParameters<SeverityDialog> { { d => d.Existing, critical } });
        var cadence = provider.WaitForElement("input[data-testid=severity-cadence]");

        await cadence.ChangeAsync(new() { Value = typed });
        await provider.Find("form").SubmitAsync();

        provider.WaitForAssertion(() => Assert.Contains(UpdateCadence.RangeMessage, provider.Markup, StringComparison.Ordinal));
        Assert.Equal(typed, provider.Find("input[data-testid=severity-cadence]").GetAttribute("value"));
        Assert.False(dialog.Result.IsCompleted);
        var stored = (await _ui.Core.IncidentQueries.GetSeveritiesAsync(cancellationToken: Ct)).Single(s => s.Name == "Critical");
        Assert.Equal(UpdateCadence.DefaultMinutes, stored.UpdateCadenceMinutes);
    }

    [Fact]
    public async Task ACadenceInRange_IsSaved_AfterARefusalIsCorrected()
    {
        var critical = (await _ui.Core.IncidentQueries.GetSeveritiesAsync(cancellationToken: Ct)).Single(s => s.Name == "Critical");
        var (provider, dialog) = await _ui.ShowDialogAsync<SeverityDialog>("Edit Critical", new DialogParameters<SeverityDialog> { { d => d.Existing, critical } });
        var cadence = provider.WaitForElement("input[data-testid=severity-cadence]");

        await cadence.ChangeAsync(new() { Value = "abc" });
        await provider.Find("input[data-testid=severity-cadence]").ChangeAsync(new() { Value = "15" });
        await provider.Find("form").SubmitAsync();

        await dialog.Result.WaitAsync(ComponentHarness.Wait, Ct);
        Assert.Equal(15, (await _ui.Core.IncidentQueries.GetSeveritiesAsync(cancellationToken: Ct)).Single(s => s.Name == "Critical").UpdateCadenceMinutes);
        Assert.DoesNotContain(UpdateCadence.RangeMessage, provider.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARankThatIsNotAWholeNumber_IsRefusedWithTheRange()
    {
        var (provider, _) = await _ui.ShowDialogAsync<SeverityDialog>("Add a severity", new DialogParameters<SeverityDialog> { { d => d.SuggestedRank, 4 } });
        var rank = provider.WaitForElement("input[data-testid=severity-rank]");
        Assert.Equal("4", rank.GetAttribute("value"));

        await rank.ChangeAsync(new() { Value = "0" });

        provider.WaitForAssertion(() => Assert.Contains(IncidentHub.Core.Severities.Severity.RankMessage, provider.Markup, StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync() => await _ui.DisposeAsync();
}
