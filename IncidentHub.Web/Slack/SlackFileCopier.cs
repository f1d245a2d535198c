using IncidentHub.Core.Chat;

namespace IncidentHub.Web.Slack;

/// <summary>
/// Copies images shared in incident channels into IncidentHub's storage: downloaded with the bot token (only from
/// Slack's file host), checked for type (Slack answers a missing <c>files:read</c> with an HTML sign-in page and 200)
/// and size while reading, then handed to Core, which checks the bytes again before storing them.
/// </summary>
public sealed partial class SlackFileCopier(
    SlackApiClient api,
    ChatAttachmentService attachments,
    TimeProvider time,
    ILogger<SlackFileCopier> logger)
{
    private const int PerRound = 10;

    /// <returns>True when more files wait.</returns>
    public async Task<bool> CopyPendingAsync(CancellationToken cancellationToken)
    {
        var pending = await attachments.GetPendingAsync(PerRound, cancellationToken);
        foreach (var file in pending)
        {
            await CopyAsync(file, cancellationToken);
        }

        return pending.Count == PerRound;
    }

    private async Task CopyAsync(PendingAttachment file, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response;
        try
        {
            response = await api.GetFileAsync(file.SourceUrl, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogRetry(logger, file.Id);
            await attachments.RetryLaterAsync(file.Id, "Slack could not be reached to copy the image.", time.GetUtcNow() + TimeSpan.FromSeconds(30), cancellationToken);
            return;
        }

        if (response is null)
        {
            await attachments.RejectAsync(file.Id, "The image is not on Slack's file server.", cancellationToken);
            return;
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                await attachments.RetryLaterAsync(file.Id, $"Slack answered {(int)response.StatusCode} to the download.", time.GetUtcNow() + TimeSpan.FromSeconds(30), cancellationToken);
                return;
            }

            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (type.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                await attachments.RejectAsync(file.Id, "Slack did not hand over the file: the app needs the files:read scope.", cancellationToken);
                return;
            }

            if (ChatAttachment.RefusalFor(type, response.Content.Headers.ContentLength ?? 0) is { } refusal)
            {
                await attachments.RejectAsync(file.Id, refusal, cancellationToken);
                return;
            }

            var bytes = await ReadCappedAsync(response, cancellationToken);
            if (bytes is null)
            {
                await attachments.RejectAsync(file.Id, "The image is larger than 10 MB and was not copied.", cancellationToken);
                return;
            }

            var status = await attachments.StoreAsync(file.Id, type, bytes, cancellationToken);
            LogCopied(logger, file.Id, status);
        }
    }

    private static async Task<byte[]?> ReadCappedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > ChatAttachment.MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Attachment {AttachmentId}: {Status}")]
    private static partial void LogCopied(ILogger logger, long attachmentId, ChatAttachmentStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attachment {AttachmentId}: Slack unreachable; will retry")]
    private static partial void LogRetry(ILogger logger, long attachmentId);
}
