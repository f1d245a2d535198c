using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.StatusPage;

/// <summary>
/// Drafting and publishing an incident's public notice. Publishing is a deliberate act of the lead or the communications
/// lead; the status page's cache hears of it from <see cref="StatusPageCacheConsumer"/>.
/// </summary>
public sealed class PublicationService(IncidentCommandRunner runner)
{
    public Task SaveDraftAsync(Actor actor, int incidentId, PublicNoticeForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            incident.RecordNoticeDraft(actor, now);
            var notice = await LoadNoticeAsync(db, incident.Id, cancellationToken);
            notice.SaveDraft(actor, form, await ComponentIdsAsync(db, cancellationToken), now);
            return true;
        }, cancellationToken);
    }

    public async Task PublishAsync(Actor actor, int incidentId, PublicNoticeForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        RequestValidator.Validate(form);
        await runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            await PublishOnAsync(db, incident, actor, form, now, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Publishes inside a change already running through the incident's door (resolving and reopening publish with
    /// their own step): the publisher's right, the notice, the services' states and the incident's record of it.
    /// </summary>
    internal static async Task<PublicUpdate> PublishOnAsync(IncidentHubDbContext db, Incident incident, Actor actor, PublicNoticeForm form, DateTimeOffset now, CancellationToken cancellationToken)
    {
        incident.EnsureCanPublish(actor);
        var notice = await LoadNoticeAsync(db, incident.Id, cancellationToken);
        var components = await db.StatusComponents.Where(c => !c.IsArchived && c.IsPublic).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var update = notice.Publish(actor, form, components.Keys, now);
        var services = form.Impacts.Count == 0 || form.Status == PublicStatus.Resolved
            ? null
            : string.Join(", ", form.Impacts.Where(i => components.ContainsKey(i.Key)).Select(i => $"{components[i.Key]}: {i.Value.Label().ToLowerInvariant()}"));
        incident.RecordPublication(actor, update.Title, update.Status, update.Message, services, now);
        return update;
    }

    private static async Task<PublicNotice> LoadNoticeAsync(IncidentHubDbContext db, int incidentId, CancellationToken cancellationToken)
    {
        var notice = await db.PublicNotices
            .Include(n => n.Impacts.Where(i => i.Until == null))
            .SingleOrDefaultAsync(n => n.IncidentId == incidentId, cancellationToken);
        if (notice is null)
        {
            notice = new PublicNotice(incidentId);
            db.PublicNotices.Add(notice);
        }

        return notice;
    }

    private static async Task<IReadOnlyCollection<int>> ComponentIdsAsync(IncidentHubDbContext db, CancellationToken cancellationToken) =>
        await db.StatusComponents.Where(c => !c.IsArchived && c.IsPublic).Select(c => c.Id).ToListAsync(cancellationToken);
}
