using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Actions;

public sealed class IncidentActionTests
{
    private readonly AggregateScenario _s = new();

    [Fact]
    public void AddAction_WithAnOwner_IsOutstandingAndRecorded()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);

        var action = incident.AddAction(_s.Alice, new AddActionRequest { Title = "  Roll back  " }, AggregateScenario.Ref(_s.Bob), _s.Now);

        Assert.Equal("Roll back", action.Title);
        Assert.Equal(ActionStatus.Outstanding, action.Status);
        Assert.Equal(_s.Bob.UserId, action.OwnerId);
        Assert.Equal(_s.Alice.UserId, action.CreatedById);
        Assert.Equal(_s.Now, action.CreatedAt);
        Assert.Null(action.CompletedAt);
        Assert.Same(action, Assert.Single(incident.Actions));
        var entry = incident.Timeline.Last();
        Assert.Equal(TimelineEntryKind.ActionAdded, entry.Kind);
        Assert.Equal("Alice Adams added an action for Bob Brown: Roll back", entry.Text);
    }

    [Fact]
    public void AddAction_WithoutAnOwner_SaysSo()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);

        var action = incident.AddAction(_s.Alice, new AddActionRequest { Title = "Page the DBA" }, null, _s.Now);

        Assert.Null(action.OwnerId);
        Assert.Equal("Alice Adams added an action with no owner yet: Page the DBA", incident.Timeline.Last().Text);
    }

    [Fact]
    public void AddAction_WithoutATitle_IsRefusedOnTitle()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);

        var ex = Assert.Throws<ValidationFailedException>(() => incident.AddAction(_s.Alice, new AddActionRequest { Title = "" }, null, _s.Now));

        Assert.Equal(["Title"], ex.Errors.Keys);
        Assert.Empty(incident.Actions);
    }

    [Fact]
    public void ChangeActionStatus_ToDone_SetsCompletedAt()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var action = incident.AddAction(_s.Alice, new AddActionRequest { Title = "Roll back" }, null, _s.Now);
        _s.Advance(TimeSpan.FromMinutes(9));

        incident.ChangeActionStatus(_s.Bob, action.Id, ActionStatus.Outstanding, ActionStatus.Done, _s.Now);

        Assert.Equal(ActionStatus.Done, action.Status);
        Assert.Equal(_s.Now, action.CompletedAt);
        Assert.Equal("Bob Brown marked an action done: Roll back", incident.Timeline.Last().Text);
    }

    [Fact]
    public void ChangeActionStatus_BackToOutstanding_ClearsCompletedAt()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var action = incident.AddAction(_s.Alice, new AddActionRequest { Title = "Roll back" }, null, _s.Now);
        incident.ChangeActionStatus(_s.Bob, action.Id, ActionStatus.Outstanding, ActionStatus.NotDoing, _s.Now);

        incident.ChangeActionStatus(_s.Bob, action.Id, ActionStatus.NotDoing, ActionStatus.Outstanding, _s.Now);

        Assert.Equal(ActionStatus.Outstanding, action.Status);
        Assert.Null(action.CompletedAt);
    }

    [Fact]
    public void ChangeActionStatus_WhenSomeoneElseChangedIt_ThrowsConflictAndChangesNothing()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var action = incident.AddAction(_s.Alice, new AddActionRequest { Title = "Roll back" }, null, _s.Now);
        incident.ChangeActionStatus(_s.Bob, action.Id, ActionStatus.Outstanding, ActionStatus.Done, _s.Now);
        var entries = incident.Timeline.Count;

        var ex = Assert.Throws<ConflictException>(() =>
            incident.ChangeActionStatus(_s.Alice, action.Id, ActionStatus.Outstanding, ActionStatus.NotDoing, _s.Now));

        Assert.Contains("as done", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ActionStatus.Done, action.Status);
        Assert.Equal(entries, incident.Timeline.Count);
    }

    [Fact]
    public void ChangeActionStatus_OfAnUnknownAction_IsNotFound()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);

        Assert.Throws<NotFoundException>(() => incident.ChangeActionStatus(_s.Alice, 99, ActionStatus.Outstanding, ActionStatus.Done, _s.Now));
    }

    [Fact]
    public void ChangeActionOwner_ToSomeoneElse_IsRecorded()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var action = incident.AddAction(_s.Alice, new AddActionRequest { Title = "Roll back" }, AggregateScenario.Ref(_s.Bob), _s.Now);

        incident.ChangeActionOwner(_s.Alice, action.Id, _s.Bob.UserId, AggregateScenario.Ref(_s.Carol), _s.Now);

        Assert.Equal(_s.Carol.UserId, action.OwnerId);
        Assert.Equal(_s.Carol.DisplayName, action.OwnerName);
        Assert.Equal("Alice Adams gave an action to Carol Chen: Roll back", incident.Timeline.Last().Text);
    }

    [Fact]
    public void ChangeActionOwner_ToNobody_RemovesTheOwner()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var action = incident.AddAction(_s.Alice, new AddActionRequest { Title = "Roll back" }, AggregateScenario.Ref(_s.Bob), _s.Now);

        incident.ChangeActionOwner(_s.Alice, action.Id, _s.Bob.UserId, null, _s.Now);

        Assert.Null(action.OwnerId);
        Assert.Null(action.OwnerName);
    }

    [Fact]
    public void ChangeActionOwner_WhenSomeoneElseChangedIt_ThrowsConflict()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var action = incident.AddAction(_s.Alice, new AddActionRequest { Title = "Roll back" }, AggregateScenario.Ref(_s.Bob), _s.Now);

        Assert.Throws<ConflictException>(() =>
            incident.ChangeActionOwner(_s.Alice, action.Id, null, AggregateScenario.Ref(_s.Carol), _s.Now));

        Assert.Equal(_s.Bob.UserId, action.OwnerId);
    }
}
