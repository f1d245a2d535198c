using System.Net;
using IncidentHub.Core.Live;
using IncidentHub.Core.Reminders;
using IncidentHub.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentHub.Tests.Web.Slack;

/// <summary>Without a signing secret and a bot token, the app runs fully and Slack is simply not there.</summary>
public sealed class SlackNotConfiguredTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheEndpointsAnswerNotFound_AndNothingIsWrittenForSlack()
    {
        await using var app = new AppFactory();
        var admin = await app.CompleteSetupAsync();
        var requests = new SlackRequests(app.CreateClient(), () => TimeProvider.System.GetUtcNow());

        var events = await requests.EventAsync(SlackPayloads.UrlVerification("challenge"), cancellationToken: Ct);
        var commands = await requests.CommandAsync(SlackPayloads.Command("help", "U1", "C1"), Ct);
        var interactivity = await requests.InteractionAsync("payload=%7B%7D", Ct);
        await app.DeclareAsync(admin, "Checkout failing");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], [events.StatusCode, commands.StatusCode, interactivity.StatusCode]);
        Assert.DoesNotContain(app.Services.GetServices<IncidentHub.Core.Events.IEventConsumer>(), c => c is IncidentHub.Core.Chat.ChatOutboxConsumer);
        Assert.Empty(app.Services.GetServices<IncidentHub.Core.Chat.IChatOutboxSignal>());
        Assert.Equal(0, (await app.Get<IncidentHub.Core.Chat.ChatOutboxService>().SummaryAsync(Ct)).Pending);
    }

    [Theory]
    [InlineData("Slack:SigningSecret", "Slack:BotToken is empty")]
    [InlineData("Slack:BotToken", "Slack:SigningSecret is empty")]
    public async Task HalfASetup_StopsStartUp_NamingWhatIsMissing(string only, string message)
    {
        await using var app = new AppFactory(settings: new Dictionary<string, string?> { [only] = only == "Slack:BotToken" ? "xoxb-1" : "secret" });

        var ex = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Slack:DefaultRoleForUnknownUsers", "Admin", "Slack:DefaultRoleForUnknownUsers must be Responder or Viewer.")]
    [InlineData("Slack:TimelineReaction", "two words", "Slack:TimelineReaction must be a reaction name")]
    [InlineData("Slack:ApiBaseUrl", "slack.com/api", "Slack:ApiBaseUrl must be an absolute http(s) address")]
    [InlineData("Slack:BotToken", "abc", "does not look like a Slack token")]
    public async Task ABadSetting_StopsStartUp_NamingIt(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?> { ["Slack:SigningSecret"] = "secret", ["Slack:BotToken"] = "xoxb-1", [key] = value };
        await using var app = new AppFactory(settings: settings);

        var ex = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
