using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Core.Chat;

/// <summary>Which channel belongs to which incident, and what the chat adapter needs to know about the incident.</summary>
public sealed partial class ChatChannelService(IDbContextFactory<IncidentHubDbContext> dbFactory, TimeProvider time, ILogger<ChatChannelService> logger)
{
    public async Task<ChatChannelView?> GetAsync(int incidentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChatChannels.AsNoTracking()
            .Where(c => c.IncidentId == incidentId)
            .Select(View)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The incident whose channel this is, or null.</summary>
    public async Task<ChatChannelView?> FindByChannelAsync(string channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChatChannels.AsNoTracking()
            .Where(c => c.ExternalId == channelId)
            .Select(View)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Records the channel the chat system made for the incident. The first recorded channel stays the incident's
    /// channel for good.
    /// </summary>
    /// <returns>True when <paramref name="channelId"/> is the incident's channel; false when another one already is (the
    /// caller made a duplicate and should archive it).</returns>
    public async Task<bool> RecordCreatedAsync(int incidentId, string channelId, string name, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.ChatChannels.SingleOrDefaultAsync(c => c.IncidentId == incidentId, cancellationToken)
            ?? throw new InvalidOperationException($"Incident {incidentId} has no chat channel to record.");
        var ours = channel.RecordCreated(channelId, name, time.GetUtcNow());
        if (!ours)
        {
            LogDuplicateChannel(logger, incidentId);
            return false;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrent recorder won; ours is the duplicate unless it recorded the same channel.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await fresh.ChatChannels.AnyAsync(c => c.IncidentId == incidentId && c.ExternalId == channelId, cancellationToken);
        }
    }

    public async Task RecordAnnouncementAsync(int incidentId, string channelId, string messageId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.ChatChannels.SingleAsync(c => c.IncidentId == incidentId, cancellationToken);
        channel.RecordAnnouncement(channelId, messageId);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordArchivedAsync(int incidentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.ChatChannels.SingleAsync(c => c.IncidentId == incidentId, cancellationToken);
        channel.RecordArchived(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The incident as a chat message shows it: the announcement, the channel topic.</summary>
    public async Task<ChatIncidentCard?> GetCardAsync(int incidentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Incidents.AsNoTracking()
            .Where(i => i.Id == incidentId)
            .Select(i => new ChatIncidentCard(
                i.Id, i.Number, i.Name, i.Status, i.Severity.Name, i.Severity.Rank, i.LeadId, i.LeadName,
                i.Visibility == IncidentVisibility.Private, i.CustomerImpact, i.DeclaredAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static readonly System.Linq.Expressions.Expression<Func<ChatChannel, ChatChannelView>> View = c => new ChatChannelView(
        c.IncidentId, c.Incident!.Number, c.Incident.Status, c.ExternalId, c.Name, c.IsPrivate,
        c.AnnouncementChannelId, c.AnnouncementMessageId, c.ArchivedAt, c.Incident.Visibility == IncidentVisibility.Private);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {IncidentId} already has a chat channel; a second one was made and is refused")]
    private static partial void LogDuplicateChannel(ILogger logger, int incidentId);
}

public sealed record ChatChannelView(
    int IncidentId,
    int IncidentNumber,
    IncidentStatus IncidentStatus,
    string? ChannelId,
    string? Name,
    bool IsPrivate,
    string? AnnouncementChannelId,
    string? AnnouncementMessageId,
    DateTimeOffset? ArchivedAt,
    bool IncidentIsPrivate)
{
    public string Reference => IncidentReference.Format(IncidentNumber);
}

public sealed record ChatIncidentCard(
    int Id,
    int Number,
    string Name,
    IncidentStatus Status,
    string SeverityName,
    int SeverityRank,
    string LeadId,
    string LeadName,
    bool IsPrivate,
    string CustomerImpact,
    DateTimeOffset DeclaredAt)
{
    public string Reference => IncidentReference.Format(Number);
}
