using IncidentHub.Core.Roles;

namespace IncidentHub.Core.Events;

// Who holds which role. The lead is never "assigned": it is handed over.

/// <param name="RoleName">What the lead role is called here (admins may rename it).</param>
[EventKind("role.lead_handed_over")]
public sealed record LeadHandedOver(string FromUserId, string FromName, string ToUserId, string ToName, string RoleName) : IncidentEvent;

/// <param name="PreviousUserId">Who held it until now (null for nobody).</param>
[EventKind("role.assigned")]
public sealed record RoleAssigned(int RoleId, string RoleName, IncidentRoleKind RoleKind, string UserId, string UserName, string? PreviousUserId) : IncidentEvent;

[EventKind("role.unassigned")]
public sealed record RoleUnassigned(int RoleId, string RoleName, string UserId, string UserName) : IncidentEvent;
