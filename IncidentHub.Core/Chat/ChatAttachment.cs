namespace IncidentHub.Core.Chat;

public enum ChatAttachmentStatus
{
    /// <summary>Not copied yet.</summary>
    Pending,

    /// <summary>Copied into IncidentHub's storage; served to people who may see the incident.</summary>
    Stored,

    /// <summary>Not copied: too large, not an allowed image, or the chat system would not hand it over.</summary>
    Rejected,

    /// <summary>Its message was deleted in the chat; the copy was dropped.</summary>
    Discarded,
}

/// <summary>
/// A file shared with a mirrored message. IncidentHub keeps its own copy (in <see cref="ChatAttachmentContent"/>) so
/// that the chat system's address and credentials never reach a browser.
/// </summary>
public sealed class ChatAttachment
{
    /// <summary>Images the timeline shows. Anything else is listed by name only.</summary>
    public static readonly IReadOnlySet<string> AllowedContentTypes =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "image/png", "image/jpeg", "image/gif", "image/webp" };

    /// <summary>The largest file copied: 10 MB.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public const int MaxAttempts = 5;

    private ChatAttachment()
    {
    }

    internal ChatAttachment(int incidentId, ChatMessage message, ChatFileRef file, DateTimeOffset now)
    {
        IncidentId = incidentId;
        Message = message;
        ExternalId = file.ExternalId;
        Name = Truncate(string.IsNullOrWhiteSpace(file.Name) ? "file" : file.Name, 200);
        DeclaredContentType = Truncate(file.ContentType, 100);
        DeclaredSize = file.Size;
        SourceUrl = file.SourceUrl;
        CreatedAt = now;
        NextAttemptAtTicks = now.UtcTicks;
        var refusal = RefusalFor(file.ContentType, file.Size);
        if (refusal is not null || string.IsNullOrEmpty(file.SourceUrl))
        {
            Reject(refusal ?? "The chat system gave no address to copy it from.");
        }
    }

    public long Id { get; private set; }

    public int IncidentId { get; private set; }

    public long MessageEntryId { get; private set; }

    public ChatMessage Message { get; private set; } = null!;

    /// <summary>The file's id in the chat system.</summary>
    public string ExternalId { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The type and size the chat system announced; checked again on the bytes themselves.</summary>
    public string DeclaredContentType { get; private set; } = "";

    public long DeclaredSize { get; private set; }

    /// <summary>Where the adapter fetches it from (with its own credentials). Never shown to anyone.</summary>
    public string? SourceUrl { get; private set; }

    public ChatAttachmentStatus Status { get; private set; }

    /// <summary>The checked type of the stored copy.</summary>
    public string? ContentType { get; private set; }

    public long? StoredSize { get; private set; }

    /// <summary>Why it was not copied, in words for people.</summary>
    public string? Problem { get; private set; }

    public int Attempts { get; private set; }

    public long NextAttemptAtTicks { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StoredAt { get; private set; }

    /// <summary>Why a file of this type and size is not copied, or null when it may be.</summary>
    public static string? RefusalFor(string? contentType, long size)
    {
        if (string.IsNullOrEmpty(contentType) || !AllowedContentTypes.Contains(contentType))
        {
            return "Only PNG, JPEG, GIF and WebP images are copied into IncidentHub.";
        }

        return size > MaxBytes ? "The image is larger than 10 MB and was not copied." : null;
    }

    internal ChatAttachmentContent Store(string contentType, byte[] bytes, DateTimeOffset now)
    {
        Status = ChatAttachmentStatus.Stored;
        ContentType = contentType;
        StoredSize = bytes.LongLength;
        StoredAt = now;
        Problem = null;
        SourceUrl = null;
        return new ChatAttachmentContent(this, bytes);
    }

    internal void Reject(string problem)
    {
        Status = ChatAttachmentStatus.Rejected;
        Problem = Truncate(problem, 300);
        SourceUrl = null;
    }

    /// <summary>A failed try that may work later (the chat system was unreachable); gives up after a few.</summary>
    internal void RetryLater(string problem, DateTimeOffset at)
    {
        Attempts++;
        if (Attempts >= MaxAttempts)
        {
            Reject(problem);
            return;
        }

        Problem = Truncate(problem, 300);
        NextAttemptAtTicks = at.UtcTicks;
    }

    internal void Discard()
    {
        Status = ChatAttachmentStatus.Discarded;
        SourceUrl = null;
    }

    private static string Truncate(string? text, int max) =>
        text is null ? "" : text.Length <= max ? text : text[..max];
}

/// <summary>The bytes of a stored attachment, apart so that lists never load them.</summary>
public sealed class ChatAttachmentContent
{
    private ChatAttachmentContent()
    {
    }

    internal ChatAttachmentContent(ChatAttachment attachment, byte[] bytes)
    {
        Attachment = attachment;
        Bytes = bytes;
    }

    public long AttachmentId { get; private set; }

    public ChatAttachment Attachment { get; private set; } = null!;

    public byte[] Bytes { get; private set; } = [];
}
