using IncidentHub.Core.Actions;
using IncidentHub.Core.Events;
using IncidentHub.Core.FollowUps;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Reviews;
using IncidentHub.Core.Roles;
using IncidentHub.Core.StatusPage;

namespace IncidentHub.Tests.Core.Events;

/// <summary>Every event has a stable kind and survives the trip through the log's JSON unchanged.</summary>
public sealed class EventCatalogTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    /// <summary>One of each event. A new event type must be added here (the last test says so).</summary>
    public static readonly IReadOnlyList<IncidentEvent> Samples =
    [
        new IncidentDeclared("Checkout failing", "Summary", "Impact", 2, "Major", IncidentStatus.Triage, IncidentVisibility.Standard, "u1", "Riley", "u2", true)
        {
            Services = [new ServiceRef(4, "Ledger")],
            Type = new IncidentHub.Core.IncidentTypes.IncidentTypeRef(3, "Security"),
            ChannelPrefix = "sec",
        },
        new IncidentTypeChanged(new IncidentHub.Core.IncidentTypes.IncidentTypeRef(1, "Platform"), new IncidentHub.Core.IncidentTypes.IncidentTypeRef(3, "Security"),
            ["Security incidents are private, this one is visible to everyone signed in"]),
        new AffectedServicesChanged([new ServiceRef(4, "Ledger")], [new ServiceRef(2, "API")], [new ServiceRef(4, "Ledger"), new ServiceRef(5, "Payments")]),
        new StatusChanged(IncidentStatus.Triage, IncidentStatus.Investigating),
        new SeverityChanged(2, "Major", 3, "Critical", PartOfUpdate: true),
        new DetailsEdited(["name"], "New name", "Summary", "Impact"),
        new KeyTimeCorrected(IncidentTimestamp.Detected, null, At),
        new VisibilityChanged(IncidentVisibility.Standard, IncidentVisibility.Private),
        new LeadHandedOver("u1", "Riley", "u2", "Sam", "Incident Lead"),
        new LeadHandoverOffered("u1", "Riley", "u2", "Sam", "Rollback running.", null),
        new LeadHandoverWithdrawn("u2", "Sam", Declined: true),
        new RoleAssigned(4, "Scribe", IncidentRoleKind.Scribe, "u2", "Sam", null),
        new RoleUnassigned(4, "Scribe", "u2", "Sam"),
        new UpdatePosted(17, "Rolling back \"now\".", IncidentStatus.Fixing, 3, "Critical", At),
        new UpdateSkipped("Nothing new", At),
        new ReminderSnoozed(10, At),
        new CadenceChanged(15, true),
        new UpdateNudged("u1", 2),
        new ActionAdded(5, "Roll back", "u2", "Sam"),
        new ActionStatusChanged(5, "Roll back", ActionStatus.Outstanding, ActionStatus.Done),
        new ActionOwnerChanged(5, "Roll back", null, null),
        new NoteAdded(99, "Found it", true),
        new KeyEventMarked(99, false),
        new NoticeDraftSaved(),
        new ReviewStarted(3, "u1", "Riley"),
        new ReviewSectionSaved(3, 12, "Lessons"),
        new ReviewRequested(3, ["u2"], ["Sam"]),
        new ReviewAnswered(3, ReviewVerdict.ChangesRequested, "Say why."),
        new ReviewPublished(3),
        new ReviewReopened(3, "New facts"),
        new ReviewOwnerChanged(3, "u2", "Sam"),
        new ReviewKeyEventStarred(3, 99, true),
        new ReviewKeyEventReworded(3, 99, "We rolled back the deploy."),
        new FollowUpAdded(5, "Alert on queue depth", "u2", "Sam", At, FollowUpPriority.High, "https://tracker.example/OPS-1"),
        new ActionKeptAsFollowUp(5, "Roll back", null, FollowUpPriority.Medium),
        new FollowUpPlanned(5, "Roll back", At, FollowUpPriority.Low, null),
        new FollowUpDropped(5, "Roll back", "Superseded"),
        new NoticePublished("Payments failing", PublicStatus.Identified, "We know why.", "Checkout: partial outage"),
        new AccessRequested("u3", "Casey", "u1"),
        new AccessGranted("u3", "Casey"),
        new AccessRefused("u3", "Casey"),
        new AccessRevoked("u3", "Casey"),
        new ChatMessageMirrored("1764000000.000100", null, 100, "Sam Slack", 1),
        new MirroredMessageEdited("1764000000.000100", 100),
        new MirroredMessageDeleted("1764000000.000100", 100),
        new MirroredMessageMarked("1764000000.000100", 100, true),
        new ChannelMemberJoined("Gus Guest", 101),
        new ChatFileCopied(7, true),
        new MarkedNotRelated(12, 4),
        new NotRelatedUndone(12, 4, "Riley"),
        new PostIncidentTaskCompleted(8, "Write the review", "u1"),
        new PostIncidentTaskReopened(8, "Write the review", "u1"),
        new PostIncidentTaskNudged(8, "Write the review", "u1", At, 2),
        new FollowUpNudged(5, "Alert on queue depth", "u2", At, 1),
    ];

    public static TheoryData<IncidentEvent> Each => [.. Samples];

    [Theory]
    [MemberData(nameof(Each))]
    public void AnEvent_RoundTripsThroughItsPayload_WithItsVersionFirst(IncidentEvent incidentEvent)
    {
        var kind = IncidentEventCatalog.KindOf(incidentEvent);

        var payload = IncidentEventCatalog.Serialize(incidentEvent);
        var back = IncidentEventCatalog.Deserialize(kind, payload);

        Assert.Matches("^\\{\"v\":1[,}]", payload);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(incidentEvent, incidentEvent.GetType()), System.Text.Json.JsonSerializer.Serialize(back, back.GetType()));
    }

    [Fact]
    public void EveryEventType_HasItsOwnKind_AndASampleHere()
    {
        var kinds = IncidentEventCatalog.Types.Select(IncidentEventCatalog.KindOf).ToList();

        Assert.Equal(kinds.Count, kinds.Distinct(StringComparer.Ordinal).Count());
        Assert.All(kinds, k => Assert.Matches("^[a-z_]+\\.[a-z_]+$", k));
        Assert.Equal(IncidentEventCatalog.Types.OrderBy(t => t.Name), Samples.Select(s => s.GetType()).OrderBy(t => t.Name));
    }

    [Fact]
    public void AKindFromANewerVersion_IsReadAsUnrecognised_NotAnError()
    {
        var read = IncidentEventCatalog.Deserialize("workflow.triggered", "{\"v\":1,\"reviewId\":3}");

        Assert.Equal(new UnrecognisedEvent("workflow.triggered"), read);
        Assert.Equal("workflow.triggered", IncidentEventCatalog.KindOf(read));
    }
}
