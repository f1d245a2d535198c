using IncidentHub.Core.Data;
using IncidentHub.Core.Events;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Similar;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Chat;

/// <summary>
/// Turns what happened into calls to the chat system, written to the outbox with this consumer's position (so each
/// call is queued exactly once, even when the process died between a change and its dispatch). A declaration that
/// asked for a channel gets one (private for a private incident), its topic, the declarer and lead in it, a first post
/// and, unless private, an announcement. Later events are posted in the channel in the words of their timeline
/// entries, keep the announcement current, bring new role holders in, and archive the channel once the incident is
/// finished. An incident made private after its channel was opened to everyone says so there once and is posted
/// there no more. Incidents without a channel (declared before the chat system was connected, or demo data) are
/// left alone. Once, right after the first post, the channel hears of up to five similar past incidents (standard
/// ones only: whoever is in the channel may see them), with why each matched, how long it lasted and its open
/// follow-ups; queued with this consumer's position like every other call, so a restart or a retry never posts it twice.
/// </summary>
public sealed class ChatOutboxConsumer(TimeProvider time, IEnumerable<IChatOutboxSignal> signals, SimilarIncidentQueries similar) : IEventConsumer
{
    public string Name => "chat-outbox";

    public bool IsDurable => true;

    public async Task HandleAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Events.All(e => CameFromTheChannel(e.Event)))
        {
            // Messages mirrored from the channel (a busy channel's whole traffic): nothing to say back, nothing to read.
            return;
        }

        var db = batch.Db;
        var incidentIds = batch.Events.Select(e => e.IncidentId).Distinct().ToList();
        var lanes = await db.ChatChannels.AsNoTracking()
            .Where(c => EF.Parameter(incidentIds).Contains(c.IncidentId))
            .ToDictionaryAsync(c => c.IncidentId, c => new Lane(c.IsPrivate, c.ArchivedAt is not null), cancellationToken);
        var words = await WordsAsync(db, batch.Events, cancellationToken);
        var dueTimes = await DueTimesAsync(db, batch.Events, cancellationToken);

        var plan = new Plan(db, time.GetUtcNow());
        foreach (var change in Changes(batch.Events))
        {
            if (change[0].Event is IncidentDeclared declared)
            {
                if (declared.OpenChatChannel)
                {
                    var like = await similar.ForChannelAsync(db, change[0].IncidentId, cancellationToken);
                    plan.Declared(change[0], declared, words, like);
                    lanes[change[0].IncidentId] = new Lane(declared.Visibility == IncidentVisibility.Private, Archived: false);
                }

                continue;
            }

            if (lanes.TryGetValue(change[0].IncidentId, out var lane) && !lane.Archived)
            {
                plan.Changed(change, lane, words, dueTimes);
            }
        }

        if (plan.Queued > 0)
        {
            batch.AfterCommit(() =>
            {
                foreach (var signal in signals)
                {
                    signal.CallsQueued();
                }
            });
        }
    }

    /// <summary>What the channel itself said or did (mirrored onto the timeline): never posted back to it.</summary>
    private static bool CameFromTheChannel(IncidentEvent e) =>
        e is ChatMessageMirrored or MirroredMessageEdited or MirroredMessageDeleted or MirroredMessageMarked or ChannelMemberJoined or ChatFileCopied;

    /// <summary>The events of one change to one incident, in order.</summary>
    private static IEnumerable<List<LoggedEvent>> Changes(IReadOnlyList<LoggedEvent> events)
    {
        var run = new List<LoggedEvent>();
        foreach (var e in events)
        {
            if (run.Count > 0 && (run[0].ChangeId != e.ChangeId || run[0].IncidentId != e.IncidentId))
            {
                yield return run;
                run = [];
            }

            run.Add(e);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>The timeline entries whose words are posted.</summary>
    private static async Task<Dictionary<long, Words>> WordsAsync(IncidentHubDbContext db, IReadOnlyList<LoggedEvent> events, CancellationToken cancellationToken)
    {
        var ids = events.Where(e => e.TimelineEntryId is not null && !CameFromTheChannel(e.Event)).Select(e => e.TimelineEntryId!.Value).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.TimelineEntries.AsNoTracking()
                .Where(e => EF.Parameter(ids).Contains(e.Id))
                .Select(e => new Words(e.Id, e.ActorName, e.Text, e.Detail))
                .ToDictionaryAsync(w => w.Id, cancellationToken);
    }

    /// <summary>When the update was due, for incidents whose lead was nudged (null once nothing is due any more).</summary>
    private static async Task<Dictionary<int, DateTimeOffset?>> DueTimesAsync(IncidentHubDbContext db, IReadOnlyList<LoggedEvent> events, CancellationToken cancellationToken)
    {
        var ids = events.Where(e => e.Event is UpdateNudged).Select(e => e.IncidentId).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.UpdateReminders.AsNoTracking()
                .Where(r => EF.Parameter(ids).Contains(r.IncidentId))
                .ToDictionaryAsync(r => r.IncidentId, r => r.DueAt, cancellationToken);
    }

    private sealed record Lane(bool IsPrivate, bool Archived);

    private sealed record Words(long Id, string ActorName, string Text, string? Detail);

    /// <summary>The calls for a batch, in the order they go out.</summary>
    private sealed class Plan(IncidentHubDbContext db, DateTimeOffset now)
    {
        public int Queued { get; private set; }

        public void Declared(LoggedEvent e, IncidentDeclared declared, Dictionary<long, Words> words, IReadOnlyList<SimilarIncident> like)
        {
            var isPrivate = declared.Visibility == IncidentVisibility.Private;
            var reference = IncidentReference.Format(e.IncidentNumber);
            db.ChatChannels.Add(new ChatChannel(e.IncidentId, isPrivate, now));
            Enqueue(e, ChatOperationKind.CreateChannel, new CreateChannelOperation(e.IncidentNumber, declared.Name, isPrivate, declared.ChannelPrefix is { Length: > 0 } prefix ? prefix : null));
            Enqueue(e, ChatOperationKind.SetTopic, new SetTopicOperation($"{reference}: {declared.Name}"));
            Enqueue(e, ChatOperationKind.Invite, new InviteOperation([.. new[] { declared.DeclaredById, declared.LeadId }.Distinct()]));
            var body = string.Join("\n\n", new[]
            {
                declared.Summary,
                declared.CustomerImpact.Length > 0 ? "Customer impact: " + declared.CustomerImpact : "",
            }.Where(s => s.Length > 0));
            var said = e.TimelineEntryId is { } id && words.TryGetValue(id, out var w) ? w.Text : "";
            Enqueue(e, ChatOperationKind.Post, new PostOperation(
                $"{reference} declared: {declared.Name}",
                body.Length > 0 ? body : null,
                $"{said} Severity {declared.SeverityName}, status {declared.Status}, lead {declared.LeadName}.".Trim()));
            if (like.Count > 0)
            {
                Enqueue(e, ChatOperationKind.Post, SimilarPost.For(like));
            }

            if (!isPrivate)
            {
                Enqueue(e, ChatOperationKind.Announce, new AnnounceOperation());
            }
        }

        public void Changed(List<LoggedEvent> change, Lane lane, Dictionary<long, Words> words, Dictionary<int, DateTimeOffset?> dueTimes)
        {
            var last = change[^1];
            if (last.IsPrivate && !lane.IsPrivate)
            {
                // Made private after its channel was opened to everyone: nothing more goes there (or to the announcement).
                if (change.Any(e => e.Event is VisibilityChanged { To: IncidentVisibility.Private }))
                {
                    Enqueue(last, ChatOperationKind.Post, new PostOperation(
                        $"{IncidentReference.Format(last.IncidentNumber)} is now private in IncidentHub. Nothing more about it is posted in this channel.",
                        IsPrivacyNotice: true));
                }

                return;
            }

            var invites = new List<string>();
            var announce = false;
            var archive = false;
            foreach (var e in change)
            {
                var said = e.TimelineEntryId is { } id ? words.GetValueOrDefault(id) : null;
                switch (e.Event)
                {
                    case UpdatePosted when said is not null:
                        Enqueue(e, ChatOperationKind.Post, new PostOperation($"{said.ActorName} posted an update", said.Text, said.Detail));
                        break;
                    case UpdateSkipped when said is not null:
                        Enqueue(e, ChatOperationKind.Post, new PostOperation($"{said.ActorName} skipped this update", said.Text));
                        break;
                    case StatusChanged status:
                        PostUnlessPartOfUpdate(e, said, status.PartOfUpdate);
                        announce = true;
                        archive |= IncidentRules.IsFinal(status.To);
                        break;
                    case SeverityChanged severity:
                        PostUnlessPartOfUpdate(e, said, severity.PartOfUpdate);
                        announce = true;
                        break;
                    case DetailsEdited:
                        PostUnlessPartOfUpdate(e, said, partOfUpdate: false);
                        announce = true;
                        break;
                    case LeadHandedOver lead:
                        PostUnlessPartOfUpdate(e, said, partOfUpdate: false);
                        invites.Add(lead.ToUserId);
                        announce = true;
                        break;
                    case RoleAssigned role:
                        PostUnlessPartOfUpdate(e, said, partOfUpdate: false);
                        if (role.RoleKind != IncidentRoleKind.Reporter)
                        {
                            invites.Add(role.UserId);
                        }

                        break;
                    case LeadHandoverOffered offer:
                        PostUnlessPartOfUpdate(e, said, partOfUpdate: false);
                        invites.Add(offer.ToUserId);
                        break;
                    case LeadHandoverWithdrawn or RoleUnassigned or ActionAdded or ActionStatusChanged or ActionOwnerChanged:
                        PostUnlessPartOfUpdate(e, said, partOfUpdate: false);
                        break;
                    case PostIncidentTaskNudged task:
                        Enqueue(e, ChatOperationKind.Post, new PostOperation(
                            $"The post-incident task \"{task.Name}\" on {IncidentReference.Format(e.IncidentNumber)} is {Late(e.OccurredAt - task.DueAt)}",
                            "Do it, or mark it done on the incident's page in IncidentHub.",
                            null,
                            [task.OwnerId]));
                        break;
                    case FollowUpNudged followUp:
                        Enqueue(e, ChatOperationKind.Post, new PostOperation(
                            $"The follow-up \"{followUp.Title}\" from {IncidentReference.Format(e.IncidentNumber)} is {Late(e.OccurredAt - followUp.DueAt)}",
                            "Finish it, plan it again, or say why it is not being done.",
                            null,
                            [followUp.OwnerId]));
                        break;
                    case UpdateNudged nudged when dueTimes.GetValueOrDefault(e.IncidentId) is { } dueAt && dueAt <= e.OccurredAt:
                        var overdue = e.OccurredAt - dueAt;
                        var late = overdue < TimeSpan.FromMinutes(1) ? "now" : $"overdue by {Common.TimeDisplay.Duration(overdue)}";
                        Enqueue(e, ChatOperationKind.Post, new PostOperation(
                            $"{IncidentReference.Format(e.IncidentNumber)} needs an update ({late})",
                            "Post an update so everyone knows where things stand, or skip it with a reason.",
                            null,
                            [nudged.LeadId]));
                        break;
                }
            }

            if (invites.Count > 0)
            {
                Enqueue(last, ChatOperationKind.Invite, new InviteOperation([.. invites.Distinct()]));
            }

            if (announce && !last.IsPrivate)
            {
                Enqueue(last, ChatOperationKind.UpdateAnnouncement, new AnnounceOperation());
            }

            if (archive)
            {
                Enqueue(last, ChatOperationKind.Archive, new ArchiveOperation());
            }
        }

        /// <summary>"due" until its time has passed, then "overdue by 2 d 3 h".</summary>
        private static string Late(TimeSpan overdue) =>
            overdue < TimeSpan.FromMinutes(1) ? "due" : $"overdue by {Common.TimeDisplay.Duration(overdue)}";

        private void PostUnlessPartOfUpdate(LoggedEvent e, Words? said, bool partOfUpdate)
        {
            // A change made with an update is told by the update's own post.
            if (!partOfUpdate && said is not null)
            {
                Enqueue(e, ChatOperationKind.Post, new PostOperation(said.Text, null, said.Detail));
            }
        }

        private void Enqueue<T>(LoggedEvent e, ChatOperationKind kind, T operation)
        {
            ChatOutboxService.Enqueue(db, e.IncidentId, kind, operation, now);
            Queued++;
        }
    }
}
