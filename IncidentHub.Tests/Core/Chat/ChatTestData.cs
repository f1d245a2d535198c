using IncidentHub.Core.Chat;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Chat;

/// <summary>Shortcuts for chat tests: linking a channel to an incident, and events as an adapter would make them.</summary>
internal static class ChatTestData
{
    /// <summary>Gives the incident a channel as if it had been created in the chat system.</summary>
    public static async Task LinkChannelAsync(this ServiceHarness harness, int incidentId, string channelId)
    {
        await using var db = await harness.Database.Factory.CreateDbContextAsync();
        var incident = await db.Incidents.SingleAsync(i => i.Id == incidentId);
        var channel = new ChatChannel(incident.Id, incident.IsPrivate, harness.Time.GetUtcNow());
        channel.RecordCreated(channelId, "inc-" + incident.Number, harness.Time.GetUtcNow());
        db.ChatChannels.Add(channel);
        await db.SaveChangesAsync();
    }

    public static DateTimeOffset At(int seconds) => ServiceHarness.Start + TimeSpan.FromSeconds(seconds);

    /// <summary>A message id the way Slack writes them, for a time relative to the harness's start.</summary>
    public static string Ts(int seconds) => (At(seconds).ToUnixTimeMilliseconds() / 1000.0).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture);

    public static ChatAuthor Sam { get; } = new("U1SAM", "Sam Slack");

    public static ChatMessagePosted Posted(string channel, int seconds, string text, string? thread = null, ChatAuthor? author = null, params ChatFileRef[] files) =>
        new(channel, Ts(seconds), thread, author ?? Sam, text, At(seconds), files);

    public static ChatMessageEdited Edited(string channel, int postedSeconds, int editedSeconds, string text, string? before = null, int? beforeSince = null) =>
        new(channel, Ts(postedSeconds), null, Sam, At(postedSeconds), new ChatTextVersion(text, At(editedSeconds)),
            before is null ? null : new ChatTextVersion(before, At(beforeSince ?? postedSeconds)));

    public static ChatMessageDeleted Deleted(string channel, int postedSeconds, int deletedSeconds) =>
        new(channel, Ts(postedSeconds), At(postedSeconds), Sam, At(deletedSeconds));
}
