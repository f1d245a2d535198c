using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Resolution;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Resolution;

/// <summary>Reopening while the status page says it is fixed asks what becomes of the notice; all or nothing.</summary>
public abstract class ReopeningServiceTests(TestDatabase database) : DatabaseTest(database)
{
    private ReopeningService Reopening => Harness.Get<ReopeningService>();

    /// <summary>Resolved, with the resolution published through the closing step.</summary>
    private async Task<(Actor Lead, DeclaredIncident Incident)> ResolvedWithPublishedResolutionAsync()
    {
        var admin = await Harness.CreateAdminAsync("Ada Admin");
        var payments = await Harness.StatusComponents.SaveAsync(admin, new ComponentForm { Name = "Payments" }, Ct);
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.DeclareAsync(lead, "Card payments failing");
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Monitoring);
        await Harness.Publication.PublishAsync(lead, incident.Id, new PublicNoticeForm
        {
            Title = "Some card payments are failing",
            Message = "We are watching the fix.",
            Status = PublicStatus.Monitoring,
            Impacts = new Dictionary<int, ComponentState> { [payments] = ComponentState.PartialOutage },
        }, Ct);
        var closing = Harness.Get<ClosingService>();
        var plan = (await closing.GetPlanAsync(lead, incident.Number, IncidentStatus.Resolved, Ct))!;
        await closing.CloseAsync(lead, incident.Id, new CloseIncidentRequest
        {
            Target = IncidentStatus.Resolved,
            ExpectedStatus = IncidentStatus.Monitoring,
            Message = "Fixed by rolling back the gateway.",
            Notice = NoticeOutcome.Publish,
            NoticeTitle = plan.ProposedNoticeTitle,
            NoticeMessage = plan.ProposedNoticeMessage,
            NoticeVersion = plan.Notice!.Version,
        }, Ct);
        return (lead, incident);
    }

    [Fact]
    public async Task ANoticeThatSaysResolved_IsAskedAbout_AndPublishingPutsTheIncidentBackOnTheStatusPage()
    {
        var (lead, incident) = await ResolvedWithPublishedResolutionAsync();
        Assert.Empty((await Harness.StatusPage.GetSnapshotAsync(Ct)).Active);

        var plan = (await Reopening.GetPlanAsync(lead, incident.Number, Ct))!;
        Assert.True(plan.AsksFirst);
        Assert.Equal((PublicStatus.Resolved, "Some card payments are failing"), (plan.Notice!.Status, plan.ProposedNoticeTitle));
        Assert.Contains("did not hold", plan.ProposedNoticeMessage, StringComparison.Ordinal);

        await Reopening.ReopenAsync(lead, incident.Id, new ReopenIncidentRequest
        {
            Message = "Errors are back after the cache refill.",
            Notice = NoticeOutcome.Publish,
            NoticeTitle = plan.ProposedNoticeTitle,
            NoticeMessage = plan.ProposedNoticeMessage,
            NoticeVersion = plan.Notice.Version,
        }, Ct);

        var detail = (await Harness.IncidentQueries.GetDetailAsync(lead, incident.Number, Ct))!;
        Assert.Equal(IncidentStatus.Investigating, detail.Status);
        var active = Assert.Single((await Harness.StatusPage.GetSnapshotAsync(Ct)).Active);
        Assert.Equal(("Some card payments are failing", PublicStatus.Investigating), (active.Title, active.Status));
        var kinds = await Harness.QueryAsync(db => db.TimelineEntries.Where(e => e.IncidentId == incident.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync(Ct));
        // All three in the one save (their ids follow EF's insert order, not the order they were made in).
        Assert.Equal(new[] { TimelineEntryKind.StatusChanged, TimelineEntryKind.Update, TimelineEntryKind.Published }.Order(), kinds.TakeLast(3).Order());
        Assert.False((await Reopening.GetPlanAsync(lead, incident.Number, Ct))!.AsksFirst);
    }

    [Fact]
    public async Task LeavingTheNotice_NeedsAReason_AndIsOnTheTimeline_AndNothingChangesWithoutOne()
    {
        var (lead, incident) = await ResolvedWithPublishedResolutionAsync();
        var before = await EntryCountAsync(incident.Id);
        var request = new ReopenIncidentRequest { Notice = NoticeOutcome.Leave };

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Reopening.ReopenAsync(lead, incident.Id, request, Ct));
        Assert.True(refused.Errors.ContainsKey(nameof(ReopenIncidentRequest.NoticeReason)));
        var undecided = await Assert.ThrowsAsync<ValidationFailedException>(() => Reopening.ReopenAsync(lead, incident.Id, new ReopenIncidentRequest(), Ct));
        Assert.True(undecided.Errors.ContainsKey(nameof(ReopenIncidentRequest.Notice)));
        Assert.Equal(IncidentStatus.Resolved, (await Harness.IncidentQueries.GetDetailAsync(lead, incident.Number, Ct))!.Status);
        Assert.Equal(before, await EntryCountAsync(incident.Id));

        request.NoticeReason = "Only internal tools are affected this time.";
        await Reopening.ReopenAsync(lead, incident.Id, request, Ct);

        Assert.Equal(IncidentStatus.Investigating, (await Harness.IncidentQueries.GetDetailAsync(lead, incident.Number, Ct))!.Status);
        Assert.Empty((await Harness.StatusPage.GetSnapshotAsync(Ct)).Active);
        var note = await Harness.QueryAsync(db => db.TimelineEntries.Where(e => e.IncidentId == incident.Id && e.Kind == TimelineEntryKind.Note).Select(e => e.Text).SingleAsync(Ct));
        Assert.Contains("Only internal tools are affected this time.", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutANoticeThatSaysItIsFixed_NothingIsAsked()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.DeclareAsync(lead, "Search slow");
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);

        var plan = (await Reopening.GetPlanAsync(lead, incident.Number, Ct))!;
        Assert.False(plan.AsksFirst);
        await Reopening.ReopenAsync(lead, incident.Id, new ReopenIncidentRequest(), Ct);
        Assert.Equal(IncidentStatus.Investigating, (await Harness.IncidentQueries.GetDetailAsync(lead, incident.Number, Ct))!.Status);
    }

    [Fact]
    public async Task SomeoneReopeningFirst_IsAConflict_AndNothingMoreIsPublished()
    {
        var (lead, incident) = await ResolvedWithPublishedResolutionAsync();
        var plan = (await Reopening.GetPlanAsync(lead, incident.Number, Ct))!;
        await Reopening.ReopenAsync(lead, incident.Id, new ReopenIncidentRequest { Notice = NoticeOutcome.Leave, NoticeReason = "Checking first." }, Ct);
        var before = await EntryCountAsync(incident.Id);

        await Assert.ThrowsAsync<ConflictException>(() => Reopening.ReopenAsync(lead, incident.Id, new ReopenIncidentRequest
        {
            Notice = NoticeOutcome.Publish,
            NoticeTitle = plan.ProposedNoticeTitle,
            NoticeMessage = plan.ProposedNoticeMessage,
            NoticeVersion = plan.Notice!.Version,
        }, Ct));

        Assert.Equal(before, await EntryCountAsync(incident.Id));
        Assert.Empty((await Harness.StatusPage.GetSnapshotAsync(Ct)).Active);
    }

    private Task<int> EntryCountAsync(int incidentId) =>
        Harness.QueryAsync(db => db.TimelineEntries.CountAsync(e => e.IncidentId == incidentId, Ct));
}

public sealed class ReopeningServiceTests_Sqlite(SqliteTestDatabase database)
    : ReopeningServiceTests(database), IClassFixture<SqliteTestDatabase>;
