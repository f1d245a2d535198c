using IncidentHub.Core.Timeline;

namespace IncidentHub.Core.Chat;

/// <summary>
/// What the timeline keeps about a message mirrored from a chat channel, beside its <see cref="TimelineEntry"/> (which
/// holds the current text, author and time). The message's versions form a set keyed by the instant each became
/// current: the newest is the entry's text, the others are the edit history, whatever order the events arrive in.
/// </summary>
public sealed class ChatMessage
{
    private readonly List<ChatMessageRevision> _revisions = [];
    private readonly List<ChatAttachment> _attachments = [];

    private ChatMessage()
    {
    }

    /// <param name="currentSince">When the entry's text became current: its time, or a later edit's.</param>
    internal ChatMessage(TimelineEntry entry, string? threadId, string authorExternalId, DateTimeOffset currentSince)
    {
        Entry = entry;
        ThreadId = threadId;
        AuthorExternalId = authorExternalId;
        CurrentSince = currentSince;
        EditedAt = currentSince > entry.OccurredAt ? currentSince : null;
    }

    public long EntryId { get; private set; }

    public TimelineEntry Entry { get; private set; } = null!;

    /// <summary>For a reply in a thread: the id of the thread's first message.</summary>
    public string? ThreadId { get; private set; }

    public string AuthorExternalId { get; private set; } = "";

    /// <summary>When the current text became current: the message's own time, or its latest edit.</summary>
    public DateTimeOffset CurrentSince { get; private set; }

    /// <summary>The latest edit; null when never edited.</summary>
    public DateTimeOffset? EditedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>Earlier versions of the text (not the current one).</summary>
    public IReadOnlyCollection<ChatMessageRevision> Revisions => _revisions.AsReadOnly();

    public IReadOnlyCollection<ChatAttachment> Attachments => _attachments.AsReadOnly();

    /// <summary>
    /// Takes note of one version of the text, the one current from <paramref name="since"/>. A version already known
    /// changes nothing; a newer one becomes the text (the old text goes to the history); an older one arriving late
    /// goes straight to the history. A deleted message stays deleted.
    /// </summary>
    /// <returns>True when something changed.</returns>
    internal bool Observe(string text, DateTimeOffset since)
    {
        if (IsDeleted || since == CurrentSince || _revisions.Any(r => r.Since == since))
        {
            return false;
        }

        if (since > CurrentSince)
        {
            _revisions.Add(new ChatMessageRevision(Entry.Text, CurrentSince));
            Entry.ChangeText(text);
            CurrentSince = since;
            EditedAt = since;
        }
        else
        {
            _revisions.Add(new ChatMessageRevision(text, since));
        }

        return true;
    }

    /// <summary>The message was deleted in the chat: its words go (from the history too), the fact stays.</summary>
    internal bool Delete(DateTimeOffset at)
    {
        if (IsDeleted)
        {
            return false;
        }

        DeletedAt = at;
        _revisions.Clear();
        _attachments.ForEach(a => a.Discard());
        Entry.ChangeText("");
        return true;
    }

    internal ChatAttachment? AddAttachment(int incidentId, ChatFileRef file, DateTimeOffset now)
    {
        if (IsDeleted || _attachments.Any(a => a.ExternalId == file.ExternalId))
        {
            return null;
        }

        var attachment = new ChatAttachment(incidentId, this, file, now);
        _attachments.Add(attachment);
        return attachment;
    }
}

/// <summary>An earlier version of a mirrored message's text.</summary>
public sealed class ChatMessageRevision
{
    private ChatMessageRevision()
    {
    }

    internal ChatMessageRevision(string text, DateTimeOffset since)
    {
        Text = text;
        Since = since;
    }

    public long Id { get; private set; }

    public long MessageEntryId { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>When this version became current (the message's time for the original).</summary>
    public DateTimeOffset Since { get; private set; }
}
