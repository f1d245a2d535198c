using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Incidents;

public sealed class IncidentEditDetailsTests
{
    private readonly AggregateScenario _s = new();

    private static EditIncidentDetailsRequest From(IncidentDetails details) =>
        new() { Name = details.Name, Summary = details.Summary, CustomerImpact = details.CustomerImpact };

    private static IncidentDetails DetailsOf(Incident incident) => new(incident.Name, incident.Summary, incident.CustomerImpact);

    [Fact]
    public void EditDetails_ChangedName_IsSavedAndRecorded()
    {
        var incident = _s.Declare();
        var started = DetailsOf(incident);
        var request = From(started);
        request.Name = "Checkout failing for EU cards";

        incident.EditDetails(_s.Alice, started, request, _s.Now);

        Assert.Equal("Checkout failing for EU cards", incident.Name);
        var entry = incident.Timeline.Last();
        Assert.Equal(TimelineEntryKind.DetailsEdited, entry.Kind);
        Assert.Equal("Alice Adams edited the name.", entry.Text);
        Assert.Equal("Name: Checkout failing for EU cards", entry.Detail);
    }

    [Fact]
    public void EditDetails_WhenSomeoneElseChangedTheSameField_ThrowsConflictAndKeepsTheirValue()
    {
        var incident = _s.Declare();
        var started = DetailsOf(incident);
        var alice = From(started);
        alice.Name = "Alice's name";
        incident.EditDetails(_s.Alice, started, alice, _s.Now);
        var bob = From(started);
        bob.Name = "Bob's name";

        var ex = Assert.Throws<ConflictException>(() => incident.EditDetails(_s.Bob, started, bob, _s.Now));

        Assert.Contains("the name", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Alice's name", incident.Name);
    }

    [Fact]
    public void EditDetails_WhenSomeoneElseChangedAnotherField_SavesMineAndKeepsTheirs()
    {
        var incident = _s.Declare();
        var started = DetailsOf(incident);
        var alice = From(started);
        alice.Summary = "Alice's summary";
        incident.EditDetails(_s.Alice, started, alice, _s.Now);
        var bob = From(started);
        bob.Name = "Bob's name";

        incident.EditDetails(_s.Bob, started, bob, _s.Now);

        Assert.Equal("Bob's name", incident.Name);
        Assert.Equal("Alice's summary", incident.Summary);
        Assert.Equal("Bob Brown edited the name.", incident.Timeline.Last().Text);
    }

    [Fact]
    public void EditDetails_WhenBothMadeTheSameChange_IsNoConflict()
    {
        var incident = _s.Declare();
        var started = DetailsOf(incident);
        var alice = From(started);
        alice.CustomerImpact = "Nobody can pay.";
        incident.EditDetails(_s.Alice, started, alice, _s.Now);
        var entries = incident.Timeline.Count;

        incident.EditDetails(_s.Bob, started, alice, _s.Now);

        Assert.Equal("Nobody can pay.", incident.CustomerImpact);
        Assert.Equal(entries, incident.Timeline.Count);
    }

    [Fact]
    public void EditDetails_WithNothingChanged_RecordsNothing()
    {
        var incident = _s.Declare();
        var started = DetailsOf(incident);
        var version = incident.Version;
        var entries = incident.Timeline.Count;

        incident.EditDetails(_s.Alice, started, From(started), _s.Now);

        Assert.Equal(version, incident.Version);
        Assert.Equal(entries, incident.Timeline.Count);
    }

    [Fact]
    public void EditDetails_WithAnEmptyName_IsRefusedOnName()
    {
        var incident = _s.Declare();
        var started = DetailsOf(incident);
        var request = From(started);
        request.Name = " ";

        var ex = Assert.Throws<ValidationFailedException>(() => incident.EditDetails(_s.Alice, started, request, _s.Now));

        Assert.Equal(["Name"], ex.Errors.Keys);
        Assert.Equal(started.Name, incident.Name);
    }
}
