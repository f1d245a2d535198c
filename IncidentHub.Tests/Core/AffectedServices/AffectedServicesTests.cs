using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.AffectedServices;

/// <summary>
/// The organisation's services (public and internal), named by incidents at declaration and later: recorded on the
/// timeline and in the event log, shown on the dashboard, the board and the incident, the publish form's start.
/// </summary>
public abstract class AffectedServicesTests(TestDatabase database) : DatabaseTest(database)
{
    private Actor _admin = null!;
    private Actor _riley = null!;
    private int _api;
    private int _ledger;
    private int _payments;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await Harness.CreateAdminAsync("Ada Admin");
        _riley = await Harness.CreateResponderAsync("Riley Chen");
        _api = await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "API", OwnerTeam = "Platform" }, Ct);
        _ledger = await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm
        {
            Name = "Ledger", IsPublic = false, OwnerTeam = "Payments platform", Link = "https://grafana.example.com/d/ledger",
        }, Ct);
        _payments = await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "Payments", OwnerTeam = "Payments platform" }, Ct);
    }

    private Task<List<EventLogEntry>> LogAsync(int incidentId, string kind) =>
        Harness.QueryAsync(db => db.EventLog.Where(e => e.IncidentId == incidentId && e.Kind == kind).OrderBy(e => e.Sequence).ToListAsync(Ct));

    [Fact]
    public async Task AnInternalService_IsKeptWithItsOwnerAndLink_ButNeverOnTheStatusPageOrInThePublishForm()
    {
        var all = await Harness.StatusComponents.GetAllAsync(cancellationToken: Ct);
        var ledger = all.Single(c => c.Id == _ledger);
        Assert.False(ledger.IsPublic);
        Assert.Equal("Payments platform", ledger.OwnerTeam);
        Assert.Equal("https://grafana.example.com/d/ledger", ledger.Link);

        var snapshot = await Harness.StatusPage.GetSnapshotAsync(Ct);
        Assert.DoesNotContain(snapshot.Components, c => c.Name == "Ledger");
        Assert.Contains(snapshot.Components, c => c.Name == "API");

        var incident = await Harness.DeclareAsync(_riley);
        var notice = await Harness.Get<PublicationQueries>().GetNoticeAsync(_riley, incident.Id, Ct);
        Assert.Equal(["API", "Payments"], notice!.Components.Select(c => c.Name));
    }

    [Theory]
    [InlineData("ftp://example.com/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("grafana/ledger")]
    public async Task ALinkThatIsNotAWebAddress_IsRefusedOnLink_AndNothingIsSaved(string link)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "Build pipeline", Link = link }, Ct));

        Assert.Equal(["Link"], ex.Errors.Keys);
        Assert.DoesNotContain(await Harness.StatusComponents.GetAllAsync(cancellationToken: Ct), c => c.Name == "Build pipeline");
    }

    [Fact]
    public async Task TakingAServiceOffTheStatusPage_WhileAnOpenNoticeMarksIt_IsRefusedWithAMessage()
    {
        var incident = await Harness.DeclareAsync(_riley);
        await Harness.Publication.PublishAsync(_riley, incident.Id, new PublicNoticeForm
        {
            Title = "Payments failing", Message = "We are looking into it.", Status = PublicStatus.Investigating,
            Impacts = new Dictionary<int, ComponentState> { [_payments] = ComponentState.MajorOutage },
        }, Ct);
        var payments = (await Harness.StatusComponents.GetAllAsync(cancellationToken: Ct)).Single(c => c.Id == _payments);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.StatusComponents.SaveAsync(_admin, new ComponentForm
        {
            Id = _payments, Version = payments.Version, Name = "Payments", IsPublic = false,
        }, Ct));

        Assert.Contains("open public notice", ex.Errors["IsPublic"][0], StringComparison.Ordinal);
        Assert.True((await Harness.StatusComponents.GetAllAsync(cancellationToken: Ct)).Single(c => c.Id == _payments).IsPublic);
    }

    [Fact]
    public async Task Declare_WithServices_NamesThem_OnTheDetail_TheDashboard_TheBoard_TheTimeline_AndTheEvent()
    {
        var incident = await Harness.DeclareAsync(_riley, configure: r => r.ServiceIds = [_ledger, _api]);

        var detail = await Harness.IncidentQueries.GetDetailAsync(_riley, incident.Number, Ct);
        Assert.Equal(["API", "Ledger"], detail!.Services.Select(s => s.Name));
        Assert.Equal([true, false], detail.Services.Select(s => s.IsPublic));
        Assert.True(detail.Can.ChangeServices);

        var card = Assert.Single(await Harness.IncidentQueries.GetActiveAsync(_riley, new DashboardFilter(), Ct));
        Assert.Equal(["API", "Ledger"], card.Services.Select(s => s.Name));
        var board = await Harness.Board.GetBoardAsync(_riley, Ct);
        Assert.Equal(["API", "Ledger"], Assert.Single(board.Active).Services.Select(s => s.Name));

        var declared = (await Harness.IncidentQueries.GetTimelineAsync(_riley, incident.Id, cancellationToken: Ct)).Items.Single(e => e.Kind == TimelineEntryKind.Declared);
        Assert.Equal("Severity Major · Triage · Affects API and Ledger", declared.Detail);
        var logged = Assert.Single(await LogAsync(incident.Id, "incident.declared"));
        var payload = (IncidentDeclared)IncidentEventCatalog.Deserialize(logged.Kind, logged.Payload);
        Assert.Equal([new ServiceRef(_ledger, "Ledger"), new ServiceRef(_api, "API")], payload.Services.OrderByDescending(s => s.Id == _ledger));
    }

    [Fact]
    public async Task Declare_WithAnUnknownOrRemovedService_IsRefusedOnServiceIds_AndDeclaresNothing()
    {
        await Harness.StatusComponents.SetArchivedAsync(_admin, _payments, archived: true, Ct);

        var removed = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.DeclareAsync(_riley, configure: r => r.ServiceIds = [_payments]));
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.DeclareAsync(_riley, configure: r => r.ServiceIds = [_api, 9_999]));

        Assert.Equal("Payments has been removed by an admin: pick one of the listed services.", removed.Errors["ServiceIds"][0]);
        Assert.Equal(["ServiceIds"], unknown.Errors.Keys);
        Assert.Equal(0, await Harness.QueryAsync(db => db.Incidents.CountAsync(Ct)));
    }

    [Fact]
    public async Task Change_AddsAndRemoves_OnTheTimelineAndInOneEvent()
    {
        var incident = await Harness.DeclareAsync(_riley, configure: r => r.ServiceIds = [_api]);
        Harness.Feed.Clear();

        await Harness.Incidents.ChangeAffectedServicesAsync(_riley, incident.Id, [_api], [_ledger, _payments], Ct);

        var detail = await Harness.IncidentQueries.GetDetailAsync(_riley, incident.Number, Ct);
        Assert.Equal(["Ledger", "Payments"], detail!.Services.Select(s => s.Name));
        var entry = (await Harness.IncidentQueries.GetTimelineAsync(_riley, incident.Id, cancellationToken: Ct)).Items.First();
        Assert.Equal(TimelineEntryKind.ServicesChanged, entry.Kind);
        Assert.Equal("Riley Chen added Ledger and Payments and removed API in the affected services.", entry.Text);
        Assert.Equal("Affects Ledger and Payments", entry.Detail);
        var logged = Assert.Single(await LogAsync(incident.Id, "incident.services_changed"));
        Assert.Equal(entry.Id, logged.TimelineEntryId);
        var changed = (AffectedServicesChanged)IncidentEventCatalog.Deserialize(logged.Kind, logged.Payload);
        Assert.Equal(["Ledger", "Payments"], changed.Added.Select(s => s.Name).Order());
        Assert.Equal(["API"], changed.Removed.Select(s => s.Name));
        Assert.Single(Harness.Feed.Changes);
    }

    [Fact]
    public async Task Change_FromASetSomeoneElseChanged_IsAConflict_AndNothingChanges()
    {
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(_riley, configure: r => r.ServiceIds = [_api]);
        await Harness.Incidents.ChangeAffectedServicesAsync(sam, incident.Id, [_api], [_api, _payments], Ct);

        var ex = await Assert.ThrowsAsync<ConflictException>(() =>
            Harness.Incidents.ChangeAffectedServicesAsync(_riley, incident.Id, [_api], [_ledger], Ct));

        Assert.Contains("now API and Payments", ex.Message, StringComparison.Ordinal);
        var detail = await Harness.IncidentQueries.GetDetailAsync(_riley, incident.Number, Ct);
        Assert.Equal(["API", "Payments"], detail!.Services.Select(s => s.Name));
    }

    [Fact]
    public async Task Change_ToTheSameSet_RecordsNothing()
    {
        var incident = await Harness.DeclareAsync(_riley, configure: r => r.ServiceIds = [_api]);

        await Harness.Incidents.ChangeAffectedServicesAsync(_riley, incident.Id, [_api], [_api], Ct);

        Assert.Empty(await LogAsync(incident.Id, "incident.services_changed"));
    }

    [Fact]
    public async Task AServiceAnAdminRemovedSince_StaysOnTheIncident_UntilSomeoneTakesItOff_ButCannotBeAddedAgain()
    {
        var incident = await Harness.DeclareAsync(_riley, configure: r => r.ServiceIds = [_ledger]);
        await Harness.StatusComponents.SetArchivedAsync(_admin, _ledger, archived: true, Ct);

        // Adding another keeps the removed one: nothing is dropped silently.
        await Harness.Incidents.ChangeAffectedServicesAsync(_riley, incident.Id, [_ledger], [_ledger, _api], Ct);
        var detail = await Harness.IncidentQueries.GetDetailAsync(_riley, incident.Number, Ct);
        Assert.Equal([("API", false), ("Ledger", true)], detail!.Services.Select(s => (s.Name, s.IsArchived)));

        await Harness.Incidents.ChangeAffectedServicesAsync(_riley, incident.Id, [_ledger, _api], [_api], Ct);
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Harness.Incidents.ChangeAffectedServicesAsync(_riley, incident.Id, [_api], [_api, _ledger], Ct));
        Assert.Contains("Ledger has been removed by an admin", ex.Errors["ServiceIds"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_OnAClosedIncident_IsRefused()
    {
        var incident = await Harness.DeclareAsync(_riley, configure: r => r.ServiceIds = [_api]);
        await Harness.MoveToAsync(_riley, incident.Id, IncidentStatus.Closed);

        await Assert.ThrowsAnyAsync<DomainException>(() =>
            Harness.Incidents.ChangeAffectedServicesAsync(_riley, incident.Id, [_api], [], Ct));

        var detail = await Harness.IncidentQueries.GetDetailAsync(_riley, incident.Number, Ct);
        Assert.Equal(["API"], detail!.Services.Select(s => s.Name));
    }

    [Fact]
    public async Task TheIncidentsList_FiltersByService_AndTheDashboardToo()
    {
        var ledgerIncident = await Harness.DeclareAsync(_riley, "Ledger lagging", configure: r => r.ServiceIds = [_ledger]);
        await Harness.DeclareAsync(_riley, "API slow", configure: r => r.ServiceIds = [_api]);
        await Harness.DeclareAsync(_riley, "Nothing named");

        var found = await Harness.IncidentQueries.SearchAsync(_riley, new IncidentSearch { ServiceIds = [_ledger] }, Ct);
        var active = await Harness.IncidentQueries.GetActiveAsync(_riley, new DashboardFilter { ServiceIds = [_ledger, _api] }, Ct);

        Assert.Equal([ledgerIncident.Id], found.Items.Select(i => i.Id));
        Assert.Equal(1, found.TotalCount);
        Assert.Equal(["API slow", "Ledger lagging"], active.Select(i => i.Name).Order());
    }

    [Fact]
    public async Task TheFirstNotice_StartsFromTheAffectedPublicServices_ButADraftKeepsItsOwn()
    {
        var incident = await Harness.DeclareAsync(_riley, configure: r => r.ServiceIds = [_ledger, _payments]);
        var queries = Harness.Get<PublicationQueries>();

        var first = await queries.GetNoticeAsync(_riley, incident.Id, Ct);
        Assert.Equal(new Dictionary<int, ComponentState> { [_payments] = PublicationQueries.SuggestedState }, first!.SuggestedImpacts);

        await Harness.Publication.SaveDraftAsync(_riley, incident.Id, new PublicNoticeForm { Title = "Draft", Message = "Soon.", Status = PublicStatus.Investigating, Version = first.Version }, Ct);
        var drafted = await queries.GetNoticeAsync(_riley, incident.Id, Ct);
        Assert.Empty(drafted!.SuggestedImpacts);
    }
}

public sealed class AffectedServicesTests_Sqlite(SqliteTestDatabase database)
    : AffectedServicesTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class AffectedServicesTests_SqlServer(SqlServerTestDatabase database)
    : AffectedServicesTests(database), IClassFixture<SqlServerTestDatabase>;
