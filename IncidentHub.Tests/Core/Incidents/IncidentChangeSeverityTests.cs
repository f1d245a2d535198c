using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Incidents;

public sealed class IncidentChangeSeverityTests
{
    private readonly AggregateScenario _s = new();

    [Fact]
    public void ChangeSeverity_Up_IsRecordedAsRaised()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);

        incident.ChangeSeverity(_s.Bob, _s.Major.Id, _s.Critical, _s.Now);

        Assert.Equal(_s.Critical.Id, incident.SeverityId);
        Assert.Same(_s.Critical, incident.Severity);
        var entry = incident.Timeline.Last();
        Assert.Equal(TimelineEntryKind.SeverityChanged, entry.Kind);
        Assert.Equal("Bob Brown raised the severity to Critical.", entry.Text);
        Assert.Equal("Major → Critical", entry.Detail);
    }

    [Fact]
    public void ChangeSeverity_Down_IsRecordedAsLowered()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);

        incident.ChangeSeverity(_s.Alice, _s.Major.Id, _s.Minor, _s.Now);

        Assert.Equal("Alice Adams lowered the severity to Minor.", incident.Timeline.Last().Text);
    }

    [Fact]
    public void ChangeSeverity_WhenSomeoneElseChangedIt_ThrowsConflictAndChangesNothing()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        incident.ChangeSeverity(_s.Bob, _s.Major.Id, _s.Critical, _s.Now);
        var version = incident.Version;

        var ex = Assert.Throws<ConflictException>(() => incident.ChangeSeverity(_s.Alice, _s.Major.Id, _s.Minor, _s.Now));

        Assert.Contains("Critical", ex.Message, StringComparison.Ordinal);
        Assert.Equal(_s.Critical.Id, incident.SeverityId);
        Assert.Equal(version, incident.Version);
    }

    [Fact]
    public void ChangeSeverity_ToTheSameSeverity_IsRefused()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var entries = incident.Timeline.Count;

        var ex = Assert.Throws<DomainException>(() => incident.ChangeSeverity(_s.Alice, _s.Major.Id, _s.Major, _s.Now));

        Assert.Equal("The incident is already Major.", ex.Message);
        Assert.Equal(entries, incident.Timeline.Count);
    }

    [Fact]
    public void ChangeSeverity_ToARetiredSeverity_IsRefused()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        _s.Minor.Archive();

        Assert.Throws<DomainException>(() => incident.ChangeSeverity(_s.Alice, _s.Major.Id, _s.Minor, _s.Now));

        Assert.Equal(_s.Major.Id, incident.SeverityId);
    }
}
