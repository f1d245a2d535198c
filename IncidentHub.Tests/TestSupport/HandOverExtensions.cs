using IncidentHub.Core.Common;
using IncidentHub.Core.Roles;

namespace IncidentHub.Tests.TestSupport;

internal static class HandOverExtensions
{
    /// <summary>A whole hand-over, as people do it: the lead offers it with a note and the incoming lead accepts.</summary>
    public static async Task HandOverLeadAsync(this RoleAssignmentService roles, Actor from, int incidentId, Actor to, string expectedLeadId, CancellationToken cancellationToken)
    {
        await roles.OfferLeadAsync(from, incidentId, new OfferLeadRequest { UserId = to.UserId, Note = "Over to you: the rollback is running." }, expectedLeadId, cancellationToken);
        await roles.AcceptLeadAsync(to, incidentId, expectedLeadId, cancellationToken);
    }
}
