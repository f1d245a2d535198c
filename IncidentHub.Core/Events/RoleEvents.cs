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

/// <summary>The lead offered to someone with a note; the current lead leads until they accept.</summary>
/// <param name="ReplacedToUserId">Whom an earlier pending offer was to, when this one replaces it.</param>
[EventKind("role.lead_offered")]
public sealed record LeadHandoverOffered(string FromUserId, string FromName, string ToUserId, string ToName, string Note, string? ReplacedToUserId) : IncidentEvent;

/// <summary>A pending hand-over ended with no change of lead: declined by the incoming lead, withdrawn, or lapsed.</summary>
[EventKind("role.lead_offer_withdrawn")]
public sealed record LeadHandoverWithdrawn(string ToUserId, string ToName, bool Declined) : IncidentEvent;
