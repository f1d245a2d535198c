using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Severities;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Reminders;

/// <summary>
/// The "is a nudge due?" rule and everything that moves it, on the aggregate, with a fake clock. Sending a nudge is the
/// sweep's alone: <see cref="UpdateNudgeSweeperTests"/> covers what a nudge does to the reminder.
/// </summary>
public sealed class UpdateDueRuleTests
{
    private static readonly TimeSpan Cadence = TimeSpan.FromMinutes(30);
    private readonly AggregateScenario _s = new();

    private DateTimeOffset At(TimeSpan sinceStart) => AggregateScenario.Start + sinceStart;

    private static TimeSpan Min(double minutes) => TimeSpan.FromMinutes(minutes);

    [Fact]
    public void NewIncident_IsNotDueAt29m59s()
    {
        var incident = _s.Declare();

        Assert.False(incident.Reminder.IsNudgeDue(At(Min(30) - TimeSpan.FromSeconds(1))));
        Assert.Equal(At(Cadence), incident.Reminder.DueAt);
    }

    [Fact]
    public void NewIncident_IsDueAt30m00s()
    {
        var incident = _s.Declare();

        Assert.True(incident.Reminder.IsNudgeDue(At(Cadence)));
    }

    [Fact]
    public void PostingAnUpdate_ResetsTheClock()
    {
        var incident = _s.Declare();
        _s.Advance(Min(35));

        incident.PostUpdate(_s.Alice, new PostUpdateRequest { Message = "Rolling back." }, null, _s.Now);

        Assert.Equal(At(Min(65)), incident.Reminder.DueAt);
        Assert.False(incident.Reminder.IsNudgeDue(At(Min(65)) - TimeSpan.FromSeconds(1)));
        Assert.True(incident.Reminder.IsNudgeDue(At(Min(65))));
        Assert.Equal(0, incident.Reminder.NudgeCount);
    }

    [Fact]
    public void AnUpdate_RecordsWhetherItWasOnTime()
    {
        var incident = _s.Declare();
        _s.Advance(Min(20));
        var onTime = incident.PostUpdate(_s.Alice, new PostUpdateRequest { Message = "On time." }, null, _s.Now);
        _s.Advance(Min(40));

        var late = incident.PostUpdate(_s.Alice, new PostUpdateRequest { Message = "Late." }, null, _s.Now);

        Assert.True(onTime.WasOnTime);
        Assert.Equal(At(Cadence), onTime.DueAt);
        Assert.False(late.WasOnTime);
        Assert.Equal(At(Min(50)), late.DueAt);
    }

    [Fact]
    public void ASkip_ResetsTheClock_AndPutsTheReasonOnTheTimeline()
    {
        var incident = _s.Declare();
        _s.Advance(Min(31));

        incident.SkipUpdate(_s.Alice, new SkipUpdateRequest { Reason = "  Nothing new; waiting on the vendor.  " }, _s.Now);

        Assert.Equal(At(Min(61)), incident.Reminder.DueAt);
        Assert.False(incident.Reminder.IsNudgeDue(At(Min(60))));
        var entry = incident.Timeline.Last();
        Assert.Equal(TimelineEntryKind.UpdateSkipped, entry.Kind);
        Assert.Equal("Nothing new; waiting on the vendor.", entry.Text);
    }

    [Fact]
    public void ASkip_WithoutAReason_IsRefusedOnReason_AndChangesNothing()
    {
        var incident = _s.Declare();
        _s.Advance(Min(31));

        var ex = Assert.Throws<ValidationFailedException>(() => incident.SkipUpdate(_s.Alice, new SkipUpdateRequest { Reason = "   " }, _s.Now));

        Assert.Contains(nameof(SkipUpdateRequest.Reason), ex.Errors.Keys);
        Assert.Equal(At(Cadence), incident.Reminder.DueAt);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(60)]
    public void ASnooze_MovesTheDueTime(int minutes)
    {
        var incident = _s.Declare();
        _s.Advance(Min(30));

        incident.SnoozeReminder(_s.Alice, minutes, _s.Now);

        Assert.Equal(At(Min(30 + minutes)), incident.Reminder.DueAt);
        Assert.False(incident.Reminder.IsNudgeDue(At(Min(30 + minutes)) - TimeSpan.FromSeconds(1)));
        Assert.True(incident.Reminder.IsNudgeDue(At(Min(30 + minutes))));
    }

    [Fact]
    public void ASnooze_OfAnOddLength_IsRefused()
    {
        var incident = _s.Declare();

        Assert.Throws<ValidationFailedException>(() => incident.SnoozeReminder(_s.Alice, 15, _s.Now));
        Assert.Equal(At(Cadence), incident.Reminder.DueAt);
    }

    [Fact]
    public void AHandOver_SendsTheNextNudgeToTheNewLead()
    {
        var incident = _s.Declare();

        incident.AssignRole(_s.Alice, _s.LeadRole, AggregateScenario.Ref(_s.Bob), _s.Alice.UserId, _s.Now);

        Assert.Equal(_s.Bob.UserId, incident.Reminder.LeadId);
        Assert.Equal(At(Cadence), incident.Reminder.DueAt);
    }

    [Theory]
    [InlineData(IncidentStatus.Resolved)]
    [InlineData(IncidentStatus.Closed)]
    [InlineData(IncidentStatus.Declined)]
    public void ResolvingOrDeclining_StopsTheNudges(IncidentStatus status)
    {
        var incident = _s.DeclareIn(status);

        Assert.False(incident.Reminder.IsRunning);
        Assert.False(incident.Reminder.IsNudgeDue(At(TimeSpan.FromDays(3))));
    }

    [Fact]
    public void Reopening_StartsTheNudgesAgain()
    {
        var incident = _s.DeclareIn(IncidentStatus.Resolved);
        _s.Advance(Min(90));

        incident.ChangeStatus(_s.Alice, IncidentStatus.Resolved, IncidentStatus.Investigating, _s.Now);

        Assert.Equal(_s.Now + Cadence, incident.Reminder.DueAt);
        Assert.True(incident.Reminder.IsNudgeDue(_s.Now + Cadence));
    }

    [Fact]
    public void AnUpdateThatResolves_StopsTheNudges()
    {
        var incident = _s.DeclareIn(IncidentStatus.Monitoring);

        incident.PostUpdate(_s.Alice, new PostUpdateRequest { Message = "All clear.", NewStatus = IncidentStatus.Resolved }, null, _s.Now);

        Assert.False(incident.Reminder.IsRunning);
    }

    [Fact]
    public void TheCadence_ComesFromTheSeverity()
    {
        var fast = new Severity(7, "Sev1", 5, "Everything is on fire.", updateCadenceMinutes: 15);

        var incident = Incident.Declare(1, _s.Request(), fast, AggregateScenario.Ref(_s.Alice), _s.LeadRole, _s.ReporterRole, _s.Alice, _s.Now);

        Assert.Equal(At(Min(15)), incident.Reminder.DueAt);
        Assert.True(incident.Reminder.IsNudgeDue(At(Min(15))));
    }

    [Fact]
    public void ChangingTheSeverity_FollowsItsCadence_FromTheLastUpdate()
    {
        var incident = _s.Declare();
        _s.Advance(Min(5));
        var fast = new Severity(7, "Sev1", 5, "Everything is on fire.", updateCadenceMinutes: 15);

        incident.ChangeSeverity(_s.Alice, incident.SeverityId, fast, _s.Now);

        Assert.Equal(15, incident.Reminder.CadenceMinutes);
        Assert.Equal(At(Min(15)), incident.Reminder.DueAt);
    }

    [Fact]
    public void TheLeadsOwnCadence_ForThisIncident_WinsOverTheSeverity()
    {
        var incident = _s.Declare();
        _s.Advance(Min(5));

        incident.ChangeCadence(_s.Alice, 10, _s.Now);
        incident.ChangeSeverity(_s.Alice, incident.SeverityId, new Severity(7, "Sev1", 5, "Fire.", updateCadenceMinutes: 60), _s.Now);

        Assert.True(incident.Reminder.CadenceOverridden);
        Assert.Equal(10, incident.Reminder.CadenceMinutes);
        Assert.Equal(At(Min(10)), incident.Reminder.DueAt);
        Assert.Equal(TimelineEntryKind.SeverityChanged, incident.Timeline.Last().Kind);
    }

    [Fact]
    public void BackToTheDefault_UsesTheSeveritysCadenceAgain()
    {
        var incident = _s.Declare();
        incident.ChangeCadence(_s.Alice, 10, _s.Now);

        incident.ChangeCadence(_s.Alice, null, _s.Now);

        Assert.False(incident.Reminder.CadenceOverridden);
        Assert.Equal(30, incident.Reminder.CadenceMinutes);
    }

    [Fact]
    public void SkipSnoozeAndCadence_ByAResponderWhoIsNotTheLead_AreForbidden()
    {
        var incident = _s.Declare();
        _s.Advance(Min(31));

        Assert.Throws<ForbiddenException>(() => incident.SkipUpdate(_s.Bob, new SkipUpdateRequest { Reason = "Mine now?" }, _s.Now));
        Assert.Throws<ForbiddenException>(() => incident.SnoozeReminder(_s.Bob, 10, _s.Now));
        Assert.Throws<ForbiddenException>(() => incident.ChangeCadence(_s.Bob, 10, _s.Now));
        Assert.Equal(At(Cadence), incident.Reminder.DueAt);
    }

    [Fact]
    public void AnAdmin_MaySnoozeForTheLead()
    {
        var incident = _s.Declare();
        _s.Advance(Min(31));

        incident.SnoozeReminder(_s.Carol, 10, _s.Now);

        Assert.Equal(At(Min(41)), incident.Reminder.DueAt);
    }

    [Fact]
    public void TheDatabaseRule_AgreesWithTheAggregateRule_AtTheBoundary()
    {
        var incident = _s.Declare();
        var justBefore = At(Cadence) - TimeSpan.FromTicks(1);

        Assert.False(UpdateReminder.NudgeDueAt(justBefore).Compile()(incident.Reminder));
        Assert.True(UpdateReminder.NudgeDueAt(At(Cadence)).Compile()(incident.Reminder));
        Assert.Equal(incident.Reminder.IsNudgeDue(justBefore), UpdateReminder.NudgeDueAt(justBefore).Compile()(incident.Reminder));
    }
}
