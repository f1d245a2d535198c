using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IncidentHub.Tests.Web.Slack;

/// <summary>
/// Slack accepted a post, then recording it as sent failed (the database went away at that statement). The retry must
/// look in the channel's history first and find it: one post, never two.
/// </summary>
public sealed class SlackCrashAfterAcceptTests : IAsyncDisposable
{
    private readonly CommandHook _hook = new();
    private SlackApp _slack = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APostSlackAccepted_WhoseSentMarkFailedToSave_IsFoundOnRetry_AndPostedOnce()
    {
        _slack = await SlackApp.StartAsync(
            settings: new Dictionary<string, string?> { ["Slack:CrashRetrySeconds"] = "0" },
            services: services =>
            {
                services.RemoveAll<DbContextOptions<IncidentHubDbContext>>();
                services.AddSingleton(sp => (DbContextOptions<IncidentHubDbContext>)new DbContextOptionsBuilder<IncidentHubDbContext>(
                        DatabaseSetup.BuildOptions(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value))
                    .AddInterceptors(_hook).Options);
            });
        var lee = await _slack.PersonAsync("Lee Lead", AppRole.Responder, "U0LEE");
        var (incident, channelId) = await _slack.DeclareWithChannelAsync(lee, "Checkout failing");
        await _slack.OutboxDrainedAsync();
        // The next outcome recorded with a result (sent or skipped) is the update's "sent": it fails after Slack said ok.
        _hook.FailNext(sql => sql.Contains("UPDATE", StringComparison.OrdinalIgnoreCase)
            && sql.Contains("ChatOutbox", StringComparison.Ordinal) && sql.Contains("ResultId", StringComparison.Ordinal));

        await _slack.App.Get<UpdateService>().PostUpdateAsync(lee.Actor, incident.Id, new PostUpdateRequest { Message = "Accepted, then the database blinked" }, Ct);
        await _slack.OutboxDrainedAsync();

        Assert.Single(_slack.Slack.Messages(channelId), m => m.Text.Contains("Accepted, then the database blinked", StringComparison.Ordinal));
        Assert.Single(_slack.Slack.Calls("chat.postMessage"), c => c["text"]?.Contains("Accepted, then the database blinked", StringComparison.Ordinal) == true);
        Assert.NotEmpty(_slack.Slack.Calls("conversations.history"));
        var row = await _slack.QueryAsync(db => db.ChatOutbox.OrderByDescending(o => o.Id).FirstAsync(o => o.Kind == ChatOperationKind.Post, Ct));
        Assert.Equal(ChatOutboxStatus.Sent, row.Status);
        Assert.Equal(_slack.Slack.Messages(channelId)[^1].Ts, row.ResultId);
    }

    public async ValueTask DisposeAsync()
    {
        if (_slack is not null)
        {
            await _slack.DisposeAsync();
        }
    }
}
