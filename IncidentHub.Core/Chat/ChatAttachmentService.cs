using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Chat;

/// <summary>
/// Copies of files shared in incident channels: what is left to copy, storing a copy, and reading it back. A copy
/// that is stored or refused is recorded as <see cref="ChatFileCopied"/> (open pages show the image, or why not).
/// </summary>
public sealed class ChatAttachmentService(IDbContextFactory<IncidentHubDbContext> dbFactory, TimeProvider time, IncidentEventPipeline pipeline)
{
    /// <summary>Attachments still to copy whose next try is due, oldest first.</summary>
    public async Task<IReadOnlyList<PendingAttachment>> GetPendingAsync(int max, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcTicks;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChatAttachments.AsNoTracking()
            .Where(a => a.Status == ChatAttachmentStatus.Pending && a.NextAttemptAtTicks <= now)
            .OrderBy(a => a.Id)
            .Take(max)
            .Select(a => new PendingAttachment(a.Id, a.IncidentId, a.ExternalId, a.DeclaredContentType, a.DeclaredSize, a.SourceUrl ?? ""))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Stores the copy after checking it again: an allowed image type (by its own bytes, not only by what the sender
    /// claimed) and no larger than <see cref="ChatAttachment.MaxBytes"/>. A copy that fails the check is refused.
    /// </summary>
    public async Task<ChatAttachmentStatus> StoreAsync(long attachmentId, string contentType, byte[] bytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await pipeline.SaveAsync(db, async (recorder, ct) =>
        {
            var attachment = await db.ChatAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId, ct);
            if (attachment is null || attachment.Status != ChatAttachmentStatus.Pending)
            {
                return attachment?.Status ?? ChatAttachmentStatus.Discarded;
            }

            var sniffed = ImageSniffer.ContentTypeOf(bytes);
            var refusal = ChatAttachment.RefusalFor(contentType, bytes.LongLength)
                ?? (sniffed is null || !string.Equals(sniffed, contentType, StringComparison.OrdinalIgnoreCase)
                    ? "The file's contents are not the image it claimed to be." : null);
            if (refusal is not null)
            {
                attachment.Reject(refusal);
            }
            else
            {
                db.ChatAttachmentContents.Add(attachment.Store(sniffed!, bytes, time.GetUtcNow()));
            }

            RecordCopied(recorder, attachment);
            return attachment.Status;
        }, cancellationToken);
    }

    /// <summary>The copy cannot be made (the chat system refused, or the file is not what it claimed).</summary>
    public Task RejectAsync(long attachmentId, string problem, CancellationToken cancellationToken = default) =>
        ChangeAsync(attachmentId, a => a.Reject(problem), cancellationToken);

    /// <summary>A try failed in a way that may pass (the chat system was unreachable): try again later.</summary>
    public Task RetryLaterAsync(long attachmentId, string problem, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ChangeAsync(attachmentId, a => a.RetryLater(problem, at), cancellationToken);

    /// <summary>
    /// A stored copy, for serving to <paramref name="viewer"/>; null when there is none or when they may not see its
    /// incident now (checked at every use, so a link made before their access was taken away stops working).
    /// </summary>
    public async Task<AttachmentContent?> GetContentAsync(Actor viewer, long attachmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incidentId = await db.ChatAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.Status == ChatAttachmentStatus.Stored)
            .Select(a => (int?)a.IncidentId)
            .SingleOrDefaultAsync(cancellationToken);
        if (incidentId is not { } id || !await IncidentAccessRules.CanSeeAsync(db, viewer, id, cancellationToken))
        {
            return null;
        }

        return await db.ChatAttachmentContents.AsNoTracking()
            .Where(c => c.AttachmentId == attachmentId && c.Attachment.Status == ChatAttachmentStatus.Stored)
            .Select(c => new AttachmentContent(c.AttachmentId, c.Attachment.IncidentId, c.Attachment.Name, c.Attachment.ContentType!, c.Bytes))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private async Task ChangeAsync(long attachmentId, Action<ChatAttachment> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await pipeline.SaveAsync(db, async (recorder, ct) =>
        {
            var attachment = await db.ChatAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId, ct);
            if (attachment is null || attachment.Status != ChatAttachmentStatus.Pending)
            {
                return false;
            }

            change(attachment);
            if (attachment.Status != ChatAttachmentStatus.Pending)
            {
                RecordCopied(recorder, attachment);
            }

            return true;
        }, cancellationToken);
    }

    private void RecordCopied(EventRecorder recorder, ChatAttachment attachment) =>
        recorder.Record(attachment.IncidentId, null, Common.Actor.System.DisplayName, time.GetUtcNow(), null,
            () => new ChatFileCopied(attachment.Id, attachment.Status == ChatAttachmentStatus.Stored));
}

public sealed record PendingAttachment(long Id, int IncidentId, string ExternalId, string DeclaredContentType, long DeclaredSize, string SourceUrl);

public sealed record AttachmentContent(long Id, int IncidentId, string Name, string ContentType, byte[] Bytes);

/// <summary>Recognises the allowed image types by their first bytes.</summary>
public static class ImageSniffer
{
    public static string? ContentTypeOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        return bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? "image/webp" : null;
    }
}
