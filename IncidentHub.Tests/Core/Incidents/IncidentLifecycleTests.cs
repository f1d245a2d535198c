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

    [Theory]
    [InlineData(IncidentStatus.Closed)]
    [InlineData(IncidentStatus.Declined)]
    public void NextStatuses_FromAFinalStatus_IsEmpty(IncidentStatus from)
    {
        Assert.Empty(IncidentLifecycle.NextStatuses(from));
    }

    [Fact]
    public void NextStatuses_FromTriage_AreAcceptOrDecline()
    {
        Assert.Equal(
            [IncidentStatus.Investigating, IncidentStatus.Fixing, IncidentStatus.Monitoring, IncidentStatus.Declined],
            IncidentLifecycle.NextStatuses(IncidentStatus.Triage));
    }

    [Fact]
    public void NextStatuses_FromResolved_AreReopenOrClose()
    {
        Assert.Equal([IncidentStatus.Investigating, IncidentStatus.Closed], IncidentLifecycle.NextStatuses(IncidentStatus.Resolved));
    }

    [Fact]
    public void NextStatuses_WhileWorking_MoveFreelyAndResolveButNeverBackToTriage()
    {
        Assert.Equal(
            [IncidentStatus.Investigating, IncidentStatus.Monitoring, IncidentStatus.Resolved],
            IncidentLifecycle.NextStatuses(IncidentStatus.Fixing));
    }

    [Fact]
    public void NextStatuses_AgreeWithCanMoveForEveryPair()
    {
        foreach (var from in IncidentStatuses.All)
        {
            foreach (var to in IncidentStatuses.All)
            {
                Assert.Equal(IncidentLifecycle.NextStatuses(from).Contains(to), IncidentLifecycle.CanMove(from, to));
                Assert.Equal(IncidentLifecycle.CanMove(from, to), IncidentLifecycle.RefusalReason(from, to) is null);
            }
        }
    }

    [Fact]
    public void EnsureCanMove_AllowedTransition_DoesNotThrow()
    {
        var ex = Record.Exception(() => IncidentLifecycle.EnsureCanMove(IncidentStatus.Monitoring, IncidentStatus.Resolved));

        Assert.Null(ex);
    }

    [Theory]
    [InlineData(IncidentStatus.Triage, true)]
    [InlineData(IncidentStatus.Investigating, true)]
    [InlineData(IncidentStatus.Fixing, true)]
    [InlineData(IncidentStatus.Monitoring, true)]
    [InlineData(IncidentStatus.Resolved, false)]
    [InlineData(IncidentStatus.Closed, false)]
    [InlineData(IncidentStatus.Declined, false)]
    public void IsActive_OnlyWhileBeingWorkedOn(IncidentStatus status, bool active)
    {
        Assert.Equal(active, status.IsActive());
        Assert.Equal(active, IncidentStatuses.Active.Contains(status));
    }

    [Theory]
    [InlineData(IncidentStatus.Resolved, true)]
    [InlineData(IncidentStatus.Closed, true)]
    [InlineData(IncidentStatus.Declined, false)]
    [InlineData(IncidentStatus.Monitoring, false)]
    public void HasReview_OnlyOnceResolved(IncidentStatus status, bool hasReview)
    {
        Assert.Equal(hasReview, status.HasReview());
    }
}
