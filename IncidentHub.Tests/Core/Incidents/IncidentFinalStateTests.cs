using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Incidents;

/// <summary>
/// Closed and Declined are final: every change to the incident itself is refused. Actions are follow-ups and outlive a
/// closed incident, but not a declined one.
/// </summary>
public sealed class IncidentFinalStateTests
{
    public static TheoryData<IncidentStatus, string> FinalStatusesAndChanges()
    {
        var data = new TheoryData<IncidentStatus, string>();
        foreach (var status in new[] { IncidentStatus.Closed, IncidentStatus.Declined })
        {
            foreach (var change in Changes.Keys)
            {
                data.Add(status, change);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, Action<AggregateScenario, Incident>> Changes = new()
    {
        ["post an update"] = (s, i) => i.PostUpdate(s.Alice, new PostUpdateRequest { Message = "More." }, null, s.Now),
        ["change the status"] = (s, i) => i.ChangeStatus(s.Alice, i.Status, IncidentStatus.Investigating, s.Now),
        ["change the severity"] = (s, i) => i.ChangeSeverity(s.Alice, i.SeverityId, s.Critical, s.Now),
        ["edit the details"] = (s, i) =>
            i.EditDetails(s.Alice, new IncidentDetails(i.Name, i.Summary, i.CustomerImpact), new EditIncidentDetailsRequest { Name = "New" }, s.Now),
        ["hand over the lead"] = (s, i) => i.AssignRole(s.Alice, s.LeadRole, AggregateScenario.Ref(s.Bob), i.LeadId, s.Now),
        ["remove a role"] = (s, i) => i.UnassignRole(s.Alice, s.ScribeRole, s.Bob.UserId, s.Now),
        ["add a note"] = (s, i) => i.AddNote(s.Alice, new IncidentHub.Core.Timeline.AddNoteRequest { Text = "Afterthought." }, s.Now),
        ["correct a key time"] = (s, i) => i.CorrectTimestamp(s.Alice, IncidentTimestamp.ImpactStarted, i.ImpactStartedAt, i.DeclaredAt - TimeSpan.FromMinutes(5), s.Now),
    };

    [Theory]
    [MemberData(nameof(FinalStatusesAndChanges))]
    public void Change_OnAFinalIncident_IsRefusedAndChangesNothing(IncidentStatus status, string change)
    {
        var s = new AggregateScenario();
        var incident = s.DeclareIn(status);
        var version = incident.Version;
        var entries = incident.Timeline.Count;

        var ex = Assert.ThrowsAny<DomainException>(() => Changes[change](s, incident));

        Assert.IsNotType<ConflictException>(ex);
        Assert.Contains(status.ToString().ToLowerInvariant(), ex.Message.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Equal(status, incident.Status);
        Assert.Equal(version, incident.Version);
        Assert.Equal(entries, incident.Timeline.Count);
        Assert.Equal("Checkout failing", incident.Name);
        Assert.Equal(s.Alice.UserId, incident.LeadId);
    }

    [Fact]
    public void Actions_OnAClosedIncident_CanStillBeAddedAndTickedOff()
    {
        var s = new AggregateScenario();
        var incident = s.DeclareIn(IncidentStatus.Closed);

        var action = incident.AddAction(s.Alice, new AddActionRequest { Title = "Add a config check" }, null, s.Now);

        Assert.Equal(ActionStatus.Outstanding, action.Status);
        Assert.True(incident.PermissionsFor(s.Alice).ChangeActions);
    }

    [Fact]
    public void Actions_OnADeclinedIncident_AreRefused()
    {
        var s = new AggregateScenario();
        var incident = s.DeclareIn(IncidentStatus.Declined);

        var ex = Assert.Throws<DomainException>(() => incident.AddAction(s.Alice, new AddActionRequest { Title = "Later" }, null, s.Now));

        Assert.Contains("declined", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(incident.Actions);
    }

    [Theory]
    [InlineData(IncidentStatus.Declined)]
    [InlineData(IncidentStatus.Resolved)]
    public void AFinishedIncident_RecordsWhenItEnded_SoItsDurationStops(IncidentStatus status)
    {
        var s = new AggregateScenario();
        var incident = s.DeclareIn(status);
        var ended = incident.EndedAt;

        s.Advance(TimeSpan.FromDays(1));

        Assert.NotNull(ended);
        Assert.Equal(ended!.Value - incident.DeclaredAt, IncidentRules.OpenFor(incident.DeclaredAt, incident.EndedAt, s.Now));
    }
}
