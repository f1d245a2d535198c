using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Chat;

/// <summary>What the timeline shows of a mirrored message beyond its text: thread, edits, deletion, images.</summary>
public sealed record ChatMessageView(
    string? ThreadId,
    long? ParentEntryId,
    string? ParentAuthor,
    string? ParentExcerpt,
    DateTimeOffset? EditedAt,
    bool IsDeleted,
    IReadOnlyList<ChatRevisionView> History,
    IReadOnlyList<ChatAttachmentView> Attachments)
{
    public bool IsReply => ThreadId is not null;
}

/// <summary>An earlier version of a message: its text, from when it was current.</summary>
public sealed record ChatRevisionView(string Text, DateTimeOffset Since);

public sealed record ChatAttachmentView(long Id, string Name, ChatAttachmentStatus Status, string? ContentType, string? Problem);

/// <summary>Adds the chat details to a page of timeline entries, in a few queries for the whole page.</summary>
public static class ChatTimeline
{
    private const int ExcerptLength = 120;

    public static async Task<IReadOnlyList<TimelineEntryView>> AttachAsync(
        IncidentHubDbContext db,
        int incidentId,
        IReadOnlyList<TimelineEntryView> entries,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        var ids = entries.Where(e => e.Source == TimelineSource.Slack && e.Kind == TimelineEntryKind.Message).Select(e => e.Id).ToList();
        if (ids.Count == 0)
        {
            return entries;
        }

        var messages = await db.ChatMessages.AsNoTracking()
            .Where(m => ids.Contains(m.EntryId))
            .Select(m => new { m.EntryId, m.ThreadId, m.EditedAt, m.DeletedAt })
            .ToListAsync(cancellationToken);
        if (messages.Count == 0)
        {
            return entries;
        }

        var withMessage = messages.Select(m => m.EntryId).ToList();
        var revisions = (await db.ChatMessageRevisions.AsNoTracking()
                .Where(r => withMessage.Contains(r.MessageEntryId))
                .Select(r => new { r.MessageEntryId, r.Text, r.Since })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.MessageEntryId);
        var attachments = (await db.ChatAttachments.AsNoTracking()
                .Where(a => withMessage.Contains(a.MessageEntryId) && a.Status != ChatAttachmentStatus.Discarded)
                .OrderBy(a => a.Id)
                .Select(a => new { a.MessageEntryId, View = new ChatAttachmentView(a.Id, a.Name, a.Status, a.ContentType, a.Problem) })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.MessageEntryId, a => a.View);
        var threadIds = messages.Select(m => m.ThreadId).OfType<string>().Distinct().ToList();
        var parents = threadIds.Count == 0
            ? []
            : await db.TimelineEntries.AsNoTracking()
                .Where(e => e.IncidentId == incidentId && e.Source == TimelineSource.Slack && threadIds.Contains(e.ExternalId!))
                .Select(e => new { ExternalId = e.ExternalId!, e.Id, e.ActorName, e.Text })
                .ToDictionaryAsync(e => e.ExternalId, cancellationToken);

        var byId = messages.ToDictionary(m => m.EntryId);
        return entries.Select(entry =>
        {
            if (!byId.TryGetValue(entry.Id, out var message))
            {
                return entry;
            }

            var parent = message.ThreadId is { } thread && parents.TryGetValue(thread, out var p) ? p : null;
            var history = revisions[entry.Id].OrderByDescending(r => r.Since).Select(r => new ChatRevisionView(r.Text, r.Since)).ToList();
            return entry with
            {
                Chat = new ChatMessageView(
                    message.ThreadId,
                    parent?.Id,
                    parent?.ActorName,
                    parent is null ? null : Excerpt(parent.Text),
                    message.EditedAt,
                    message.DeletedAt is not null,
                    history,
                    attachments[entry.Id].ToList()),
            };
        }).ToList();
    }

    private static string Excerpt(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= ExcerptLength ? line : line[..ExcerptLength].TrimEnd() + "…";
    }
}
