using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Web.Slack;

/// <summary>The incident's channel hears of similar past incidents once, right after its first post, linked into IncidentHub.</summary>
public sealed class SlackSimilarAtDeclarationTests : IAsyncDisposable
{
    private SlackApp _slack = null!;

    [Fact]
    public async Task Declaring_PostsSimilarPastIncidentsOnce_WithLinks_AndNeverAPrivateOne()
    {
        _slack = await SlackApp.StartAsync(settings: new Dictionary<string, string?> { ["Slack:PublicUrl"] = "https://incidents.example.com/" });
        var lee = await _slack.PersonAsync("Lee Lead", AppRole.Responder, "U0LEE");
        var (past, _) = await _slack.DeclareWithChannelAsync(lee, "Card authorisation timeouts at checkout");
        var (secret, _) = await _slack.DeclareWithChannelAsync(lee, "Card authorisation timeouts on payroll", isPrivate: true);
        await _slack.OutboxDrainedAsync();

        var (_, channelId) = await _slack.DeclareWithChannelAsync(lee, "Card authorisation timeouts again");
        await _slack.OutboxDrainedAsync();

        var texts = _slack.Slack.Messages(channelId).Select(m => m.Text).ToList();
        Assert.Equal(2, texts.Count);
        Assert.StartsWith("*INC-3 declared: Card authorisation timeouts again*", texts[0], StringComparison.Ordinal);
        var similar = texts[1];
        Assert.StartsWith("*Similar past incidents*\n• <https://incidents.example.com/incidents/1|INC-1: Card authorisation timeouts at checkout> — Both mention", similar, StringComparison.Ordinal);
        Assert.Contains("No open follow-ups.", similar, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Reference, similar, StringComparison.Ordinal);
        Assert.DoesNotContain("payroll", similar, StringComparison.Ordinal);
        Assert.Equal(1, past.Number);
    }

    public async ValueTask DisposeAsync()
    {
        if (_slack is not null)
        {
            await _slack.DisposeAsync();
        }
    }
}
