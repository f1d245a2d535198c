using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Users;

namespace IncidentHub.Core.Reviews;

/// <summary>
/// The written review of one incident: sections in Markdown, an owner, named reviewers and a state
/// (Draft → In review → Published). Part of the incident's aggregate: every change is made through the incident
/// (<see cref="Incident"/>'s review methods), which records what happened on its timeline and as events.
/// </summary>
public sealed class ReviewDocument
{
    private readonly List<ReviewSection> _sections = [];
    private readonly List<ReviewReviewer> _reviewers = [];
    private readonly List<ReviewKeyEvent> _keyEvents = [];

    private ReviewDocument()
    {
    }

    public int Id { get; private set; }

    public int IncidentId { get; private set; }

    public string OwnerId { get; private set; } = "";

    public string OwnerName { get; private set; } = "";

    public ReviewState State { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedByName { get; private set; }

    /// <summary>Changes on every change of state, owner or reviewers (not on section saves: sections have their own).</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<ReviewSection> Sections => _sections.AsReadOnly();

    public IReadOnlyList<ReviewReviewer> Reviewers => _reviewers.AsReadOnly();

    /// <summary>How the review tells the entries the writers starred, unstarred or reworded (the others follow the incident).</summary>
    public IReadOnlyList<ReviewKeyEvent> KeyEvents => _keyEvents.AsReadOnly();

    public bool IsPublished => State == ReviewState.Published;

    internal static ReviewDocument Start(int incidentId, UserRef owner, IEnumerable<(ReviewTemplateSection Template, string Body)> sections, DateTimeOffset now)
    {
        var document = new ReviewDocument
        {
            IncidentId = incidentId,
            OwnerId = owner.Id,
            OwnerName = owner.DisplayName,
            State = ReviewState.Draft,
            StartedAt = now,
            Version = Guid.NewGuid(),
        };
        var order = 0;
        foreach (var (template, body) in sections)
        {
            document._sections.Add(new ReviewSection(template.Name, template.Guidance, template.Prefill, ++order, body, now));
        }

        return document;
    }

    /// <summary>Saves one section; false when its text did not change.</summary>
    internal ReviewSection SaveSection(Actor actor, int sectionId, Guid seenVersion, string body, DateTimeOffset now)
    {
        EnsureWritable("change it");
        var section = _sections.SingleOrDefault(s => s.Id == sectionId)
            ?? throw new NotFoundException("That section is no longer in the review.");
        if (section.Version != seenVersion)
        {
            throw new ConflictException(
                $"{section.EditedByName ?? "Someone"} saved \"{section.Title}\" while you were writing. Nothing of yours was saved and your text is still in the editor; their text is shown with it. Save again to replace theirs with yours.");
        }

        section.Save(body, actor.UserId, actor.DisplayName, now);
        return section;
    }

    /// <summary>Whether the review tells <paramref name="entry"/>: the writers' choice, else the incident's star.</summary>
    public bool IsKeyEvent(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _keyEvents.SingleOrDefault(k => k.TimelineEntryId == entry.Id)?.IsStarred ?? entry.IsHighlighted;
    }

    /// <summary>The words the review tells <paramref name="entry"/> in.</summary>
    public string WordingOf(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _keyEvents.SingleOrDefault(k => k.TimelineEntryId == entry.Id)?.Wording ?? entry.Text;
    }

    /// <summary>Stars or unstars an entry for the review only; null when it already was (nothing to record).</summary>
    internal ReviewKeyEvent? StarKeyEvent(Actor actor, TimelineEntry entry, bool starred, DateTimeOffset now)
    {
        EnsureWritable(starred ? "star key events" : "unstar key events");
        if (IsKeyEvent(entry) == starred)
        {
            return null;
        }

        var row = RowFor(entry);
        row.Star(starred, actor.UserId, actor.DisplayName, now);
        return row;
    }

    /// <summary>
    /// Rewords a key event for the review (blank or the entry's own words: back to them); null when the words did not
    /// change. <paramref name="seenText"/> is what the writer started from: someone else's rewording since is a clash.
    /// </summary>
    internal ReviewKeyEvent? RewordKeyEvent(Actor actor, TimelineEntry entry, string seenText, string? wording, DateTimeOffset now)
    {
        EnsureWritable("reword key events");
        if (!IsKeyEvent(entry))
        {
            throw new DomainException("Only the review's key events are reworded: star the entry for the review first.");
        }

        var current = WordingOf(entry);
        if (!string.Equals(current, seenText, StringComparison.Ordinal))
        {
            var by = _keyEvents.SingleOrDefault(k => k.TimelineEntryId == entry.Id)?.EditedByName ?? "Someone";
            throw new ConflictException($"{by} reworded this key event while you were writing; it now reads \"{current}\". Nothing of yours was saved and your words are still in the box: save again to replace theirs.");
        }

        var words = string.IsNullOrWhiteSpace(wording) || string.Equals(wording.Trim(), entry.Text, StringComparison.Ordinal) ? null : wording.Trim();
        var row = _keyEvents.SingleOrDefault(k => k.TimelineEntryId == entry.Id);
        if ((row?.Wording ?? null) == words)
        {
            return null;
        }

        row ??= RowFor(entry);
        row.Reword(words, actor.UserId, actor.DisplayName, now);
        return row;
    }

    private ReviewKeyEvent RowFor(TimelineEntry entry)
    {
        if (entry.IncidentId != IncidentId)
        {
            throw new NotFoundException("That timeline entry no longer exists.");
        }

        var row = _keyEvents.SingleOrDefault(k => k.TimelineEntryId == entry.Id);
        if (row is null)
        {
            row = new ReviewKeyEvent(entry.Id, entry.IsHighlighted);
            _keyEvents.Add(row);
        }

        return row;
    }

    internal void RequestReview(Actor actor, Guid seenVersion, IReadOnlyList<UserRef> reviewers)
    {
        EnsureOwner(actor, "ask for a review");
        EnsureFresh(seenVersion);
        if (State == ReviewState.Published)
        {
            throw new DomainException("The review is published. Its owner reopens it before asking for another review.");
        }

        if (reviewers.Count == 0)
        {
            throw ValidationFailedException.For("Reviewers", "Name at least one reviewer.");
        }

        if (reviewers.Any(r => r.Id == OwnerId))
        {
            throw ValidationFailedException.For("Reviewers", $"{OwnerName} owns the review; ask someone else to review it.");
        }

        _reviewers.Clear();
        _reviewers.AddRange(reviewers.DistinctBy(r => r.Id).Select(r => new ReviewReviewer(r.Id, r.DisplayName)));
        State = ReviewState.InReview;
        Version = Guid.NewGuid();
    }

    internal ReviewReviewer Answer(Actor actor, ReviewVerdict verdict, string? comment, DateTimeOffset now)
    {
        if (State != ReviewState.InReview)
        {
            throw new DomainException($"The review is {State.Label().ToLowerInvariant()}, not in review: there is nothing to answer.");
        }

        var reviewer = _reviewers.SingleOrDefault(r => r.UserId == actor.UserId)
            ?? throw new ForbiddenException($"Only the reviewers {OwnerName} named can approve or ask for changes.");
        if (verdict == ReviewVerdict.Pending)
        {
            throw new DomainException("Approve, or ask for changes.");
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (verdict == ReviewVerdict.ChangesRequested && text is null)
        {
            throw ValidationFailedException.For("Comment", "Say what should change.");
        }

        reviewer.Answer(verdict, text, now);
        if (verdict == ReviewVerdict.ChangesRequested)
        {
            State = ReviewState.Draft;
        }

        Version = Guid.NewGuid();
        return reviewer;
    }

    internal void Publish(Actor actor, Guid seenVersion, DateTimeOffset now)
    {
        EnsureOwner(actor, "publish it");
        EnsureFresh(seenVersion);
        if (State != ReviewState.InReview)
        {
            throw new DomainException(State == ReviewState.Published
                ? "The review is already published."
                : "Ask for a review first: a review is published once its reviewers approve it.");
        }

        var waiting = _reviewers.Where(r => r.Verdict != ReviewVerdict.Approved).Select(r => r.UserName).ToList();
        if (waiting.Count > 0)
        {
            throw new DomainException($"Waiting for {string.Join(", ", waiting)} to approve it.");
        }

        State = ReviewState.Published;
        PublishedAt = now;
        PublishedByName = actor.DisplayName;
        Version = Guid.NewGuid();
    }

    internal void Reopen(Actor actor, Guid seenVersion)
    {
        EnsureOwner(actor, "reopen it");
        EnsureFresh(seenVersion);
        if (State != ReviewState.Published)
        {
            throw new DomainException("The review is not published; it is open for writing already.");
        }

        State = ReviewState.Draft;
        PublishedAt = null;
        PublishedByName = null;
        foreach (var reviewer in _reviewers)
        {
            reviewer.Reset();
        }

        Version = Guid.NewGuid();
    }

    internal void ChangeOwner(Actor actor, string incidentLeadId, Guid seenVersion, UserRef owner)
    {
        if (actor.UserId != OwnerId && actor.UserId != incidentLeadId && !actor.IsAdmin)
        {
            throw new ForbiddenException($"Only {OwnerName} (the owner), the incident lead or an admin can hand the review to someone else.");
        }

        EnsureFresh(seenVersion);
        if (owner.Id == OwnerId)
        {
            throw new DomainException($"{owner.DisplayName} already owns the review.");
        }

        _reviewers.RemoveAll(r => r.UserId == owner.Id);
        OwnerId = owner.Id;
        OwnerName = owner.DisplayName;
        Version = Guid.NewGuid();
    }

    /// <summary>Only the owner or an admin moves a review through its states.</summary>
    public bool CanSteer(Actor actor) => actor is not null && (actor.UserId == OwnerId || actor.IsAdmin);

    private void EnsureOwner(Actor actor, string what)
    {
        if (!CanSteer(actor))
        {
            throw new ForbiddenException($"Only {OwnerName}, who owns the review, or an admin can {what}.");
        }
    }

    private void EnsureWritable(string what)
    {
        if (State == ReviewState.Published)
        {
            throw new DomainException($"The review is published and read-only; its owner ({OwnerName}) can reopen it to {what}.");
        }
    }

    private void EnsureFresh(Guid seenVersion)
    {
        if (seenVersion != Version)
        {
            throw new ConflictException("Someone else changed the review's state, owner or reviewers a moment ago. Nothing was changed: look at it again and retry.");
        }
    }
}
