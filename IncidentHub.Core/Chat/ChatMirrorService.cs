using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Events;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Core.Chat;

/// <summary>
/// Mirrors what happens in incident channels onto the incidents' timelines. Every event is applied idempotently by
/// what it describes (a message's id, a mark's owner and instant, a join's person and time), so a retried, duplicated
/// or late event changes the timeline once or not at all, and events may arrive in any order: an edit before its
/// message, a deletion before either, a "reaction removed" before the "added" it undoes.
/// </summary>
/// <remarks>
/// A batch is applied in one unit of work (a few queries whatever its size), and what it changed is recorded as
/// events (a message mirrored, edited, deleted or marked, a member joined) saved with it. When another worker saved the
/// same message first, the batch is read again and re-applied, where the other worker's rows make it a duplicate.
/// </remarks>
public sealed partial class ChatMirrorService(
    IDbContextFactory<IncidentHubDbContext> dbFactory,
    TimeProvider time,
    IncidentEventPipeline pipeline,
    ILogger<ChatMirrorService> logger)
{
    /// <summary>Two reports of one person joining within this window are one join.</summary>
    public static readonly TimeSpan JoinWindow = TimeSpan.FromMinutes(2);

    private const int MaxAttempts = 3;

    public async Task<IReadOnlyList<ChatApplyOutcome>> ApplyAsync(IReadOnlyList<ChatEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return [];
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(events, cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                LogConcurrentApply(logger, ex, events.Count, attempt);
            }
        }
    }

    private async Task<IReadOnlyList<ChatApplyOutcome>> ApplyOnceAsync(IReadOnlyList<ChatEvent> events, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await pipeline.SaveAsync(db, async (recorder, ct) =>
        {
            var batch = await Batch.LoadAsync(db, recorder, events, ct);
            var now = time.GetUtcNow();
            var outcomes = new List<ChatApplyOutcome>(events.Count);
            foreach (var chatEvent in events)
            {
                if (!batch.Channels.TryGetValue(chatEvent.ChannelId, out var channel))
                {
                    outcomes.Add(ChatApplyOutcome.NotAnIncidentChannel);
                    continue;
                }

                var applied = chatEvent switch
                {
                    ChatMessagePosted posted => Posted(batch, channel.IncidentId, posted, now),
                    ChatMessageEdited edited => Edited(batch, channel.IncidentId, edited, now),
                    ChatMessageDeleted deleted => Deleted(batch, channel.IncidentId, deleted, now),
                    ChatMarkChanged mark => Marked(batch, channel.IncidentId, mark, now),
                    ChatMemberJoined joined => Joined(batch, channel.IncidentId, joined, now),
                    _ => throw new ArgumentException($"Unknown chat event {chatEvent.GetType().Name}.", nameof(events)),
                };
                outcomes.Add(applied ? ChatApplyOutcome.Applied : ChatApplyOutcome.Duplicate);
                if (applied)
                {
                    batch.Touched.Add(channel);
                }
            }

            LogApplied(logger, events.Count, outcomes.Count(o => o == ChatApplyOutcome.Applied), batch.Touched.Count);
            return outcomes;
        }, cancellationToken);
    }

    private static bool Posted(Batch batch, int incidentId, ChatMessagePosted posted, DateTimeOffset now)
    {
        var message = batch.Message(incidentId, posted.MessageId);
        if (message is null)
        {
            message = batch.Create(incidentId, posted.MessageId, posted.ThreadId, posted.Author, posted.PostedAt, posted.Text, posted.PostedAt, now);
            AddFiles(message, incidentId, posted.Files, now);
            batch.RecordMirrored(incidentId, message, posted.Author, posted.PostedAt);
            return true;
        }

        // The original arriving after an edit (or a pin) recorded the message: it joins the history.
        var changed = message.Observe(Clip(posted.Text), posted.PostedAt);
        changed |= AddFiles(message, incidentId, posted.Files, now);
        if (changed)
        {
            batch.Record(incidentId, posted.Author, posted.PostedAt, message.Entry, () => new MirroredMessageEdited(posted.MessageId, message.Entry.Id));
        }

        return changed;
    }

    private static bool Edited(Batch batch, int incidentId, ChatMessageEdited edited, DateTimeOffset now)
    {
        var message = batch.Message(incidentId, edited.MessageId);
        if (message is null)
        {
            var first = edited.Previous ?? edited.Current;
            message = batch.Create(incidentId, edited.MessageId, edited.ThreadId, edited.Author, edited.PostedAt, first.Text, first.Since, now);
            message.Observe(Clip(edited.Current.Text), edited.Current.Since);
            batch.RecordMirrored(incidentId, message, edited.Author, edited.PostedAt);
            return true;
        }

        var changed = edited.Previous is { } previous && message.Observe(Clip(previous.Text), previous.Since);
        changed |= message.Observe(Clip(edited.Current.Text), edited.Current.Since);
        if (changed)
        {
            batch.Record(incidentId, edited.Author, edited.Current.Since, message.Entry, () => new MirroredMessageEdited(edited.MessageId, message.Entry.Id));
        }

        return changed;
    }

    private static bool Deleted(Batch batch, int incidentId, ChatMessageDeleted deleted, DateTimeOffset now)
    {
        var author = deleted.Author ?? new ChatAuthor("", "Someone");
        var message = batch.Message(incidentId, deleted.MessageId)
            // Deleted before we saw it: keep a tombstone, so the message arriving late does not come back.
            ?? batch.Create(incidentId, deleted.MessageId, null, author, deleted.PostedAt, "", deleted.PostedAt, now);
        if (!message.Delete(deleted.DeletedAt))
        {
            return false;
        }

        batch.Record(incidentId, author, deleted.DeletedAt, message.Entry, () => new MirroredMessageDeleted(deleted.MessageId, message.Entry.Id));
        return true;
    }

    private static bool Marked(Batch batch, int incidentId, ChatMarkChanged change, DateTimeOffset now)
    {
        var before = batch.AnyMarkOn(incidentId, change.MessageId);
        var mark = batch.Mark(incidentId, change.MessageId, change.Kind, change.By);
        if (!mark.Apply(change.On, change.At))
        {
            return false;
        }

        var message = batch.Message(incidentId, change.MessageId);
        if (message is null && change.Message is { } carried)
        {
            // A pin carries its message: record it now rather than wait for the message event.
            Posted(batch, incidentId, carried, now);
            return true;
        }

        var after = batch.AnyMarkOn(incidentId, change.MessageId);
        if (message is not null && before != after)
        {
            message.Entry.SetHighlighted(after);
        }

        batch.Record(incidentId, new ChatAuthor(change.By, change.By), change.At, message?.Entry,
            () => new MirroredMessageMarked(change.MessageId, message?.Entry.Id, after));
        return true;
    }

    private static bool Joined(Batch batch, int incidentId, ChatMemberJoined joined, DateTimeOffset now)
    {
        var prefix = JoinPrefix(joined.Member.ExternalId);
        if (batch.Joins.Any(j => j.IncidentId == incidentId
            && j.ExternalId!.StartsWith(prefix, StringComparison.Ordinal)
            && (j.OccurredAt - joined.At).Duration() <= JoinWindow))
        {
            return false;
        }

        var (actorId, name) = batch.Who(joined.Member);
        var entry = TimelineEntry.ForChat(incidentId, actorId, name, $"{name} joined the channel.", joined.At, now,
            prefix + joined.At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        batch.Db.TimelineEntries.Add(entry);
        batch.Joins.Add(entry);
        batch.Record(incidentId, joined.Member, joined.At, entry, () => new ChannelMemberJoined(name, entry.Id));
        return true;
    }

    private static bool AddFiles(ChatMessage message, int incidentId, IReadOnlyList<ChatFileRef> files, DateTimeOffset now)
    {
        var added = false;
        foreach (var file in files)
        {
            added |= message.AddAttachment(incidentId, file, now) is not null;
        }

        return added;
    }

    internal static string JoinPrefix(string memberId) => $"join:{memberId}:";

    private static string Clip(string text) =>
        text.Length <= Data.Configurations.TimelineEntryConfiguration.TextMax ? text : text[..Data.Configurations.TimelineEntryConfiguration.TextMax];

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied {Applied} of {Count} chat events to {Incidents} incidents")]
    private static partial void LogApplied(ILogger logger, int count, int applied, int incidents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another worker saved part of a batch of {Count} chat events first (attempt {Attempt}); re-applying")]
    private static partial void LogConcurrentApply(ILogger logger, Exception exception, int count, int attempt);

    /// <summary>Everything one batch touches, loaded up front in a few queries and then changed in memory.</summary>
    private sealed class Batch
    {
        private readonly Dictionary<(int IncidentId, string MessageId), ChatMessage> _messages;
        private readonly Dictionary<(int IncidentId, string MessageId, ChatMarkKind Kind, string By), ChatMark> _marks;
        private readonly Dictionary<string, (string? ActorId, string Name)> _people;
        private readonly EventRecorder _recorder;

        private Batch(
            IncidentHubDbContext db,
            EventRecorder recorder,
            Dictionary<string, LinkedChannel> channels,
            Dictionary<(int, string), ChatMessage> messages,
            Dictionary<(int, string, ChatMarkKind, string), ChatMark> marks,
            Dictionary<string, (string?, string)> people,
            List<TimelineEntry> joins)
        {
            Db = db;
            _recorder = recorder;
            Channels = channels;
            _messages = messages;
            _marks = marks;
            _people = people;
            Joins = joins;
        }

        public IncidentHubDbContext Db { get; }

        public Dictionary<string, LinkedChannel> Channels { get; }

        public List<TimelineEntry> Joins { get; }

        public HashSet<LinkedChannel> Touched { get; } = [];

        public static async Task<Batch> LoadAsync(IncidentHubDbContext db, EventRecorder recorder, IReadOnlyList<ChatEvent> events, CancellationToken cancellationToken)
        {
            var channelIds = events.Select(e => e.ChannelId).Distinct().ToList();
            var channels = await db.ChatChannels.AsNoTracking()
                .Where(c => c.ExternalId != null && channelIds.Contains(c.ExternalId))
                .Select(c => new LinkedChannel(c.ExternalId!, c.IncidentId, c.Incident!.Number))
                .ToDictionaryAsync(c => c.ChannelId, StringComparer.Ordinal, cancellationToken);
            var linked = events.Where(e => channels.ContainsKey(e.ChannelId)).ToList();
            var incidentIds = linked.Select(e => channels[e.ChannelId].IncidentId).Distinct().ToList();

            var messageIds = linked.Select(MessageIdOf).OfType<string>().Distinct().ToList();
            var messages = new Dictionary<(int, string), ChatMessage>();
            var marks = new Dictionary<(int, string, ChatMarkKind, string), ChatMark>();
            if (messageIds.Count > 0)
            {
                var found = await db.ChatMessages
                    .Include(m => m.Entry)
                    .Include(m => m.Revisions)
                    .Include(m => m.Attachments)
                    .Where(m => incidentIds.Contains(m.Entry.IncidentId)
                        && m.Entry.Source == TimelineSource.Slack
                        && messageIds.Contains(m.Entry.ExternalId!))
                    .AsSplitQuery()
                    .ToListAsync(cancellationToken);
                foreach (var message in found)
                {
                    messages[(message.Entry.IncidentId, message.Entry.ExternalId!)] = message;
                }

                var foundMarks = await db.ChatMarks
                    .Where(m => incidentIds.Contains(m.IncidentId) && messageIds.Contains(m.MessageId))
                    .ToListAsync(cancellationToken);
                foreach (var mark in foundMarks)
                {
                    marks[(mark.IncidentId, mark.MessageId, mark.Kind, mark.By)] = mark;
                }
            }

            var joiners = linked.OfType<ChatMemberJoined>().Select(j => JoinPrefix(j.Member.ExternalId)).Distinct().ToList();
            var joins = new List<TimelineEntry>();
            foreach (var prefix in joiners)
            {
                joins.AddRange(await db.TimelineEntries
                    .Where(e => incidentIds.Contains(e.IncidentId) && e.Source == TimelineSource.Slack && e.ExternalId!.StartsWith(prefix))
                    .ToListAsync(cancellationToken));
            }

            var authorIds = linked.SelectMany(AuthorsOf).Select(a => a.ExternalId).Where(id => id.Length > 0).Distinct().ToList();
            var people = new Dictionary<string, (string?, string)>(StringComparer.Ordinal);
            if (authorIds.Count > 0)
            {
                var known = await db.ChatUsers.AsNoTracking()
                    .Where(u => authorIds.Contains(u.ExternalId))
                    .Select(u => new { u.ExternalId, u.DisplayName, u.MatchedUserId })
                    .ToListAsync(cancellationToken);
                var matchedIds = known.Select(k => k.MatchedUserId).OfType<string>().Distinct().ToList();
                var accounts = matchedIds.Count == 0
                    ? new Dictionary<string, string>()
                    : await db.Users.AsNoTracking()
                        .Where(u => matchedIds.Contains(u.Id))
                        .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
                foreach (var person in known)
                {
                    people[person.ExternalId] = person.MatchedUserId is { } id && accounts.TryGetValue(id, out var accountName)
                        ? (id, accountName)
                        : (null, person.DisplayName);
                }
            }

            return new Batch(db, recorder, channels, messages, marks, people, joins);
        }

        /// <summary>States what this batch did to incident <paramref name="incidentId"/>'s timeline, as <paramref name="author"/>.</summary>
        public void Record(int incidentId, ChatAuthor author, DateTimeOffset at, TimelineEntry? entry, Func<IncidentEvent> build)
        {
            var (actorId, name) = Who(author);
            _recorder.Record(incidentId, actorId, name, at, entry, build);
        }

        public void RecordMirrored(int incidentId, ChatMessage message, ChatAuthor author, DateTimeOffset at) =>
            Record(incidentId, author, at, message.Entry, () => new ChatMessageMirrored(
                message.Entry.ExternalId ?? "", message.ThreadId, message.Entry.Id, message.Entry.ActorName, message.Attachments.Count));

        public ChatMessage? Message(int incidentId, string messageId) =>
            _messages.GetValueOrDefault((incidentId, messageId));

        public ChatMessage Create(
            int incidentId,
            string messageId,
            string? threadId,
            ChatAuthor author,
            DateTimeOffset postedAt,
            string text,
            DateTimeOffset textSince,
            DateTimeOffset now)
        {
            var (actorId, name) = Who(author);
            var entry = TimelineEntry.ForChat(incidentId, actorId, name, Clip(text), postedAt, now, messageId);
            entry.SetHighlighted(AnyMarkOn(incidentId, messageId));
            var message = new ChatMessage(entry, threadId == messageId ? null : threadId, author.ExternalId, textSince);
            Db.ChatMessages.Add(message);
            _messages[(incidentId, messageId)] = message;
            return message;
        }

        public ChatMark Mark(int incidentId, string messageId, ChatMarkKind kind, string by)
        {
            if (!_marks.TryGetValue((incidentId, messageId, kind, by), out var mark))
            {
                mark = new ChatMark(incidentId, messageId, kind, by);
                Db.ChatMarks.Add(mark);
                _marks[(incidentId, messageId, kind, by)] = mark;
            }

            return mark;
        }

        public bool AnyMarkOn(int incidentId, string messageId) =>
            _marks.Values.Any(m => m.IncidentId == incidentId && m.MessageId == messageId && m.IsOn);

        public (string? ActorId, string Name) Who(ChatAuthor author)
        {
            if (_people.TryGetValue(author.ExternalId, out var known))
            {
                return known;
            }

            var name = string.IsNullOrWhiteSpace(author.Name) ? (author.ExternalId.Length > 0 ? author.ExternalId : "Someone") : author.Name.Trim();
            return (null, name.Length <= TextLimits.PersonName ? name : name[..TextLimits.PersonName]);
        }

        private static string? MessageIdOf(ChatEvent e) => e switch
        {
            ChatMessagePosted p => p.MessageId,
            ChatMessageEdited ed => ed.MessageId,
            ChatMessageDeleted d => d.MessageId,
            ChatMarkChanged m => m.MessageId,
            _ => null,
        };

        private static IEnumerable<ChatAuthor> AuthorsOf(ChatEvent e) => e switch
        {
            ChatMessagePosted p => [p.Author],
            ChatMessageEdited ed => [ed.Author],
            ChatMessageDeleted { Author: { } a } => [a],
            ChatMarkChanged { Message: { } m } => [m.Author],
            ChatMemberJoined j => [j.Member],
            _ => [],
        };
    }

    private sealed record LinkedChannel(string ChannelId, int IncidentId, int Number);
}
