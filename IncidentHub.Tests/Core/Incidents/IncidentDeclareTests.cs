using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Incidents;

public sealed class IncidentDeclareTests
{
    private readonly AggregateScenario _s = new();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Declare_WithoutAName_IsRefusedOnName(string name)
    {
        var ex = Assert.Throws<ValidationFailedException>(() => _s.Declare(request: _s.Request(name)));

        Assert.Equal(["Name"], ex.Errors.Keys);
    }

    [Fact]
    public void Declare_With201CharacterName_IsRefusedOnName()
    {
        var ex = Assert.Throws<ValidationFailedException>(() => _s.Declare(request: _s.Request(new string('n', 201))));

        Assert.Equal(["Name"], ex.Errors.Keys);
        Assert.Contains("200 characters", ex.Errors["Name"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Declare_With200CharacterName_IsAccepted()
    {
        var incident = _s.Declare(request: _s.Request(new string('n', 200)));

        Assert.Equal(200, incident.Name.Length);
    }

    [Fact]
    public void Declare_With10000CharacterSummary_IsAccepted()
    {
        var request = _s.Request();
        request.Summary = new string('s', 10_000);

        var incident = _s.Declare(request: request);

        Assert.Equal(10_000, incident.Summary.Length);
    }

    [Fact]
    public void Declare_With10001CharacterSummary_IsRefusedOnSummary()
    {
        var request = _s.Request();
        request.Summary = new string('s', 10_001);

        var ex = Assert.Throws<ValidationFailedException>(() => _s.Declare(request: request));

        Assert.Equal(["Summary"], ex.Errors.Keys);
    }

    [Fact]
    public void Declare_TrimsTheTextAndStartsInTriageAtNow()
    {
        var request = _s.Request("  Checkout failing  ");
        request.Summary = null;

        var incident = _s.Declare(request: request);

        Assert.Equal("Checkout failing", incident.Name);
        Assert.Equal("", incident.Summary);
        Assert.Equal(IncidentStatus.Triage, incident.Status);
        Assert.Equal(_s.Now, incident.DeclaredAt);
        Assert.Equal(_s.Now, incident.DetectedAt);
        Assert.Equal(_s.Major.Id, incident.SeverityId);
    }

    [Fact]
    public void Declare_WithAnotherLead_AssignsLeadAndReporter()
    {
        var incident = _s.Declare(lead: _s.Bob);

        Assert.Equal(_s.Bob.UserId, incident.LeadId);
        Assert.Equal(_s.Bob.DisplayName, incident.LeadName);
        Assert.Equal(_s.Alice.UserId, incident.DeclaredById);
        Assert.Equal(_s.Bob.UserId, incident.CurrentHolder(_s.LeadRole.Id)?.UserId);
        Assert.Equal(_s.Alice.UserId, incident.CurrentHolder(_s.ReporterRole.Id)?.UserId);
        Assert.All(incident.RoleAssignments, r => Assert.Equal(_s.Now, r.AssignedAt));
    }

    [Fact]
    public void Declare_RecordsAHighlightedDeclaredEntry()
    {
        var incident = _s.Declare(lead: _s.Bob);

        var entry = Assert.Single(incident.Timeline);
        Assert.Equal(TimelineEntryKind.Declared, entry.Kind);
        Assert.True(entry.IsHighlighted);
        Assert.Equal(_s.Now, entry.OccurredAt);
        Assert.Equal("Alice Adams declared the incident, with Bob Brown as lead.", entry.Text);
        Assert.Equal("Severity Major · Triage", entry.Detail);
    }

    [Fact]
    public void Declare_WithARetiredSeverity_IsRefused()
    {
        _s.Major.Archive();

        var ex = Assert.Throws<DomainException>(() => _s.Declare());

        Assert.Contains("retired", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declare_WithSwappedRoleDefinitions_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Incident.Declare(
            1, _s.Request(), _s.Major, AggregateScenario.Ref(_s.Alice), _s.ReporterRole, _s.LeadRole, _s.Alice, _s.Now));
    }

    [Fact]
    public void Reference_FormatsTheNumber()
    {
        var incident = Incident.Declare(42, _s.Request(), _s.Major, AggregateScenario.Ref(_s.Alice), _s.LeadRole, _s.ReporterRole, _s.Alice, _s.Now);

        Assert.Equal("INC-42", incident.Reference);
        Assert.Contains(incident.RoleAssignments, r => r.RoleDefinition.Kind == IncidentRoleKind.Reporter);
    }
}
