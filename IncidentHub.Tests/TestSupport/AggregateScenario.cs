using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Severities;
using IncidentHub.Core.Users;
using Microsoft.Extensions.Time.Testing;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// Everything the incident aggregate needs, without a database: severities and roles with distinct ids, a few people
/// and a <see cref="FakeTimeProvider"/> that supplies "now". Fresh objects per instance, so a test may archive or
/// change them freely.
/// </summary>
public sealed class AggregateScenario
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public DateTimeOffset Now => Time.GetUtcNow();

    public Severity Minor { get; } = new(1, "Minor", 1, "Small impact.");

    public Severity Major { get; } = new(2, "Major", 2, "Many customers affected.");

    public Severity Critical { get; } = new(3, "Critical", 3, "Product down.");

    public RoleDefinition LeadRole { get; } = new(10, IncidentRoleKind.Lead, "Incident Lead", "Lead it.", 0);

    public RoleDefinition ReporterRole { get; } = new(11, IncidentRoleKind.Reporter, "Reporter", "You saw it.", 1);

    public RoleDefinition CommsRole { get; } = new(12, IncidentRoleKind.CommunicationsLead, "Communications Lead", "Tell people.", 2);

    public RoleDefinition ScribeRole { get; } = new(13, IncidentRoleKind.Scribe, "Scribe", "Write it down.", 3);

    public Actor Alice { get; } = new("alice", "Alice Adams", AppRole.Responder);

    public Actor Bob { get; } = new("bob", "Bob Brown", AppRole.Responder);

    public Actor Carol { get; } = new("carol", "Carol Chen", AppRole.Admin);

    public static UserRef Ref(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new UserRef(actor.UserId, actor.DisplayName);
    }

    public void Advance(TimeSpan by) => Time.Advance(by);

    /// <summary>A valid declare request: named, Major, with a summary and customer impact.</summary>
    public DeclareIncidentRequest Request(string name = "Checkout failing") => new()
    {
        Name = name,
        SeverityId = Major.Id,
        Summary = "Card payments fail at 3-D Secure.",
        CustomerImpact = "EU customers cannot pay.",
    };

    /// <summary>Alice declares a Major incident now; she leads it unless <paramref name="lead"/> is given.</summary>
    public Incident Declare(Actor? lead = null, DeclareIncidentRequest? request = null) =>
        Incident.Declare(1, request ?? Request(), Major, Ref(lead ?? Alice), LeadRole, ReporterRole, Alice, Now);

    /// <summary>Declares and walks the lifecycle to <paramref name="status"/>, one minute per step.</summary>
    public Incident DeclareIn(IncidentStatus status)
    {
        var incident = Declare();
        foreach (var step in PathTo(status))
        {
            Advance(TimeSpan.FromMinutes(1));
            incident.ChangeStatus(Alice, incident.Status, step, Now);
        }

        return incident;
    }

    private static IncidentStatus[] PathTo(IncidentStatus status) => status switch
    {
        IncidentStatus.Triage => [],
        IncidentStatus.Declined => [IncidentStatus.Declined],
        _ => IncidentStatuses.All.Where(s => s != IncidentStatus.Triage && s != IncidentStatus.Declined && s <= status).ToArray(),
    };
}
