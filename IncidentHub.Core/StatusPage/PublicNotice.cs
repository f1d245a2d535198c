using IncidentHub.Core.Common;

namespace IncidentHub.Core.StatusPage;

/// <summary>
/// What the public status page says about one incident: a draft anyone running the incident may write, and the
/// publications the lead or communications lead made from it. Separate from the internal updates, which never leak.
/// </summary>
public sealed class PublicNotice
{
    private readonly List<PublicUpdate> _updates = [];
    private readonly List<PublicImpact> _impacts = [];

    private PublicNotice()
    {
    }

    public PublicNotice(int incidentId) => IncidentId = incidentId;

    public int Id { get; private set; }

    public int IncidentId { get; private set; }

    /// <summary>The title last published.</summary>
    public string Title { get; private set; } = "";

    public PublicStatus Status { get; private set; }

    public DateTimeOffset? FirstPublishedAt { get; private set; }

    public DateTimeOffset? LastPublishedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? DraftTitle { get; private set; }

    public string? DraftMessage { get; private set; }

    public PublicStatus? DraftStatus { get; private set; }

    /// <summary>The draft's affected services, "id=State;id=State".</summary>
    public string? DraftImpacts { get; private set; }

    public string? DraftedByName { get; private set; }

    public DateTimeOffset? DraftedAt { get; private set; }

    /// <summary>
    /// Changes with every draft and publication. <see cref="Guid.Empty"/> until the first is saved, so that a writer who
    /// started when there was nothing yet is told when someone else saved first.
    /// </summary>
    public Guid Version { get; private set; } = Guid.Empty;

    public bool IsPublished => FirstPublishedAt is not null;

    /// <summary>On the status page as an active incident.</summary>
    public bool IsOpen => IsPublished && ResolvedAt is null;

    public IReadOnlyCollection<PublicUpdate> Updates => _updates.AsReadOnly();

    /// <summary>Loaded with the current impacts only, when the notice is changed.</summary>
    public IReadOnlyCollection<PublicImpact> Impacts => _impacts.AsReadOnly();

    public bool HasDraft => DraftMessage is not null || DraftTitle is not null;

    public Dictionary<int, ComponentState> DraftImpactMap => Decode(DraftImpacts);

    public void SaveDraft(Actor actor, PublicNoticeForm form, IReadOnlyCollection<int> components, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        EnsureFresh(form);
        EnsureKnown(form, components);
        if (form.Title.Length > TextLimits.Name || form.Message.Length > PublicNoticeForm.MessageMax)
        {
            // A draft may be unfinished (empty), but never longer than a publication may be.
            RequestValidator.Validate(form);
        }

        DraftTitle = form.Title.Trim();
        DraftMessage = form.Message.Trim();
        DraftStatus = form.Status;
        DraftImpacts = Encode(form.Impacts);
        DraftedByName = actor.DisplayName;
        DraftedAt = now;
        Version = Guid.NewGuid();
    }

    /// <summary>Publishes: appends a public update, sets the services' states, and clears the draft.</summary>
    public PublicUpdate Publish(Actor actor, PublicNoticeForm form, IReadOnlyCollection<int> components, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        RequestValidator.Validate(form);
        EnsureFresh(form);
        EnsureKnown(form, components);
        if (!IsPublished && form.Status == PublicStatus.Resolved)
        {
            throw ValidationFailedException.For(nameof(form.Status), "The first notice cannot already be resolved: customers need to hear about the problem first.");
        }

        var update = new PublicUpdate(form.Status, form.Title.Trim(), form.Message.Trim(), actor.UserId, now);
        _updates.Add(update);
        Title = update.Title;
        Status = form.Status;
        FirstPublishedAt ??= now;
        LastPublishedAt = now;
        ResolvedAt = form.Status == PublicStatus.Resolved ? now : null;

        var wanted = form.Status == PublicStatus.Resolved ? [] : form.Impacts.Where(i => i.Value != ComponentState.Operational).ToDictionary();
        foreach (var current in _impacts.Where(i => i.IsCurrent))
        {
            if (!wanted.TryGetValue(current.ComponentId, out var state) || state != current.State)
            {
                current.End(now);
            }
        }

        foreach (var (componentId, state) in wanted)
        {
            if (!_impacts.Any(i => i.IsCurrent && i.ComponentId == componentId && i.State == state))
            {
                _impacts.Add(new PublicImpact(componentId, state, now));
            }
        }

        DraftTitle = null;
        DraftMessage = null;
        DraftStatus = null;
        DraftImpacts = null;
        DraftedByName = null;
        DraftedAt = null;
        Version = Guid.NewGuid();
        return update;
    }

    /// <summary>The same rule as every other edit: whoever saves second is told, and nothing of theirs or the other's is lost.</summary>
    private void EnsureFresh(PublicNoticeForm form)
    {
        if (form.Version is not { } seen || seen == Version)
        {
            return;
        }

        throw new ConflictException(HasDraft
            ? $"{DraftedByName} saved a draft of the notice while you were writing. Nothing of yours was saved and your text is still in the form; their draft is shown with it. Save again to replace theirs with yours."
            : "The notice was published while you were writing. Nothing of yours was saved and your text is still in the form: look at what customers see now, then save or publish again.");
    }

    private static void EnsureKnown(PublicNoticeForm form, IReadOnlyCollection<int> components)
    {
        if (form.Impacts.Keys.Any(id => !components.Contains(id)))
        {
            throw ValidationFailedException.For(nameof(form.Impacts), "One of the services is no longer on the status page; pick again.");
        }
    }

    internal static string? Encode(IReadOnlyDictionary<int, ComponentState> impacts) =>
        impacts.Count == 0 ? null : string.Join(";", impacts.OrderBy(i => i.Key).Select(i => $"{i.Key}={i.Value}"));

    internal static Dictionary<int, ComponentState> Decode(string? impacts)
    {
        var result = new Dictionary<int, ComponentState>();
        foreach (var pair in (impacts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length == 2 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var id) && Enum.TryParse<ComponentState>(parts[1], out var state))
            {
                result[id] = state;
            }
        }

        return result;
    }
}
