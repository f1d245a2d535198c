using System.Text.Json;
using IncidentHub.Core.Board;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Roles;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.StatusPage;

/// <summary>Publishing to the status page is deliberate, shows only public words, and is on the internal timeline.</summary>
public abstract class PublicationTests(TestDatabase database) : DatabaseTest(database)
{
    private Actor _admin = null!;
    private int _api;
    private int _payments;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await Harness.CreateAdminAsync("Ada Admin");
        _api = await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "API" }, Ct);
        _payments = await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "Payments", Description = "Card and bank payments" }, Ct);
    }

    private PublicNoticeForm Notice(PublicStatus status = PublicStatus.Investigating, ComponentState? payments = ComponentState.PartialOutage) => new()
    {
        Title = "Some card payments are failing",
        Message = "Some card payments fail at checkout. We are working on a fix.",
        Status = status,
        Impacts = payments is { } state ? new Dictionary<int, ComponentState> { [_payments] = state } : [],
    };

    [Fact]
    public async Task ADraft_IsSaved_ButCustomersSeeNothing()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.DeclareAsync(lead, "Card payments failing");
        var helper = await Harness.CreateResponderAsync("Hal Helper");

        await Harness.Publication.SaveDraftAsync(helper, incident.Id, Notice(), Ct);

        var notice = (await Harness.Get<PublicationQueries>().GetNoticeAsync(lead, incident.Id, Ct))!;
        Assert.Equal(("Some card payments are failing", "Hal Helper", false), (notice.DraftTitle, notice.DraftedBy, notice.IsPublished));
        var snapshot = await Harness.StatusPage.GetSnapshotAsync(Ct);
        Assert.Empty(snapshot.Active);
        Assert.Equal("All systems operational", snapshot.Headline);
    }

    [Fact]
    public async Task Publishing_ByTheLead_PutsItOnTheStatusPage_ClearsTheCache_AndIsOnTheTimeline()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.DeclareAsync(lead, "Card payments failing");

        await Harness.Publication.PublishAsync(lead, incident.Id, Notice(), Ct);

        var snapshot = await Harness.StatusPage.GetSnapshotAsync(Ct);
        var shown = Assert.Single(snapshot.Active);
        Assert.Equal(("Some card payments are failing", PublicStatus.Investigating), (shown.Title, shown.Status));
        Assert.Equal("Some card payments fail at checkout. We are working on a fix.", Assert.Single(shown.Updates).Message);
        Assert.Equal(new AffectedComponent("Payments", ComponentState.PartialOutage), Assert.Single(shown.Affected));
        Assert.Equal((ComponentState.PartialOutage, "Partial outage"), (snapshot.Worst, snapshot.Headline));
        Assert.Equal(ComponentState.Operational, snapshot.Components.Single(c => c.Name == "API").State);
        Assert.Equal(ComponentState.PartialOutage, snapshot.Components.Single(c => c.Name == "Payments").History[^1].Worst);
        Assert.True(Harness.StatusPageCache.Invalidations >= 1);
        var entry = (await Harness.IncidentQueries.GetTimelineAsync(lead, incident.Id, cancellationToken: Ct)).Items[0];
        Assert.Equal(TimelineEntryKind.Published, entry.Kind);
        Assert.Equal("Lena Lead published to the status page: Some card payments are failing", entry.Text);
        Assert.Contains("Payments: partial outage", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_ByAResponderWhoIsNotLeadOrComms_IsForbidden_ButTheCommsLeadMay()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var comms = await Harness.CreateResponderAsync("Cora Comms");
        var incident = await Harness.DeclareAsync(lead, "Card payments failing");

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() => Harness.Publication.PublishAsync(comms, incident.Id, Notice(), Ct));
        Assert.Contains("save a draft", ex.Message, StringComparison.Ordinal);

        await Harness.Roles.AssignAsync(lead, incident.Id, await Harness.RoleIdAsync(IncidentRoleKind.CommunicationsLead), comms.UserId, null, Ct);
        await Harness.Publication.PublishAsync(comms, incident.Id, Notice(), Ct);
        Assert.Single((await Harness.StatusPage.GetSnapshotAsync(Ct)).Active);
    }

    [Fact]
    public async Task APrivateIncident_CannotBeDraftedOrPublished()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.Incidents.DeclareAsync(lead, new DeclareIncidentRequest
        {
            Name = "Private", SeverityId = (await Harness.IncidentQueries.GetSeveritiesAsync(cancellationToken: Ct))[0].Id, IsPrivate = true,
        }, Ct);

        await Assert.ThrowsAsync<DomainException>(() => Harness.Publication.PublishAsync(lead, incident.Id, Notice(), Ct));
        await Assert.ThrowsAsync<DomainException>(() => Harness.Publication.SaveDraftAsync(lead, incident.Id, Notice(), Ct));
        Assert.Empty((await Harness.StatusPage.GetSnapshotAsync(Ct)).Active);
    }

    [Fact]
    public async Task APublishedIncident_CannotBeMadePrivate()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.DeclareAsync(lead, "Card payments failing");
        await Harness.Publication.PublishAsync(lead, incident.Id, Notice(), Ct);

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            Harness.Access.ChangeVisibilityAsync(lead, incident.Id, IncidentVisibility.Private, Ct));

        Assert.Contains("public status page", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishingResolved_EndsTheImpact_AndMovesItToRecentlyResolved()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.DeclareAsync(lead, "Card payments failing");
        await Harness.Publication.PublishAsync(lead, incident.Id, Notice(), Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(40));

        await Harness.Publication.PublishAsync(lead, incident.Id, Notice(PublicStatus.Resolved), Ct);

        var snapshot = await Harness.StatusPage.GetSnapshotAsync(Ct);
        Assert.Empty(snapshot.Active);
        var resolved = Assert.Single(snapshot.RecentlyResolved);
        Assert.Equal(2, resolved.Updates.Count);
        Assert.Equal(ComponentState.Operational, snapshot.Components.Single(c => c.Name == "Payments").State);
        Assert.Equal(ComponentState.PartialOutage, snapshot.Components.Single(c => c.Name == "Payments").History[^1].Worst);
    }

    [Fact]
    public async Task TheFirstNotice_CannotAlreadyBeResolved_AndBadInputIsRefusedOnTheField()
    {
        var lead = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(lead, "Card payments failing");

        var resolved = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Harness.Publication.PublishAsync(lead, incident.Id, Notice(PublicStatus.Resolved), Ct));
        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Harness.Publication.PublishAsync(lead, incident.Id, new PublicNoticeForm { Title = " ", Message = "" }, Ct));

        Assert.Contains(nameof(PublicNoticeForm.Status), resolved.Errors.Keys);
        Assert.Contains(nameof(PublicNoticeForm.Title), empty.Errors.Keys);
        Assert.Contains(nameof(PublicNoticeForm.Message), empty.Errors.Keys);
    }

    [Fact]
    public async Task TwoPeoplePublishingFromTheSameStart_TheSecondIsToldAndNothingIsLost()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.DeclareAsync(lead, "Card payments failing");
        await Harness.Publication.PublishAsync(lead, incident.Id, Notice(), Ct);
        var seen = (await Harness.Get<PublicationQueries>().GetNoticeAsync(lead, incident.Id, Ct))!.Version;
        var first = Notice(PublicStatus.Identified);
        first.Version = seen;
        await Harness.Publication.PublishAsync(lead, incident.Id, first, Ct);

        var second = Notice(PublicStatus.Monitoring);
        second.Version = seen;
        await Assert.ThrowsAsync<ConflictException>(() => Harness.Publication.PublishAsync(_admin, incident.Id, second, Ct));

        Assert.Equal(PublicStatus.Identified, Assert.Single((await Harness.StatusPage.GetSnapshotAsync(Ct)).Active).Status);
    }

    private async Task<Guid?> SeenVersionAsync(Actor viewer, int incidentId) =>
        (await Harness.Get<PublicationQueries>().GetNoticeAsync(viewer, incidentId, Ct))!.Version;

    [Fact]
    public async Task TwoPeopleDraftingTheFirstNotice_TheSecondIsToldWhoSavedFirst_AndTheFirstDraftStays()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var sam = await Harness.CreateResponderAsync("Sam Carter");
        var incident = await Harness.DeclareAsync(lead, "Card payments failing");
        var leadStart = await SeenVersionAsync(lead, incident.Id);
        var samStart = await SeenVersionAsync(sam, incident.Id);
        Assert.Equal(Guid.Empty, leadStart);

        var leads = Notice();
        leads.Message = "Lena's words for customers.";
        leads.Version = leadStart;
        await Harness.Publication.SaveDraftAsync(lead, incident.Id, leads, Ct);
        var sams = Notice();
        sams.Message = "Sam's words for customers.";
        sams.Version = samStart;

        var clash = await Assert.ThrowsAsync<ConflictException>(() => Harness.Publication.SaveDraftAsync(sam, incident.Id, sams, Ct));

        Assert.StartsWith("Lena Lead saved a draft of the notice while you were writing.", clash.Message, StringComparison.Ordinal);
        var stored = (await Harness.Get<PublicationQueries>().GetNoticeAsync(sam, incident.Id, Ct))!;
        Assert.Equal(("Lena's words for customers.", "Lena Lead"), (stored.DraftMessage, stored.DraftedBy));

        // Having been told (and shown theirs), Sam may still choose his own: saved against what he has now seen.
        sams.Version = stored.Version;
        await Harness.Publication.SaveDraftAsync(sam, incident.Id, sams, Ct);
        Assert.Equal("Sam's words for customers.", (await Harness.Get<PublicationQueries>().GetNoticeAsync(sam, incident.Id, Ct))!.DraftMessage);
    }

    [Fact]
    public async Task TwoFirstDraftsSavedAtTheSameMoment_OneWins_TheOtherIsTold()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var sam = await Harness.CreateResponderAsync("Sam Carter");
        var incident = await Harness.DeclareAsync(lead, "Card payments failing");
        var leads = Notice();
        leads.Message = "Lena's words for customers.";
        leads.Version = Guid.Empty;
        var sams = Notice();
        sams.Message = "Sam's words for customers.";
        sams.Version = Guid.Empty;

        // Lena's first draft is saved between Sam's load (no notice yet) and his save (a second row for the incident).
        Harness.Database.SaveHook.BeforeNextSave(() => Harness.Publication.SaveDraftAsync(lead, incident.Id, leads, Ct));
        var clash = await Assert.ThrowsAsync<ConflictException>(() => Harness.Publication.SaveDraftAsync(sam, incident.Id, sams, Ct));

        Assert.StartsWith("Lena Lead saved a draft", clash.Message, StringComparison.Ordinal);
        Assert.Equal("Lena's words for customers.", (await Harness.Get<PublicationQueries>().GetNoticeAsync(sam, incident.Id, Ct))!.DraftMessage);
    }

    [Fact]
    public async Task ADraftOverTheLimit_IsRefusedWithTheLimit_AndNothingIsSaved()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.DeclareAsync(lead, "Card payments failing");
        var form = Notice();
        form.Title = new string('t', 230);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.Publication.SaveDraftAsync(lead, incident.Id, form, Ct));

        Assert.Equal(["The title can be at most 200 characters; this one has 230 (30 too many)."], ex.Errors[nameof(PublicNoticeForm.Title)]);
        Assert.False((await Harness.Get<PublicationQueries>().GetNoticeAsync(lead, incident.Id, Ct))!.HasDraft);
    }

    [Fact]
    public async Task ThePublishForm_OffersThePublicStatusThatMatchesTheIncident()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.DeclareAsync(lead, "Card payments failing");
        async Task<PublicStatus> SuggestedAsync(int id) => (await Harness.Get<PublicationQueries>().GetNoticeAsync(lead, id, Ct))!.SuggestedStatus;

        Assert.Equal(PublicStatus.Investigating, await SuggestedAsync(incident.Id));
        await Harness.Publication.PublishAsync(lead, incident.Id, Notice(), Ct);
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Fixing);
        Assert.Equal(PublicStatus.Identified, await SuggestedAsync(incident.Id));
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Monitoring);
        Assert.Equal(PublicStatus.Monitoring, await SuggestedAsync(incident.Id));
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);
        Assert.Equal(PublicStatus.Resolved, await SuggestedAsync(incident.Id));

        // Never public yet: a first notice cannot be resolved, so the nearest it can be is offered.
        var quiet = await Harness.DeclareAsync(lead, "Exports slow");
        await Harness.MoveToAsync(lead, quiet.Id, IncidentStatus.Resolved);
        Assert.Equal(PublicStatus.Monitoring, await SuggestedAsync(quiet.Id));
    }

    [Fact]
    public async Task TheBoard_NamesWhoToAsk_AndWordsAResolvedIncidentAsTheStatusPageDoes()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var sam = await Harness.CreateResponderAsync("Sam Carter");
        var viewer = await Harness.CreateViewerAsync("Vic Viewer");
        var unaided = await Harness.DeclareAsync(lead, "Slow exports");
        var helped = await Harness.DeclareAsync(lead, "Login errors");
        await Harness.Roles.AssignAsync(lead, helped.Id, await Harness.RoleIdAsync(IncidentRoleKind.CommunicationsLead), sam.UserId, null, Ct);
        var stillPublic = await Harness.DeclareAsync(lead, "Card payments failing");
        await Harness.Publication.PublishAsync(lead, stillPublic.Id, Notice(PublicStatus.Monitoring), Ct);
        await Harness.MoveToAsync(lead, stillPublic.Id, IncidentStatus.Resolved);
        var publiclyResolved = await Harness.DeclareAsync(lead, "Search down");
        await Harness.Publication.PublishAsync(lead, publiclyResolved.Id, Notice(payments: null), Ct);
        await Harness.Publication.PublishAsync(lead, publiclyResolved.Id, Notice(PublicStatus.Resolved, payments: null), Ct);
        await Harness.MoveToAsync(lead, publiclyResolved.Id, IncidentStatus.Resolved);
        var neverPublic = await Harness.DeclareAsync(lead, "Typo on the login page");
        await Harness.MoveToAsync(lead, neverPublic.Id, IncidentStatus.Resolved);

        var board = await Harness.Board.GetBoardAsync(viewer, Ct);

        Assert.Equal(new BoardContact("Lena Lead", "incident lead"), board.Active.Single(b => b.Number == unaided.Number).Contact);
        Assert.Equal(new BoardContact("Sam Carter", "communications lead"), board.Active.Single(b => b.Number == helped.Number).Contact);
        var resolved = board.RecentlyResolved.ToDictionary(b => b.Number);
        Assert.Equal((PublicStanding.Open, PublicStatus.Monitoring), (resolved[stillPublic.Number].Standing, resolved[stillPublic.Number].PublicStatus));
        Assert.Equal(PublicStanding.Resolved, resolved[publiclyResolved.Number].Standing);
        Assert.Equal(PublicStanding.NeverPublic, resolved[neverPublic.Number].Standing);
    }

    [Fact]
    public async Task TheSnapshot_NeverCarriesInternalWords_OrPeople()
    {
        var lead = await Harness.CreateResponderAsync("Lena Leadperson");
        var incident = await Harness.DeclareAsync(lead, "Internal name MARMALADEYAK");
        await Harness.Updates.PostUpdateAsync(lead, incident.Id, new PostUpdateRequest { Message = "Internal update MARMALADEYAK" }, Ct);
        await Harness.Publication.PublishAsync(lead, incident.Id, Notice(), Ct);
        await Harness.DeclareAsync(lead, "Unpublished incident MARMALADEYAK");

        var json = JsonSerializer.Serialize(await Harness.StatusPage.GetSnapshotAsync(Ct));

        Assert.DoesNotContain("MARMALADEYAK", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Leadperson", json, StringComparison.Ordinal);
        Assert.Contains("Some card payments are failing", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBoard_ShowsWhatSupportMayTellCustomers_LargestFirst_AndTheLastDaysResolved()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var viewer = await Harness.CreateViewerAsync("Vic Viewer");
        var minor = await Harness.DeclareAsync(lead, "Slow exports", "Minor");
        var critical = await Harness.DeclareAsync(lead, "Card payments failing", "Critical");
        await Harness.Updates.PostUpdateAsync(lead, critical.Id, new PostUpdateRequest { Message = "Rolling back the gateway change." }, Ct);
        await Harness.Publication.PublishAsync(lead, critical.Id, Notice(), Ct);
        var done = await Harness.DeclareAsync(lead, "Login page typo");
        await Harness.Incidents.ChangeStatusAsync(lead, done.Id, IncidentStatus.Triage, IncidentStatus.Investigating, Ct);
        await Harness.Incidents.ChangeStatusAsync(lead, done.Id, IncidentStatus.Investigating, IncidentStatus.Resolved, Ct);

        var board = await Harness.Board.GetBoardAsync(viewer, Ct);

        Assert.Equal([critical.Number, minor.Number], board.Active.Select(b => b.Number));
        var top = board.Active[0];
        Assert.Equal(("Rolling back the gateway change.", "Some card payments fail at checkout. We are working on a fix."), (top.LatestUpdate, top.PublicMessage));
        Assert.Null(board.Active[1].PublicMessage);
        Assert.Equal(done.Number, Assert.Single(board.RecentlyResolved).Number);

        Harness.Time.Advance(TimeSpan.FromHours(25));
        Assert.Empty((await Harness.Board.GetBoardAsync(viewer, Ct)).RecentlyResolved);
    }
}

public sealed class PublicationTests_Sqlite(SqliteTestDatabase database)
    : PublicationTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class PublicationTests_SqlServer(SqlServerTestDatabase database)
    : PublicationTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class PublicationTests_PostgreSql(PostgreSqlTestDatabase database)
    : PublicationTests(database), IClassFixture<PostgreSqlTestDatabase>;
