using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;

namespace IncidentHub.Tests.Core.Incidents;

public sealed class IncidentLifecycleTests
{
    [Theory]
    [InlineData(IncidentStatus.Triage, IncidentStatus.Investigating)]
    [InlineData(IncidentStatus.Triage, IncidentStatus.Declined)]
    [InlineData(IncidentStatus.Investigating, IncidentStatus.Fixing)]
    [InlineData(IncidentStatus.Fixing, IncidentStatus.Monitoring)]
    [InlineData(IncidentStatus.Monitoring, IncidentStatus.Fixing)]
    [InlineData(IncidentStatus.Monitoring, IncidentStatus.Resolved)]
    [InlineData(IncidentStatus.Resolved, IncidentStatus.Closed)]
    [InlineData(IncidentStatus.Resolved, IncidentStatus.Investigating)]
    public void CanMove_AllowedTransition_IsAllowed(IncidentStatus from, IncidentStatus to)
    {
        Assert.True(IncidentLifecycle.CanMove(from, to));
    }

    [Theory]
    [InlineData(IncidentStatus.Triage, IncidentStatus.Closed, "accept it or decline it first")]
    [InlineData(IncidentStatus.Triage, IncidentStatus.Resolved, "must be accepted")]
    [InlineData(IncidentStatus.Investigating, IncidentStatus.Declined, "Only an incident in Triage can be declined")]
    [InlineData(IncidentStatus.Fixing, IncidentStatus.Closed, "Resolve the incident before closing it")]
    [InlineData(IncidentStatus.Resolved, IncidentStatus.Fixing, "reopens to Investigating")]
    [InlineData(IncidentStatus.Closed, IncidentStatus.Investigating, "closed incident is final")]
    [InlineData(IncidentStatus.Declined, IncidentStatus.Investigating, "declined incident is final")]
    [InlineData(IncidentStatus.Investigating, IncidentStatus.Triage, "cannot go back to Triage")]
    [InlineData(IncidentStatus.Fixing, IncidentStatus.Fixing, "already Fixing")]
    public void EnsureCanMove_IllegalJump_ThrowsWithReason(IncidentStatus from, IncidentStatus to, string reason)
    {
        var ex = Assert.Throws<DomainException>(() => IncidentLifecycle.EnsureCanMove(from, to));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
