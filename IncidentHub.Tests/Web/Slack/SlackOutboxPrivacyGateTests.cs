using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Web.Slack;

/// <summary>
/// The privacy gate is the outbox's last check: calls queued while the incident was standard (Slack was down) do not
/// reach its public channel or the announcements channel once it is private, whichever producer queued them.
/// </summary>
public sealed class SlackOutboxPrivacyGateTests : IAsyncDisposable
{
    private SlackApp _slack = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("update")]
    [InlineData("nudge")]
    [InlineData("announcement")]
    [InlineData("role change")]
    public async Task CallsQueuedBeforeTheIncidentWasMadePrivate_AreNotPostedToItsPublicChannel(string producer)
    {
        // Tried again soon after Slack comes back, so the test waits for a condition, not for a 15-second retry.
        _slack = await SlackApp.StartAsync(settings: new Dictionary<string, string?> { ["Slack:OutageRetrySeconds"] = "0.2" });
        var lee = await _slack.PersonAsync("Lee Lead", AppRole.Responder, "U0LEE");
        var sam = await _slack.PersonAsync("Sam Okafor", AppRole.Responder, "U0SAM");
        var (incident, channelId) = await _slack.DeclareWithChannelAsync(lee, "Checkout failing");
        await _slack.OutboxDrainedAsync();
        var announcement = Assert.Single(_slack.Slack.Messages("C0ANNOUNCE"));
        var before = _slack.Slack.Messages(channelId).Count;
        await _slack.Slack.GoDownAsync();

        await ProduceAsync(producer, lee, sam, incident);
        Assert.True(await _slack.QueryAsync(db => db.ChatOutbox.CountAsync(o => o.Status == ChatOutboxStatus.Pending, Ct)) > 0);
        await _slack.App.Get<IncidentHub.Core.Access.IncidentAccessService>().ChangeVisibilityAsync(lee.Actor, incident.Id, IncidentVisibility.Private, Ct);
        await _slack.Slack.ComeBackAsync();
        _slack.App.Get<IncidentHub.Web.Slack.SlackWorkTrigger>().RequestOutbox();
        await _slack.OutboxDrainedAsync();

        var after = _slack.Slack.Messages(channelId).Skip(before).Select(m => m.Text).ToList();
        Assert.StartsWith("INC-1 is now private in IncidentHub", Assert.Single(after).TrimStart('*'), StringComparison.Ordinal);
        Assert.Equal(0, Assert.Single(_slack.Slack.Messages("C0ANNOUNCE")).Edits);
        Assert.Equal(announcement.Text, _slack.Slack.Messages("C0ANNOUNCE")[0].Text);
        Assert.DoesNotContain("U0SAM", _slack.Slack.Channel(channelId)!.Members);
    }

    private async Task ProduceAsync(string producer, TestUser lee, TestUser sam, DeclaredIncident incident)
    {
        switch (producer)
        {
            case "update":
                await _slack.App.Get<UpdateService>().PostUpdateAsync(lee.Actor, incident.Id, new PostUpdateRequest { Message = "Secret root cause" }, Ct);
                break;
            case "nudge":
                var dueAt = TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(5);
                await _slack.QueryAsync(db => db.UpdateReminders.Where(r => r.IncidentId == incident.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.DueAt, dueAt).SetProperty(r => r.NextNudgeAtTicks, dueAt.UtcTicks), Ct));
                Assert.Single((await _slack.App.Get<UpdateNudgeSweeper>().SweepAsync(Ct)).Nudges);
                break;
            case "announcement":
                var critical = await _slack.QueryAsync(db => db.Severities.Where(s => s.Name == "Critical").Select(s => s.Id).SingleAsync(Ct));
                var current = await _slack.QueryAsync(db => db.Incidents.Where(i => i.Id == incident.Id).Select(i => i.SeverityId).SingleAsync(Ct));
                await _slack.App.Get<IncidentService>().ChangeSeverityAsync(lee.Actor, incident.Id, current, critical, Ct);
                break;
            case "role change":
                var comms = await _slack.QueryAsync(db => db.RoleDefinitions.Where(r => r.Kind == IncidentRoleKind.CommunicationsLead).Select(r => r.Id).SingleAsync(Ct));
                await _slack.App.Get<RoleAssignmentService>().AssignAsync(lee.Actor, incident.Id, comms, sam.Actor.UserId, null, Ct);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_slack is not null)
        {
            await _slack.DisposeAsync();
        }
    }
}
