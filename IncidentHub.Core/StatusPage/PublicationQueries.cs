using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.StatusPage;

/// <summary>The public notice of one incident, as the people running it see it (draft included).</summary>
public sealed class PublicationQueries(IDbContextFactory<IncidentHubDbContext> dbFactory)
{
    public async Task<NoticeEditorView?> GetNoticeAsync(Actor viewer, int incidentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await IncidentAccessRules.CanSeeAsync(db, viewer, incidentId, cancellationToken))
        {
            return null;
        }

        var status = await db.Incidents.Where(i => i.Id == incidentId).Select(i => i.Status).SingleAsync(cancellationToken);
        var components = await db.StatusComponents.AsNoTracking()
            .Where(c => !c.IsArchived && c.IsPublic)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new ComponentView(c.Id, c.Name, c.Description, c.SortOrder, c.IsArchived, c.Version, c.IsPublic, c.OwnerTeam, c.Link))
            .ToListAsync(cancellationToken);
        // Before anything is drafted or published, the form starts from the incident's affected public services.
        var listed = components.Select(c => c.Id).ToList();
        var suggested = await db.AffectedServices.AsNoTracking()
            .Where(a => a.IncidentId == incidentId && listed.Contains(a.ServiceId))
            .Select(a => a.ServiceId)
            .ToListAsync(cancellationToken);
        var suggestedImpacts = suggested.ToDictionary(id => id, _ => SuggestedState);
        var notice = await db.PublicNotices.AsNoTracking()
            .Include(n => n.Updates)
            .Include(n => n.Impacts.Where(i => i.Until == null))
            .AsSplitQuery()
            .SingleOrDefaultAsync(n => n.IncidentId == incidentId, cancellationToken);
        if (notice is null)
        {
            // Guid.Empty: "there was nothing yet", so a first draft saved meanwhile by someone else is caught.
            return new NoticeEditorView(false, null, null, null, null, [], new Dictionary<int, ComponentState>(), null, null, null, new Dictionary<int, ComponentState>(), null, null, Guid.Empty, components,
                StatusWords.PublicStatusFor(status, alreadyPublished: false))
            {
                SuggestedImpacts = suggestedImpacts,
            };
        }

        return new NoticeEditorView(
            notice.IsPublished,
            notice.IsPublished ? notice.Title : null,
            notice.IsPublished ? notice.Status : null,
            notice.LastPublishedAt,
            notice.ResolvedAt,
            notice.Updates.OrderByDescending(u => u.PublishedAt).Select(u => new PublicUpdateView(u.Status, u.Title, u.Message, u.PublishedAt)).ToList(),
            notice.Impacts.Where(i => i.IsCurrent).ToDictionary(i => i.ComponentId, i => i.State),
            notice.DraftTitle,
            notice.DraftMessage,
            notice.DraftStatus,
            notice.DraftImpactMap,
            notice.DraftedByName,
            notice.DraftedAt,
            notice.Version,
            components,
            StatusWords.PublicStatusFor(status, notice.IsPublished))
        {
            SuggestedImpacts = notice.IsPublished || notice.HasDraft ? new Dictionary<int, ComponentState>() : suggestedImpacts,
        };
    }

    /// <summary>The state an affected service starts with in the first notice (the lead picks the real one).</summary>
    public const ComponentState SuggestedState = ComponentState.DegradedPerformance;
}

/// <summary>A service as admins and pickers see it.</summary>
public sealed record ComponentView(int Id, string Name, string Description, int SortOrder, bool IsArchived, Guid Version, bool IsPublic = true, string OwnerTeam = "", string Link = "");

public sealed record PublicUpdateView(PublicStatus Status, string Title, string Message, DateTimeOffset PublishedAt);

/// <summary>The notice as the incident page shows it: what is public now, and the draft waiting to be published.</summary>
public sealed record NoticeEditorView(
    bool IsPublished,
    string? Title,
    PublicStatus? Status,
    DateTimeOffset? LastPublishedAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<PublicUpdateView> Updates,
    IReadOnlyDictionary<int, ComponentState> CurrentImpacts,
    string? DraftTitle,
    string? DraftMessage,
    PublicStatus? DraftStatus,
    IReadOnlyDictionary<int, ComponentState> DraftImpacts,
    string? DraftedBy,
    DateTimeOffset? DraftedAt,
    Guid? Version,
    IReadOnlyList<ComponentView> Components,
    PublicStatus SuggestedStatus = PublicStatus.Investigating)
{
    public bool HasDraft => DraftTitle is not null || DraftMessage is not null;

    /// <summary>
    /// For a first notice with no draft: the incident's affected services that are on the status page, as the form's
    /// starting selection (empty otherwise: a draft or a published notice keeps its own).
    /// </summary>
    public IReadOnlyDictionary<int, ComponentState> SuggestedImpacts { get; init; } = new Dictionary<int, ComponentState>();

    public bool IsOpen => IsPublished && ResolvedAt is null;
}
