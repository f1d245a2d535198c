using IncidentHub.Core.Incidents;
using IncidentHub.Core.Updates;

namespace IncidentHub.Tests.TestSupport;

/// <summary>Shortcuts that set up incidents through the real services.</summary>
public static class Scenario
{
    public static async Task<DeclaredIncident> DeclareAsync(this AppFactory app, TestUser by, string name, string severity = "Major", TestUser? lead = null, bool isPrivate = false)
    {
        var severities = await app.Get<IncidentQueries>().GetSeveritiesAsync();
        return await app.Get<IncidentService>().DeclareAsync(by.Actor, new DeclareIncidentRequest
        {
            Name = name,
            SeverityId = severities.Single(s => s.Name == severity).Id,
            Summary = $"Summary of {name}",
            LeadId = lead?.Actor.UserId,
            IsPrivate = isPrivate,
        });
    }

    public static Task PostUpdateAsync(this AppFactory app, TestUser by, DeclaredIncident incident, string message, IncidentStatus? status = null) =>
        app.Get<UpdateService>().PostUpdateAsync(by.Actor, incident.Id, new PostUpdateRequest { Message = message, NewStatus = status });
}
