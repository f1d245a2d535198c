using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.IncidentTypes;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.IncidentTypes;

/// <summary>
/// Incident types: admins keep them (one default, archiving), a declaration gets the chosen or default type and its
/// defaults, and the lead changes it, told which defaults the incident does not follow (nothing applied or undone).
/// </summary>
public abstract class IncidentTypesTests(TestDatabase database) : DatabaseTest(database)
{
    private Actor _admin = null!;
    private Actor _riley = null!;
    private Actor _sam = null!;
    private int _critical;
    private int _comms;

    private IncidentTypeService Types => Harness.Get<IncidentTypeService>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await Harness.CreateAdminAsync("Ada Admin");
        _riley = await Harness.CreateResponderAsync("Riley Chen");
        _sam = await Harness.CreateResponderAsync("Sam Carter");
        _critical = await Harness.SeverityIdAsync("Critical");
        _comms = await Harness.RoleIdAsync(IncidentRoleKind.CommunicationsLead);
    }

    private Task<int> AddPlatformAsync() => Types.SaveAsync(_admin, new IncidentTypeForm { Name = "Platform", Description = "Our own systems are down or slow." }, Ct);

    private Task<int> AddSecurityAsync() => Types.SaveAsync(_admin, new IncidentTypeForm
    {
        Name = "Security",
        Description = "A suspected breach or leak of customer data.",
        IsPrivate = true,
        DefaultSeverityId = _critical,
        UpdateCadenceMinutes = 15,
        ExpectedRoleIds = [_comms],
        ChannelPrefix = "sec",
    }, Ct);

    [Fact]
    public async Task TheFirstTypeIsTheDefault_AndADeclarationWithoutATypeGetsIt()
    {
        var platform = await AddPlatformAsync();
        await AddSecurityAsync();

        var types = await Types.GetAllAsync(cancellationToken: Ct);
        Assert.Equal([platform], types.Where(t => t.IsDefault).Select(t => t.Id));

        var declared = await Harness.DeclareAsync(_riley);
        var incident = await Harness.LoadIncidentAsync(declared.Id);
        Assert.Equal(platform, incident.TypeId);
        Assert.False(incident.IsPrivate);
    }

    [Fact]
    public async Task DeclaringASecurityIncident_AppliesItsDefaults_PrivateSeverityCadenceAndChannelPrefix()
    {
        await AddPlatformAsync();
        var security = await AddSecurityAsync();

        // No severity picked: the type's is taken.
        var declared = await Harness.Incidents.DeclareAsync(_riley, new DeclareIncidentRequest { Name = "Customer export leaked", TypeId = security }, Ct);

        Assert.True(declared.IsPrivate);
        var incident = await Harness.LoadIncidentAsync(declared.Id);
        Assert.Equal(security, incident.TypeId);
        Assert.True(incident.IsPrivate);
        Assert.Equal(_critical, incident.SeverityId);
        Assert.Equal(15, incident.Reminder.CadenceMinutes);
        var entry = await Harness.QueryAsync(db => db.TimelineEntries.SingleAsync(e => e.IncidentId == declared.Id && e.Kind == TimelineEntryKind.Declared, Ct));
        Assert.Contains("Type Security", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("Private (Security default)", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("Updates every 15 min (Security default)", entry.Detail, StringComparison.Ordinal);

        var logged = await Harness.QueryAsync(db => db.EventLog.SingleAsync(e => e.IncidentId == declared.Id && e.Kind == "incident.declared", Ct));
        var @event = Assert.IsType<IncidentDeclared>(IncidentEventCatalog.Deserialize(logged.Kind, logged.Payload));
        Assert.Equal(new IncidentTypeRef(security, "Security"), @event.Type);
        Assert.Equal("sec", @event.ChannelPrefix);
        Assert.Equal(IncidentVisibility.Private, @event.Visibility);
    }

    [Fact]
    public async Task ASeverityPickedByTheDeclarer_WinsOverTheTypesDefault()
    {
        var security = await AddSecurityAsync();
        var declared = await Harness.DeclareAsync(_riley, severity: "Minor", configure: r => r.TypeId = security);
        Assert.Equal(await Harness.SeverityIdAsync("Minor"), (await Harness.LoadIncidentAsync(declared.Id)).SeverityId);
    }

    [Fact]
    public async Task WithoutASeverityAndATypeThatGivesNone_TheDeclarationIsRefusedOnSeverity()
    {
        var platform = await AddPlatformAsync();
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Harness.Incidents.DeclareAsync(_riley, new DeclareIncidentRequest { Name = "Checkout failing", TypeId = platform }, Ct));
        Assert.Equal(["SeverityId"], ex.Errors.Keys);
        Assert.Equal("Pick a severity.", ex.Errors["SeverityId"].Single());
        Assert.Equal(0, await Harness.QueryAsync(db => db.Incidents.CountAsync(Ct)));
    }

    [Fact]
    public async Task AnArchivedType_CannotBeDeclaredWith_AndTheDefaultCannotBeArchivedWhileOthersExist()
    {
        var platform = await AddPlatformAsync();
        var security = await AddSecurityAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Types.SetArchivedAsync(_admin, platform, archived: true, Ct));
        Assert.Contains("default type", refusal.Message, StringComparison.Ordinal);

        await Types.SetArchivedAsync(_admin, security, archived: true, Ct);
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.DeclareAsync(_riley, configure: r => r.TypeId = security));
        Assert.Equal(["TypeId"], ex.Errors.Keys);
        Assert.Contains("archived", ex.Errors["TypeId"].Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sec", "ChannelPrefix")]
    [InlineData("sec ops", "ChannelPrefix")]
    [InlineData("-sec", "ChannelPrefix")]
    public async Task ABadChannelPrefix_IsRefusedOnItsField(string prefix, string field)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Types.SaveAsync(_admin, new IncidentTypeForm { Name = "Security", ChannelPrefix = prefix }, Ct));
        Assert.Equal([field], ex.Errors.Keys);
        Assert.Empty(await Types.GetAllAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task ACadenceOutOfRange_IsRefusedWithTheRange_NeverClamped()
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Types.SaveAsync(_admin, new IncidentTypeForm { Name = "Security", UpdateCadenceMinutes = 2 }, Ct));
        Assert.Equal(IncidentHub.Core.Reminders.UpdateCadence.RangeMessage, ex.Errors["UpdateCadenceMinutes"].Single());
    }

    [Fact]
    public async Task OnlyAdminsKeepTypes()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => Types.SaveAsync(_riley, new IncidentTypeForm { Name = "Security" }, Ct));
    }

    [Fact]
    public async Task TheLeadChangesTheType_IsToldWhatDiffers_AndNothingElseChanges()
    {
        await AddPlatformAsync();
        var security = await AddSecurityAsync();
        var declared = await Harness.DeclareAsync(_riley, severity: "Major");
        var before = await Harness.LoadIncidentAsync(declared.Id);

        var differences = await Harness.Incidents.ChangeTypeAsync(_riley, declared.Id, before.TypeId, security, Ct);

        Assert.Equal(4, differences.Count);
        Assert.Contains(differences, d => d.Contains("private", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("starts at Critical, this one is Major", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("every 15 min, this one every 30 min", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("expects a Communications Lead", StringComparison.Ordinal));

        var after = await Harness.LoadIncidentAsync(declared.Id);
        Assert.Equal(security, after.TypeId);
        Assert.False(after.IsPrivate);
        Assert.Equal(before.SeverityId, after.SeverityId);
        Assert.Equal(before.Reminder.CadenceMinutes, after.Reminder.CadenceMinutes);

        var entry = await Harness.QueryAsync(db => db.TimelineEntries.SingleAsync(e => e.IncidentId == declared.Id && e.Kind == TimelineEntryKind.TypeChanged, Ct));
        Assert.Equal("Riley Chen changed the type from Platform to Security.", entry.Text);
        Assert.Contains("Not applied, for the lead to decide", entry.Detail, StringComparison.Ordinal);
        var logged = await Harness.QueryAsync(db => db.EventLog.SingleAsync(e => e.IncidentId == declared.Id && e.Kind == "incident.type_changed", Ct));
        var @event = Assert.IsType<IncidentTypeChanged>(IncidentEventCatalog.Deserialize(logged.Kind, logged.Payload));
        Assert.Equal("Platform", @event.From!.Name);
        Assert.Equal(differences, @event.Differences);

        var detail = await Harness.IncidentQueries.GetDetailAsync(_riley, declared.Number, Ct);
        Assert.Equal("Security", detail!.Type!.Name);
        Assert.Equal(differences, detail.TypeDifferences);
    }

    [Fact]
    public async Task AResponderWhoIsNotTheLead_CannotChangeTheType_AndAStaleChangeIsAConflict()
    {
        var platform = await AddPlatformAsync();
        var security = await AddSecurityAsync();
        var declared = await Harness.DeclareAsync(_riley);

        var forbidden = await Assert.ThrowsAsync<ForbiddenException>(() => Harness.Incidents.ChangeTypeAsync(_sam, declared.Id, platform, security, Ct));
        Assert.Contains("Only the incident lead (Riley Chen) or an admin", forbidden.Message, StringComparison.Ordinal);

        await Harness.Incidents.ChangeTypeAsync(_admin, declared.Id, platform, security, Ct);
        await Assert.ThrowsAsync<ConflictException>(() => Harness.Incidents.ChangeTypeAsync(_riley, declared.Id, platform, security, Ct));
    }

    [Fact]
    public async Task TheListFiltersByType_AndShowsIt()
    {
        var platform = await AddPlatformAsync();
        var security = await AddSecurityAsync();
        var a = await Harness.DeclareAsync(_riley, "Checkout failing");
        var b = await Harness.DeclareAsync(_riley, "Export leaked", configure: r => r.TypeId = security);

        var page = await Harness.IncidentQueries.SearchAsync(_admin, new IncidentSearch { TypeIds = [security] }, Ct);
        Assert.Equal([b.Id], page.Items.Select(i => i.Id));
        Assert.Equal("Security", page.Items.Single().Type!.Name);

        var active = await Harness.IncidentQueries.GetActiveAsync(_admin, new DashboardFilter { TypeIds = [platform] }, Ct);
        Assert.Equal([a.Id], active.Select(i => i.Id));
    }
}

public sealed class IncidentTypesTests_Sqlite(SqliteTestDatabase database)
    : IncidentTypesTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class IncidentTypesTests_SqlServer(SqlServerTestDatabase database)
    : IncidentTypesTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class IncidentTypesTests_PostgreSql(PostgreSqlTestDatabase database)
    : IncidentTypesTests(database), IClassFixture<PostgreSqlTestDatabase>;
